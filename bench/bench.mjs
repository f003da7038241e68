#!/usr/bin/env node
// `npm run bench`: the speed targets (issue 15; docs/SPEED.md), each measured as a ratio against its baseline
// in the same run: runs alternate (baseline, subject, subject, baseline, ...), each figure is the median
// over the runs, peak memory is the OS's figure (/usr/bin/time %M, the child's max RSS). Plain Node and
// public tools (tmux or util-linux `script` for the pseudo-terminal row). Generates its own deterministic
// data under .bench-data/ (git-ignored). Builds first (npm run build) unless --no-build.
//
//   npm run bench [-- --runs N] [-- --only version,bundled,seed,pty,validate-10k,memory-10k,validate-1k,warm-10k,grade] [-- --no-build] [-- --json FILE]
//
// Exit code 0 when every measured row meets its target, 1 otherwise. A row that cannot be measured on
// this machine (no `script` for the pseudo-terminal) is printed with the reason and does not fail the run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quizBank, random, seedAnswers } from './bank.mjs';
import { measure as measureDialects, TARGET as DIALECT_TARGET } from './dialects.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, '.bench-data');
const BIN = join(ROOT, 'bin', 'mlops-quiz.js');
const SEED = join(ROOT, 'tests', 'fixtures', 'seed', 'seed.md'); // the seed, byte for byte
const TIME = '/usr/bin/time';
const NODE = process.execPath;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const RUNS = value('--runs') === undefined ? undefined : Number(value('--runs'));
const ONLY = value('--only');

// ---------------------------------------------------------------------------------------------- data

const DATA_VERSION = '2';
function makeData() {
  const stamp = join(DATA, 'version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === DATA_VERSION) return;
  process.stderr.write('bench: generating data in .bench-data/ ...\n');
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(join(DATA, 'class'), { recursive: true });
  writeFileSync(join(DATA, 'bank-1000.md'), quizBank(1000, 1000));
  writeFileSync(join(DATA, 'bank-10000.md'), quizBank(10000, 10000));
  const rand = random(42);
  for (let i = 0; i < 10000; i += 1) {
    writeFileSync(join(DATA, 'class', `student-${String(i).padStart(5, '0')}.json`), JSON.stringify(seedAnswers(rand)));
  }
  writeFileSync(join(DATA, 'answers.json'), JSON.stringify(seedAnswers(random(7))));
  writeFileSync(join(DATA, 'empty-answers.json'), JSON.stringify({ answers: {} }));
  writeFileSync(stamp, DATA_VERSION);
}

// ------------------------------------------------------------------------------------------ measuring

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs a command once: wall time (ms) from here, peak RSS (KiB) from /usr/bin/time, exit status. */
function runOnce(command, { env = {}, cwd = ROOT, before } = {}) {
  const extra = before ? before() : {};
  const memoryFile = join(tmpdir(), `mq-bench-${process.pid}.time`);
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M', '-o', memoryFile, ...command], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...env, ...extra },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop());
  return { ms, rss, status: result.status, stderr: String(result.stderr ?? '') };
}

/** Alternating runs of baseline and subject; medians of wall time and peak memory, and their ratios. */
function compare(baseline, subject, runs, { warmUp = true } = {}) {
  const base = { ms: [], rss: [] };
  const subj = { ms: [], rss: [] };
  const once = (spec, into) => {
    const result = spec.run ? spec.run() : runOnce(spec.command, spec);
    if (spec.okStatus !== undefined && !spec.okStatus.includes(result.status)) {
      throw new Error(`${spec.name}: exit ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    into.ms.push(result.ms);
    if (result.rss !== undefined) into.rss.push(result.rss);
    if (spec.after) spec.after();
  };
  // One unmeasured warm-up of each (file cache, lazy OS state); the long rows skip it.
  if (warmUp) {
    once(baseline, { ms: [], rss: [] });
    once(subject, { ms: [], rss: [] });
  }
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      once(baseline, base);
      once(subject, subj);
    } else {
      once(subject, subj);
      once(baseline, base);
    }
  }
  return {
    base: { ms: median(base.ms), rss: base.rss.length ? median(base.rss) : undefined },
    subj: { ms: median(subj.ms), rss: subj.rss.length ? median(subj.rss) : undefined },
    runs,
  };
}

// ------------------------------------------------------------------------------------------ the rows

const cli = (...rest) => [NODE, BIN, ...rest];
const nodeE0 = { name: 'node -e 0', command: [NODE, '-e', '0'], okStatus: [0] };
const freshCache = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-bench-cache-'));
  freshCache.dirs.push(dir);
  return { XDG_CACHE_HOME: dir };
};
freshCache.dirs = [];
const cleanCaches = () => {
  for (const dir of freshCache.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};

/** The whole-file baseline: one process that reads the bank and parses it with remark-parse. */
const wholeFileParse = (file) => ({
  name: 'whole-file remark parse',
  command: [NODE, '--input-type=module', '-e', `import { readFileSync } from 'node:fs'; import { unified } from 'unified'; import remarkParse from 'remark-parse'; unified().use(remarkParse).parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`],
  okStatus: [0],
});

/** `validate` of a bank (exit 0 or 1: the generated banks have a few questions with warnings only). */
function validateCommand(bank, extra = []) {
  return { label: 'validate', command: cli('validate', bank, ...extra), okStatus: [0, 1] };
}

/** First question on screen in a pseudo-terminal: `script` gives the child a tty; we watch its output. */
function firstQuestionRun(command, marker) {
  return () => {
    const started = process.hrtime.bigint();
    return new Promise((resolve) => {
      const child = spawn('script', ['-qfec', command.map(shellQuote).join(' '), '/dev/null'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_CACHE_HOME: freshCache().XDG_CACHE_HOME, XDG_STATE_HOME: freshCache().XDG_CACHE_HOME },
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      let seen = '';
      let done = false;
      const finish = (ok) => {
        if (done) return;
        done = true;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill('SIGKILL');
        resolve({ ms, status: ok ? 0 : 1, stderr: ok ? '' : seen.slice(-300) });
      };
      // The screen as text: colours and cursor moves removed (a styled title is one escape per word).
      const screen = () => seen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\s+/g, ' ');
      child.stdout.on('data', (chunk) => {
        seen += chunk.toString('utf8');
        if (marker === null || screen().includes(marker)) finish(true);
      });
      child.on('exit', () => finish(marker === null || screen().includes(marker)));
      setTimeout(() => finish(false), 20000);
    });
  };
}
const shellQuote = (word) => `'${word.replace(/'/g, `'\\''`)}'`;

async function compareAsync(baseline, subject, runs) {
  const base = [];
  const subj = [];
  const once = async (spec, into) => {
    const result = await spec.run();
    if (result.status !== 0) throw new Error(`${spec.name}: ${result.stderr.replace(/\s+/g, ' ').trim()}`);
    into.push(result.ms);
  };
  await once(baseline, []);
  await once(subject, []);
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      await once(baseline, base);
      await once(subject, subj);
    } else {
      await once(subject, subj);
      await once(baseline, base);
    }
  }
  cleanCaches();
  return { base: { ms: median(base) }, subj: { ms: median(subj) }, runs };
}

function rows() {
  const bank1k = join(DATA, 'bank-1000.md');
  const bank10k = join(DATA, 'bank-10000.md');
  const answers = join(DATA, 'answers.json');
  const startupRuns = RUNS ?? 21;
  const bigRuns = RUNS ? Math.min(RUNS, 5) : 3;
  const list = [];

  list.push({
    key: 'version',
    issue: 15,
    figure: '`mlops-quiz --version`',
    baseline: '`node -e 0`',
    target: 1.6,
    measure: () => compare(nodeE0, { name: '--version', command: cli('--version'), okStatus: [0] }, startupRuns),
  });
  list.push({
    key: 'bundled',
    issue: 15,
    figure: '`run --answers` on the bundled quiz',
    baseline: '`node -e 0`',
    target: 2.5,
    measure: () => compare(nodeE0, { name: 'run --answers', command: cli('run', '--answers', join(DATA, 'empty-answers.json')), okStatus: [0, 1], before: freshCache, after: cleanCaches }, startupRuns),
  });
  list.push({
    key: 'seed',
    issue: 15,
    figure: '`run QUIZ.md --answers` on the seed file, empty cache',
    baseline: '`node -e 0`',
    target: 4.0,
    measure: () => compare(nodeE0, { name: 'run seed --answers', command: cli('run', SEED, '--answers', answers), okStatus: [0, 1], before: freshCache, after: cleanCaches }, startupRuns),
  });
  list.push({
    key: 'pty',
    issue: 15,
    figure: 'first question on screen in a pseudo-terminal, seed file',
    baseline: '`node -e 0` (in the same pseudo-terminal)',
    target: 2.5,
    measure: async () => {
      if (spawnSync('script', ['--version']).status !== 0) return { skip: 'util-linux `script` is not installed' };
      return compareAsync(
        { name: 'node -e 0 in a pty', run: firstQuestionRun([NODE, '-e', '0'], null) },
        { name: 'first question', run: firstQuestionRun(cli('run', SEED), 'Offline or online?') },
        startupRuns,
      );
    },
  });

  let big;
  const bigValidate = () => {
    big ??= compare(wholeFileParse(bank10k), { name: 'validate 10k', ...validateCommand(bank10k), before: freshCache, after: cleanCaches }, bigRuns, { warmUp: false });
    return big;
  };
  list.push({
    key: 'validate-10k',
    issue: 15,
    figure: '`validate` of the 10,000-question bank, empty cache: wall',
    baseline: 'whole-file `unified().use(remarkParse).parse` of it',
    target: 0.3,
    measure: bigValidate,
  });
  list.push({
    key: 'memory-10k',
    issue: 15,
    figure: 'the same: peak memory',
    baseline: 'the same',
    target: 0.2,
    memory: true,
    measure: bigValidate,
  });
  list.push({
    key: 'validate-1k',
    issue: 15,
    figure: '`validate` of the 1,000-question bank, empty cache',
    baseline: 'the same, on that bank',
    target: 1.0,
    measure: () => compare(wholeFileParse(bank1k), { name: 'validate 1k', ...validateCommand(bank1k), before: freshCache, after: cleanCaches }, RUNS ?? 7),
  });
  list.push({
    key: 'warm-10k',
    issue: 15,
    figure: 'the 10,000-question bank again, cache warm',
    baseline: 'the whole-file parse',
    target: 0.1,
    measure: () => {
      const warm = mkdtempSync(join(tmpdir(), 'mq-bench-warm-'));
      try {
        const spec = { name: 'validate 10k warm', ...validateCommand(bank10k), env: { XDG_CACHE_HOME: warm } };
        runOnce(spec.command, spec); // fills the cache
        return compare(wholeFileParse(bank10k), spec, bigRuns, { warmUp: false });
      } finally {
        rmSync(warm, { recursive: true, force: true });
      }
    },
  });
  list.push({
    key: 'grade',
    issue: 15,
    figure: '`grade` of 10,000 submissions',
    baseline: 'a Node script that reads and JSON.parses them',
    target: 2.5,
    measure: () => {
      const folder = join(DATA, 'class');
      const readAll = {
        name: 'read and JSON.parse',
        command: [NODE, '-e', `const fs = require('fs'), path = require('path'); const dir = ${JSON.stringify(folder)}; for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));`],
        okStatus: [0],
      };
      return compare(readAll, { name: 'grade', command: cli('grade', SEED, folder, '--format', 'csv'), okStatus: [0, 1, 2], before: freshCache, after: cleanCaches }, RUNS ?? 5);
    },
  });
  list.push({
    key: 'dialects',
    issue: 16,
    figure: '`validate` of a 10,000-question bank in each other dialect: the slowest',
    baseline: 'the same questions in the native format',
    target: DIALECT_TARGET,
    measure: () => {
      const runs = RUNS ? Math.min(RUNS, 3) : 1;
      const rows = measureDialects({ count: 10000, runs });
      const worst = rows.reduce((top, row) => (row.ratio > top.ratio ? row : top));
      process.stderr.write(`bench:   ${rows.map((row) => `${row.dialect} ${row.ratio.toFixed(2)}`).join(', ')}\n`);
      return { base: { ms: worst.nativeMs }, subj: { ms: worst.dialectMs }, runs };
    },
  });
  return list;
}

// ------------------------------------------------------------------------------------------- output

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtKb = (kb) => (kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GiB` : `${(kb / 1024).toFixed(0)} MiB`);

async function main() {
  if (!flag('--no-build')) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(2);
  }
  if (!existsSync(TIME)) {
    console.error('bench: /usr/bin/time is needed for peak memory (apt-get install time)');
    process.exit(2);
  }
  makeData();
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${process.platform}`;
  console.log(`mlops-quiz bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}`);
  console.log('ratio = median(subject) / median(baseline), alternating runs in this process\n');
  const table = [['issue', 'figure', 'baseline', 'baseline', 'subject', 'ratio', 'at most', 'result']];
  const results = [];
  let failed = false;
  for (const row of rows()) {
    const figure = typeof row.figure === 'function' ? row.figure() : row.figure;
    if (ONLY && !ONLY.split(',').includes(row.key)) continue;
    process.stderr.write(`bench: ${figure} ...\n`);
    let outcome;
    try {
      outcome = await row.measure();
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    cleanCaches();
    if (outcome.skip || outcome.error) {
      table.push([String(row.issue), figure, row.baseline, '', '', '', String(row.target), outcome.skip ? `SKIP: ${outcome.skip}` : `ERROR: ${outcome.error}`]);
      results.push({ figure, target: row.target, skip: outcome.skip, error: outcome.error });
      if (outcome.error) failed = true;
      continue;
    }
    const base = row.memory ? outcome.base.rss : outcome.base.ms;
    const subj = row.memory ? outcome.subj.rss : outcome.subj.ms;
    const ratio = subj / base;
    const pass = ratio <= row.target;
    if (!pass) failed = true;
    const show = row.memory ? fmtKb : fmtMs;
    table.push([String(row.issue), figure, row.baseline, show(base), show(subj), ratio.toFixed(2), String(row.target), `${pass ? 'PASS' : 'FAIL'} (${outcome.runs} runs)`]);
    process.stderr.write(`bench:   ${show(base)} -> ${show(subj)}: ratio ${ratio.toFixed(2)} (at most ${row.target}) ${pass ? 'PASS' : 'FAIL'}\n`);
    results.push({ figure, target: row.target, baseline: base, subject: subj, ratio, pass, runs: outcome.runs, unit: row.memory ? 'KiB' : 'ms' });
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  table.forEach((line, index) => {
    console.log(`| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  });
  const json = value('--json');
  if (json) writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
