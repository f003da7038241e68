/** The package's version, replaced at build time (scripts/build.mjs) and in tests (vitest.config.ts). */
declare const __MQ_VERSION__: string;
