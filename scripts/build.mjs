// Bundles the CLI and its runtime dependencies into dist/ (DESIGN.md sections 10 and 11), compiles the
// bundled quizzes to their models (dist/quizzes/NAME.json), so that running one loads no parser, and
// saves V8's code cache of the scripts in dist/fast/ (docs/SPEED.md).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });

// commander and a few others are CommonJS: give the ESM bundle a require().
const banner = { js: "import { createRequire as __mqCreateRequire } from 'node:module'; const require = __mqCreateRequire(import.meta.url);" };
const common = {
  absWorkingDir: fileURLToPath(root),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  banner,
  logLevel: 'warning',
  define: {
    __MQ_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version),
    __MQ_CODE_CACHE__: 'true', // the scripts in dist/fast/*.cjs, with V8's code cache (src/scripts.ts)
  },
  // yaml's Node entry is CommonJS (all of it is bundled); its ESM build lets esbuild keep what we use.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// chalk's colour detection probes the terminal when imported; every Chalk we make gets its level from
// colorLevel (src/render/style.ts), so the bundle gets a stand-in that detects nothing.
const noColorDetection = {
  name: 'no-color-detection',
  setup(plugin) {
    plugin.onResolve({ filter: /^#supports-color$/ }, () => ({ path: fileURLToPath(new URL('src/render/no-color-detection.ts', root)) }));
  },
};
const minify = !process.env.BUILD_NO_MINIFY; // BUILD_NO_MINIFY=1: readable names in CPU profiles

// The entry, dist/cli.cjs: main(), which answers `--version` and sends a plain `run` command line to
// its script (dist/fast/run.cjs, below); CommonJS, as bin/mlops-quiz.js is: a process that loads no
// ES module does not start Node's ESM loader, which costs about a tenth of Node's own start-up
// (docs/SPEED.md). Every other command line goes to commander: `import("./program.js")`, kept as is.
const programExternal = {
  name: 'program-external',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/program\.js$/ }, (args) => (args.importer.endsWith('/src/cli.ts') ? { path: args.path, external: true } : undefined));
  },
};
// CommonJS builds get import.meta.url (src/package-root.ts finds the package folder by it) from __filename.
const commonjs = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: 'var __mqImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { ...common.define, 'import.meta.url': '__mqImportMetaUrl' },
};
const entry = await build({ ...common, ...commonjs, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', minify, metafile: true, plugins: [programExternal, noColorDetection] });

// commander and every command: ES modules with code splitting, so each command loads what it needs.
const result = await build({
  ...common,
  entryPoints: { program: 'src/program.ts' },
  outdir: 'dist',
  splitting: true,
  minify,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [noColorDetection],
});
// esbuild makes dist/program.js import its runtime helpers' chunk for its side effects, though the
// module uses none of them (the chunks that do import it themselves): one file fewer on every commander
// path. Only a chunk of helpers alone (no source input) is dropped, and only if bare.
{
  const program = new URL('program.js', dist);
  const outputs = result.metafile.outputs;
  let text = readFileSync(program, 'utf8');
  for (const imported of outputs['dist/program.js'].imports) {
    const chunk = outputs[imported.path];
    const bare = `import"./${imported.path.slice('dist/'.length)}";`;
    if (imported.kind === 'import-statement' && chunk && Object.keys(chunk.inputs).length === 0 && text.includes(bare)) {
      text = text.replace(bare, '');
      outputs['dist/program.js'].imports = outputs['dist/program.js'].imports.filter((one) => one !== imported);
    }
  }
  writeFileSync(program, text);
}

// The scripts, CommonJS modules run with V8's code cache (src/scripts.ts, src/code-cache.ts): `run`
// without commander (grading an answers file), the parser's core, loaded only on a real parse, the YAML
// reader that front matter needs, and the interactive session (Inquirer, the Markdown renderer,
// progress), each with what it imports.
const scripts = { run: 'src/run-fast.ts', 'parse-core': 'src/quiz/parse-core.ts', 'yaml-reader': 'src/quiz/yaml-reader.ts', session: 'src/session/run-interactive.ts' };
const scriptsBuild = await build({ ...common, ...commonjs, entryPoints: scripts, outdir: 'dist/fast', minify, metafile: true, plugins: [noColorDetection] });
// What each chunk holds and imports: tests/bundle.test.ts checks that the fast paths stay light.
// Kept out of the package (`files` in package.json).
writeFileSync(
  new URL('meta.json', dist),
  JSON.stringify({ inputs: Object.assign({}, ...[entry, result, scriptsBuild].map((one) => one.metafile.inputs)), outputs: Object.assign({}, ...[entry, result, scriptsBuild].map((one) => one.metafile.outputs)) }),
);

// Compile each bundled quiz with the run-time parser (src/quiz/compiled.ts reads them back).
const compiler = new URL('.compile.mjs', dist);
await build({ ...common, stdin: { contents: "export { parseQuiz } from './src/quiz/parse-quiz.ts'; export { encodeCompiled } from './src/quiz/compiled.ts';", resolveDir: fileURLToPath(root), loader: 'ts' }, outfile: fileURLToPath(compiler) });
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

// Each script marked with its build id, and V8's code cache of it, in a process of its own
// (scripts/code-cache.mjs), after the bundled quizzes are compiled: grading one reads its compiled model.
{
  const tool = new URL('.code-cache.mjs', dist);
  await build({ ...common, stdin: { contents: "export * from './src/code-cache.ts';", resolveDir: fileURLToPath(root), loader: 'ts' }, outfile: fileURLToPath(tool) });
  try {
    execFileSync(process.execPath, [fileURLToPath(new URL('scripts/code-cache.mjs', root)), fileURLToPath(tool)], { stdio: 'inherit' });
  } finally {
    rmSync(tool, { force: true });
  }
}
// The answers file's JSON Schema, shipped in the package (`template` points at it): written by the
// freshly built `mlops-quiz schema`, so the file and the command cannot disagree.
{
  const schema = execFileSync(process.execPath, [fileURLToPath(new URL('bin/mlops-quiz.js', root)), 'schema'], { encoding: 'utf8' });
  mkdirSync(new URL('schema', root), { recursive: true });
  writeFileSync(new URL('schema/answers.schema.json', root), schema);
}
