import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // What scripts/build.mjs puts in the bundle (src/globals.d.ts).
  define: { __MQ_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    // Due dates are told in the learner's local days: the tests read them in UTC wherever they run.
    env: { TZ: 'UTC' },
    hookTimeout: 60_000,
  },
});
