// Bundles the CLI and its runtime dependencies into dist/ (DESIGN.md sections 10 and 11), then compiles
// the bundled quizzes to their models (dist/quizzes/NAME.json), so that running one loads no parser.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });

// commander and a few others are CommonJS: give the ESM bundle a require().
const banner = { js: "import { createRequire as __mqCreateRequire } from 'node:module'; const require = __mqCreateRequire(import.meta.url);" };
const common = {
  absWorkingDir: root.pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  banner,
  logLevel: 'warning',
  define: { __MQ_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version) },
  // yaml's Node entry is CommonJS (all of it is bundled); its ESM build lets esbuild keep what we use.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// src/cli.ts imports src/run-answers.ts (the fast `run --answers` path) at run time; it is built on its
// own below, to the same relative place (dist/run-answers.js).
const fastEntry = {
  name: 'fast-entry',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/run-answers\.js$/ }, (args) => (args.importer.endsWith('/src/cli.ts') ? { path: args.path, external: true } : undefined));
  },
};
// chalk's colour detection probes the terminal when imported; every Chalk we make gets its level from
// colorLevel (src/render/style.ts), so the bundle gets a stand-in that detects nothing.
const noColorDetection = {
  name: 'no-color-detection',
  setup(plugin) {
    plugin.onResolve({ filter: /^#supports-color$/ }, () => ({ path: new URL('src/render/no-color-detection.ts', root).pathname }));
  },
};
const minify = !process.env.BUILD_NO_MINIFY; // BUILD_NO_MINIFY=1: readable names in CPU profiles
const result = await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  minify,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [fastEntry, noColorDetection],
});
// esbuild makes dist/cli.js import its runtime helpers' chunk for its side effects, though the CLI
// module uses none of them (the chunks that do import it themselves): one file fewer on every path,
// `--version` included. Only a chunk of helpers alone (no source input) is dropped, and only if bare.
{
  const cli = new URL('cli.js', dist);
  const outputs = result.metafile.outputs;
  let text = readFileSync(cli, 'utf8');
  for (const imported of outputs['dist/cli.js'].imports) {
    const chunk = outputs[imported.path];
    const bare = `import"./${imported.path.slice('dist/'.length)}";`;
    if (imported.kind === 'import-statement' && chunk && Object.keys(chunk.inputs).length === 0 && text.includes(bare)) {
      text = text.replace(bare, '');
      outputs['dist/cli.js'].imports = outputs['dist/cli.js'].imports.filter((one) => one !== imported);
    }
  }
  writeFileSync(cli, text);
}

// The fast path as one module, and the parser and the cache as one module each (loaded only on a real
// parse): Node's ESM loader pays for each file it reads and links, and the chunks that code splitting
// shares made a dozen of them on this path (docs/SPEED.md). No splitting, so the few small pure
// modules they share (text.ts, version.ts) are in each; the parser core is one instance, imported by
// the loader and by parse-quiz.js alike.
const lazyModules = { './parse-core.js': './fast/parse-core.js', './parse-quiz.js': './fast/parse-quiz.js', './cache.js': './fast/cache.js' };
const fastExternals = (rename) => ({
  name: 'fast-externals',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/(parse-core|parse-quiz|cache)\.js$/ }, (args) =>
      args.importer.includes('/src/quiz/') && args.kind === (rename ? 'dynamic-import' : 'import-statement') ? { path: rename ? lazyModules[args.path] : args.path, external: true } : undefined,
    );
  },
});
const fastBuilds = [
  { entryPoints: { 'run-answers': 'src/run-answers.ts' }, outdir: 'dist', plugins: [noColorDetection, fastExternals(true)] },
  { entryPoints: { 'parse-core': 'src/quiz/parse-core.ts', cache: 'src/quiz/cache.ts' }, outdir: 'dist/fast', plugins: [] },
  { entryPoints: { 'parse-quiz': 'src/quiz/parse-quiz.ts' }, outdir: 'dist/fast', plugins: [fastExternals(false)] },
];
const fast = [];
for (const options of fastBuilds) fast.push(await build({ ...common, ...options, minify, metafile: true }));
// What each chunk holds and imports: tests/bundle.test.ts checks that the fast paths stay light.
// Kept out of the package (`files` in package.json).
writeFileSync(
  new URL('meta.json', dist),
  JSON.stringify({ inputs: Object.assign({}, result.metafile.inputs, ...fast.map((one) => one.metafile.inputs)), outputs: Object.assign({}, result.metafile.outputs, ...fast.map((one) => one.metafile.outputs)) }),
);

// Compile each bundled quiz with the run-time parser (src/quiz/compiled.ts reads them back).
const compiler = new URL('.compile.mjs', dist);
await build({ ...common, stdin: { contents: "export { parseQuiz } from './src/quiz/parse-quiz.ts'; export { encodeCompiled } from './src/quiz/compiled.ts';", resolveDir: root.pathname, loader: 'ts' }, outfile: compiler.pathname });
try {
  const { parseQuiz, encodeCompiled } = await import(compiler.href);
  mkdirSync(new URL('quizzes/', dist), { recursive: true });
  for (const file of readdirSync(new URL('quizzes/', root)).filter((name) => name.endsWith('.md'))) {
    const name = file.slice(0, -3);
    const text = readFileSync(new URL(`quizzes/${file}`, root), 'utf8');
    const options = { file: name, source: name };
    const parsed = parseQuiz(text, options);
    if (!parsed.quiz) throw new Error(`quizzes/${file}: the bundled quiz does not parse: ${JSON.stringify(parsed.errors)}`);
    writeFileSync(new URL(`quizzes/${name}.json`, dist), encodeCompiled(text, options, parsed));
  }
} finally {
  rmSync(compiler, { force: true });
}

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
