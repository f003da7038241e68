// Marks each script in dist/fast/ with its build id, then saves V8's code cache of it (docs/SPEED.md)
// after running what it will run, so that the cache holds those functions compiled: the parser's
// (parse-core.cjs, yaml-reader.cjs) after parsing quizzes/*.md and scripts/warm-up.md; `run`'s (run.cjs)
// after grading them in every format; the session's (session.cjs) after loading it (a session needs a
// terminal). Run by scripts/build.mjs in a process of its own, with the same V8 flags as a plain
// `node`: V8 refuses a cache made under other flags. Argument: the bundled src/code-cache.ts.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { buildMark, loadModule, saveCodeCache } = await import(pathToFileURL(process.argv[2]).href);
const root = new URL('..', import.meta.url);
const fast = new URL('dist/fast/', root);
const file = (name) => fileURLToPath(new URL(name, fast));
const scripts = readdirSync(fast).filter((name) => name.endsWith('.cjs'));

// Each script ends with its build id (a hash of its text), which its cache must carry.
for (const name of scripts) {
  const text = readFileSync(file(name), 'utf8');
  writeFileSync(file(name), `${text}${buildMark(createHash('sha256').update(text).digest('hex').slice(0, 16))}`);
}

const core = loadModule(file('parse-core.cjs'));
const yaml = loadModule(file('yaml-reader.cjs'));
const texts = [
  ['warm-up.md', readFileSync(new URL('scripts/warm-up.md', root), 'utf8')],
  ...readdirSync(new URL('quizzes/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(new URL(`quizzes/${name}`, root), 'utf8')]),
];
const parse = (name, text) => {
  const result = core.exports.parseQuiz(text, { file: name, source: name });
  if (!result.quiz) throw new Error(`${name}: does not parse: ${JSON.stringify(result.errors)}`);
  return result.quiz;
};
// First as a quiz without front matter is parsed (the core alone), then with the YAML reader.
const quizzes = new Map();
for (const [name, text] of texts) if (!text.startsWith('---')) quizzes.set(name, parse(name, text));
core.exports.provideYaml(yaml.exports);
for (const [name, text] of texts) if (text.startsWith('---')) quizzes.set(name, parse(name, text));

// `run --answers`: each quiz graded in every report format, from answers files with right, wrong and
// missing answers, through the real loader (the bundled quiz from its compiled model, the others
// parsed, then read back from a cache in a temporary folder).
const run = loadModule(file('run.cjs'));
const temp = mkdtempSync(join(tmpdir(), 'mlops-quiz-code-cache-'));
try {
  const sink = { write: () => true, isTTY: false };
  const io = { stdin: undefined, stdout: sink, stderr: sink, env: { XDG_CACHE_HOME: temp, NO_COLOR: '1' }, cwd: temp };
  const answer = (question, index) => {
    if (index % 3 === 2) return null;
    const right = index % 3 === 0;
    switch (question.kind) {
      case 'single':
        return question.options[right ? question.options.findIndex((option) => option.correct) : 0].text;
      case 'multiple':
        return right ? question.options.flatMap((option, at) => (option.correct ? [String.fromCharCode(97 + at)] : [])) : ['a'];
      case 'order':
        return right ? question.items : [...question.items].reverse();
      case 'match':
        return Object.fromEntries(question.pairs.map((pair) => [pair.left, right ? pair.right : question.pairs[0].right]));
      case 'text':
        return right ? question.accepted[0] : 'something else';
      default:
        return right;
    }
  };
  for (const [name, quiz] of quizzes) {
    const answers = join(temp, `${name}.json`);
    writeFileSync(answers, JSON.stringify({ answers: Object.fromEntries(quiz.questions.map((question, index) => [question.id, answer(question, index)])) }));
    const target = name.endsWith('.md') && readdirSync(new URL('quizzes/', root)).includes(name) ? name.slice(0, -3) : join(temp, name);
    if (target === join(temp, name)) writeFileSync(target, texts.find(([one]) => one === name)[1]);
    for (const format of ['text', 'json', 'junit', 'tap', 'gradescope']) {
      for (let time = 0; time < 2; time += 1) {
        const code = await run.exports.runFast(target, { format, history: true, cache: true, answers }, io);
        if (code !== 0 && code !== 1) throw new Error(`run.cjs: ${name} graded as ${format}: exit ${code}`);
      }
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

// The session: what loading it compiles (its modules' top-level code), as a session needs a terminal.
const session = loadModule(file('session.cjs'));
if (typeof session.exports.runInteractive !== 'function') throw new Error('session.cjs: no runInteractive');
const loaded = { 'run.cjs': run, 'parse-core.cjs': core, 'yaml-reader.cjs': yaml, 'session.cjs': session };
for (const name of scripts) {
  if (!loaded[name]) throw new Error(`${name}: a script of the build with no warm-up here`);
  const bytes = saveCodeCache(file(name), loaded[name].script);
  if (bytes < 1024) throw new Error(`${name}: a code cache of ${bytes} bytes`);
}
