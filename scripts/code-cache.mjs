// Saves V8's code cache of the scripts in dist/fast/ (docs/SPEED.md): the parser's (parse-core.cjs,
// yaml-reader.cjs) after parsing quizzes/*.md and scripts/warm-up.md, so that the cache holds the
// functions a parse runs, compiled; the session's (session.cjs) after loading it. Run by
// scripts/build.mjs in a process of its own, with the same V8 flags as a plain `node`: V8 refuses a
// cache made under other flags. Argument: the bundled src/code-cache.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { loadModule, saveCodeCache } = await import(pathToFileURL(process.argv[2]).href);
const root = new URL('..', import.meta.url);
const fast = new URL('dist/fast/', root);
const file = (name) => new URL(name, fast).pathname;

const core = loadModule(file('parse-core.cjs'), file('none'));
const yaml = loadModule(file('yaml-reader.cjs'), file('none'));
const texts = [
  ['warm-up.md', readFileSync(new URL('scripts/warm-up.md', root), 'utf8')],
  ...readdirSync(new URL('quizzes/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(new URL(`quizzes/${name}`, root), 'utf8')]),
];
const parse = (name, text) => {
  const result = core.exports.parseQuiz(text, { file: name, source: name });
  if (!result.quiz) throw new Error(`${name}: does not parse: ${JSON.stringify(result.errors)}`);
};
// First as a quiz without front matter is parsed (the core alone), then with the YAML reader.
for (const [name, text] of texts) if (!text.startsWith('---')) parse(name, text);
core.exports.provideYaml(yaml.exports);
for (const [name, text] of texts) if (text.startsWith('---')) parse(name, text);
// The session: what loading it compiles (its modules' top-level code), as a session needs a terminal.
const session = loadModule(file('session.cjs'), file('none'));
if (typeof session.exports.runInteractive !== 'function') throw new Error('session.cjs: no runInteractive');
for (const [name, loaded] of [['parse-core.cjs', core], ['yaml-reader.cjs', yaml], ['session.cjs', session]]) {
  const bytes = saveCodeCache(file(name), loaded.script);
  if (bytes < 1024) throw new Error(`${name}: a code cache of ${bytes} bytes`);
}
