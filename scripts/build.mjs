// Bundles the CLI and its runtime dependencies into dist/ (docs/DESIGN.md sections 2, 10 and 11): one
// esbuild ESM bundle with code splitting, so that each command loads what it needs and the heavy modules
// (Inquirer, remark, yaml) only where they are used; the read worker as a second entry. Then compiles
// the bundled quizzes to their models (dist/quizzes/NAME.json), so that running one loads no reader,
// and writes the answers file's JSON Schema (schema/answers.schema.json) with the freshly built CLI.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });

const version = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;

// chalk's colour detection probes the terminal when imported; every Chalk we make gets its level from
// colorLevel (src/reporters/style.ts), so the bundle gets a stand-in that detects nothing.
const noColorDetection = {
  name: 'no-color-detection',
  setup(plugin) {
    plugin.onResolve({ filter: /^#supports-color$/ }, () => ({ path: fileURLToPath(new URL('src/reporters/no-color-detection.ts', root)) }));
  },
};

const common = {
  absWorkingDir: fileURLToPath(root),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // commander and a few others are CommonJS: give the ESM bundle a require().
  banner: { js: "import { createRequire as __mqCreateRequire } from 'node:module'; const require = __mqCreateRequire(import.meta.url);" },
  define: { __MQ_VERSION__: JSON.stringify(version) },
  // yaml's Node entry is CommonJS (all of it is bundled); its ESM build lets esbuild keep what we use.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  plugins: [noColorDetection],
  minify: !process.env.BUILD_NO_MINIFY, // BUILD_NO_MINIFY=1: readable names in CPU profiles
};

// dist/cli.js (main), dist/dirs.js (bin asks it where Node's compile cache goes), dist/read-worker.js (a thread reading part of a large quiz), and their chunks.
const result = await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', dirs: 'src/store/dirs.ts', 'read-worker': 'src/store/read-worker.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
});
// What each chunk holds and imports: tests/cli/bundle.test.ts checks that the light paths stay light.
// Kept out of the package (`files` in package.json).
writeFileSync(new URL('meta.json', dist), JSON.stringify(result.metafile));

// Compile each bundled quiz with the run-time reader (src/store/compiled.ts reads them back).
const compiler = new URL('.compile.mjs', dist);
await build({
  ...common,
  stdin: { contents: "export { loadMarkdown } from './src/dialects/markdown/index.ts'; export { encodeCompiled } from './src/store/compiled.ts';", resolveDir: fileURLToPath(root), loader: 'ts' },
  outfile: fileURLToPath(compiler),
});
try {
  const { loadMarkdown, encodeCompiled } = await import(compiler.href);
  const markdown = await loadMarkdown();
  mkdirSync(new URL('quizzes/', dist), { recursive: true });
  for (const file of readdirSync(new URL('quizzes/', root)).filter((name) => name.endsWith('.md'))) {
    const name = file.slice(0, -3);
    const text = readFileSync(new URL(`quizzes/${file}`, root), 'utf8');
    const options = { file: name, source: name };
    const parsed = markdown.read(text, options);
    if (!parsed.quiz) throw new Error(`quizzes/${file}: the bundled quiz does not parse: ${JSON.stringify(parsed.errors)}`);
    writeFileSync(new URL(`quizzes/${name}.json`, dist), encodeCompiled(text, options, parsed));
  }
} finally {
  rmSync(compiler, { force: true });
}

// The answers file's JSON Schema, shipped in the package (`template` points at it): written by the
// freshly built `mlops-quiz schema`, so the file and the command cannot disagree.
{
  const schema = execFileSync(process.execPath, [fileURLToPath(new URL('bin/mlops-quiz.js', root)), 'schema'], { encoding: 'utf8' });
  mkdirSync(new URL('schema', root), { recursive: true });
  writeFileSync(new URL('schema/answers.schema.json', root), schema);
}
