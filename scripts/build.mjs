// Bundles the CLI and its runtime dependencies into dist/ (DESIGN.md sections 10 and 11).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const root = new URL('..', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // commander and a few others are CommonJS: give the ESM bundle a require().
  banner: { js: "import { createRequire as __mqCreateRequire } from 'node:module'; const require = __mqCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The answers file's JSON Schema, shipped in the package (`template` points at it): written by the
// freshly built `mlops-quiz schema`, so the file and the command cannot disagree.
{
  const { execFileSync } = await import('node:child_process');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const schema = execFileSync(process.execPath, [fileURLToPath(new URL('bin/mlops-quiz.js', root)), 'schema'], { encoding: 'utf8' });
  mkdirSync(new URL('schema', root), { recursive: true });
  writeFileSync(new URL('schema/answers.schema.json', root), schema);
}
