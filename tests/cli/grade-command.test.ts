/**
 * `mlops-quiz grade QUIZ SUBMISSION...`: a class graded by the same code as `run --answers`, as text,
 * CSV (read back by a CSV parser) and JSON with item analysis.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { joinerFor } from '../../src/cli/commands/grade.js';
import { ClassReport } from '../../src/core/class-report.js';
import { Report } from '../../src/core/report.js';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const quiz = 'tests/fixtures/class/quiz.md';
const answersDir = 'tests/fixtures/class/answers';
const good = ['s1', 's2', 's3', 's4', 's5'].map((name) => `${answersDir}/${name}.json`);

async function gradeJson(args: string[], cwd = root): Promise<{ exitCode: number; report: ClassReport; stderr: string }> {
  const { exitCode, stdout, stderr } = await runInProcess(['grade', ...args, '--format', 'json'], { cwd });
  return { exitCode, report: ClassReport.parse(JSON.parse(stdout)), stderr };
}

describe('grade --format json', () => {
  test('a row per submission, the folder sorted, its other files ignored; a broken file has its error and the rest are graded', async () => {
    const { exitCode: code, report, stderr } = await gradeJson([quiz, answersDir, 'tests/fixtures/class/nowhere.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('mlops-quiz: 2 of 7 submissions could not be graded; their rows give the error\n');
    expect(report.submissions.map((row) => row.file)).toEqual([...good, `${answersDir}/s6-broken.json`, 'tests/fixtures/class/nowhere.json']);
    expect(report.submissions[1]).toEqual({
      file: `${answersDir}/s2.json`, score: 2.5, maxScore: 3, percent: 83.3, passed: true, points: { q1: 1, q2: 0.5, q3: 1 }, error: null,
    });
    expect(report.submissions[5]).toEqual({
      file: `${answersDir}/s6-broken.json`, score: null, maxScore: null, percent: null, passed: null, points: null,
      error: `${answersDir}/s6-broken.json: answers["q1"]: question 1 "Pick the first": there is no option C; accepted: a letter A-B, a number from 1 to 2, or an option's text`,
    });
    expect(report.submissions[6]!.error).toBe('tests/fixtures/class/nowhere.json: no such file; give the path of a JSON answers file');
    expect(report.summary).toEqual({ submissions: 7, graded: 5, errors: 2, meanPercent: 50, medianPercent: 33.3, passed: 2, passRate: 40, enoughForItems: false });
  });

  test('item analysis matches the hand computation in tests/core/statistics.test.ts; the self-assessed question is left out', async () => {
    const { exitCode: code, report } = await gradeJson([quiz, ...good]);
    expect(code).toBe(0);
    expect(report.maxScore).toBe(3);
    expect(report.items).toEqual([
      { number: 1, id: 'q1', title: 'Pick the first', kind: 'single', answered: 4, meanPoints: 0.6, discrimination: 0.408 },
      { number: 2, id: 'q2', title: 'Pick both', kind: 'multiple', answered: 4, meanPoints: 0.5, discrimination: 0.25 },
      { number: 3, id: 'q3', title: 'Say yes', kind: 'text', answered: 3, meanPoints: 0.4, discrimination: 0.8 },
    ]);
  });

  test('one submission: discrimination is null, the rest is defined', async () => {
    const { exitCode: code, report } = await gradeJson([quiz, good[0]!]);
    expect(code).toBe(0);
    expect(report.items.map((item) => [item.meanPoints, item.discrimination])).toEqual([[1, null], [1, null], [1, null]]);
    expect(report.summary).toMatchObject({ graded: 1, meanPercent: 100, medianPercent: 100, passRate: 100 });
  });

  test('a path given twice is graded once', async () => {
    const { report } = await gradeJson([quiz, good[0]!, answersDir, `./${good[0]}`]);
    expect(report.submissions.map((row) => row.file).filter((file) => file.endsWith('s1.json'))).toEqual([good[0]]);
  });
});

describe('grade and run --answers never disagree', () => {
  test('every submission: the same score, percent, verdict and points, or the same error', async () => {
    const files = [...readdirSync(join(root, answersDir)).filter((name) => name.endsWith('.json')).map((name) => `${answersDir}/${name}`), 'tests/fixtures/format/missing.json'];
    const { report } = await gradeJson([quiz, ...files]);
    expect(report.submissions).toHaveLength(files.length);
    for (const row of report.submissions) {
      const run = await runInProcess(['run', quiz, '--answers', row.file, '--format', 'json'], { cwd: root });
      if (row.error !== null) {
        expect(run.exitCode).toBe(2);
        expect(run.stderr).toBe(`mlops-quiz: ${row.error}\n`);
        continue;
      }
      const single = Report.parse(JSON.parse(run.stdout));
      expect(run.exitCode).toBe(single.passed === false ? 1 : 0);
      expect({ score: row.score, maxScore: row.maxScore, percent: row.percent, passed: row.passed }).toEqual({
        score: single.score, maxScore: single.maxScore, percent: single.percent, passed: single.passed,
      });
      const points = Object.fromEntries(single.questions.filter((q) => q.status !== 'ungraded').map((q) => [q.id, q.points]));
      expect(row.points).toEqual(points);
    }
  });
});

describe('grade --format csv', () => {
  test('RFC 4180: read back by a CSV parser, file names with commas, quotes and a line break included', async () => {
    const dir = tempDir('csv');
    mkdirSync(join(dir, 'class'));
    const names = ['plain.json', 'comma, name.json', 'quote "q".json', 'line\nbreak.json', ' edge space.json'];
    const sources = ['s1', 's2', 's3', 's4', 's6-broken'];
    names.forEach((name, index) => copyFileSync(join(root, answersDir, `${sources[index]}.json`), join(dir, 'class', name)));
    copyFileSync(join(root, quiz), join(dir, 'quiz.md'));
    const { exitCode: code, stdout } = await runInProcess(['grade', 'quiz.md', 'class', '--format', 'csv'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(stdout, { columns: true }) as Record<string, string>[];
    const header = (parseCsv(stdout, { to_line: 1 }) as string[][])[0];
    expect(header).toEqual(['file', 'score', 'maxScore', 'percent', 'passed', 'q1', 'q2', 'q3', 'error']);
    const byFile = new Map(rows.map((row) => [row.file, row]));
    expect([...byFile.keys()].sort()).toEqual(names.map((name) => `class/${name}`).sort());
    expect(byFile.get('class/comma, name.json')).toEqual({
      file: 'class/comma, name.json', score: '2.5', maxScore: '3', percent: '83.3', passed: 'true', q1: '1', q2: '0.5', q3: '1', error: '',
    });
    expect(byFile.get('class/quote "q".json')).toMatchObject({ score: '1', percent: '33.3', passed: 'false', q1: '1', q2: '0', q3: '0' });
    expect(byFile.get('class/line\nbreak.json')).toMatchObject({ score: '1', q1: '0', q2: '1', q3: '0' });
    expect(byFile.get('class/ edge space.json')).toMatchObject({
      score: '', passed: '', q1: '',
      error: 'class/ edge space.json: answers["q1"]: question 1 "Pick the first": there is no option C; accepted: a letter A-B, a number from 1 to 2, or an option\'s text',
    });
    expect(byFile.get('class/plain.json')).toMatchObject({ score: '3', percent: '100', passed: 'true' });
  });
});

describe('grade --format text', () => {
  /** The five graded submissions twice over (a-s1.json … b-s5.json): ten, enough for item statistics, and the same correlations. */
  function classOfTen(): string {
    const dir = tempDir('ten');
    for (const copy of ['a', 'b']) for (const name of ['s1', 's2', 's3', 's4', 's5']) copyFileSync(join(root, answersDir, `${name}.json`), join(dir, `${copy}-${name}.json`));
    return dir;
  }

  test('the class at a glance: mean, median, pass rate, histogram, hardest and least discriminating questions', async () => {
    const dir = classOfTen();
    const { exitCode: code, stdout } = await runInProcess(['grade', join(root, quiz), '.'], { cwd: dir });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['A small class (small-class)', '10 submissions: 10 graded', 'Mean 50%   Median 33.3%   Passed 4 of 10 (40%, pass mark 60%)']);
    // 100, 83.3, 33.3, 33.3, 0, twice: the 30s bar is twice as long as the others.
    const histogram = lines.filter((line) => line.includes('│'));
    expect(histogram).toHaveLength(10);
    expect(histogram[0]).toBe(`    0–9.9 │${'█'.repeat(15).padEnd(30)} 2`);
    expect(histogram[3]).toBe(`  30–39.9 │${'█'.repeat(30)} 4`);
    expect(histogram[5]).toBe(`  50–59.9 │${' '.repeat(30)} 0`);
    expect(histogram[9]).toBe(`   90–100 │${'█'.repeat(15).padEnd(30)} 2`);
    const hardest = lines.indexOf('Hardest questions (mean points of 1)');
    expect(lines.slice(hardest + 1, hardest + 4)).toEqual([
      '  3. Say yes         0.40  answered by 6 of 10',
      '  2. Pick both       0.50  answered by 8 of 10',
      '  1. Pick the first  0.60  answered by 8 of 10',
    ]);
    const least = lines.indexOf('Least discriminating (correlation of its points with the rest of the score)');
    expect(lines.slice(least + 1, least + 4)).toEqual(['  2. Pick both        0.25', '  1. Pick the first   0.41', '  3. Say yes          0.80']);
    expect(lines).toContain('  a-s2.json  2.5/3   83.3%  PASSED');
    expect(stdout).not.toContain('Item statistics left out');
  });

  test('fewer than 10 graded submissions: says the class is too small for item statistics instead of printing them (issue 17)', async () => {
    const { exitCode: code, stdout } = await runInProcess(['grade', quiz, ...good], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toContain('Item statistics left out: 5 graded submissions are too few for them to mean much (10 or more are needed; --format json has them).');
    expect(stdout).not.toContain('Hardest questions');
    expect(stdout).not.toContain('Least discriminating');
    const json = await gradeJson([quiz, ...good]);
    expect(json.report.summary.enoughForItems).toBe(false);
    expect(json.report.items).toHaveLength(3);
    const ten = await gradeJson([join(root, quiz), '.'], classOfTen());
    expect(ten.report.summary).toMatchObject({ graded: 10, enoughForItems: true });
  });

  test('an error row says what is wrong on one line, without repeating the file name', async () => {
    const { stdout } = await runInProcess(['grade', quiz, good[0]!, `${answersDir}/s6-broken.json`], { cwd: root });
    expect(stdout).toContain(`  ${answersDir}/s6-broken.json  error: answers["q1"]: question 1 "Pick the first": there is no option C;`);
  });

  test('a row per line and no raw control characters, whatever the file names hold', async () => {
    const dir = tempDir('names');
    copyFileSync(join(root, answersDir, 's1.json'), join(dir, 'line\nbreak.json'));
    copyFileSync(join(root, answersDir, 's2.json'), join(dir, 'bell\u0007 \u202eevil.json'));
    const { stdout } = await runInProcess(['grade', join(root, quiz), dir], { cwd: dir });
    const rows = stdout.split('\n').slice(stdout.split('\n').indexOf('Submissions') + 1, -1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/\/bell <U\+202E>evil\.json +2\.5\/3 +83\.3% +PASSED$/);
    expect(rows[1]).toMatch(/\/line break\.json +3\/3 +100% +PASSED$/);
  });

  test('colour only when asked for, and never in a file', async () => {
    const plain = await runInProcess(['grade', quiz, ...good], { cwd: root });
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runInProcess(['grade', quiz, ...good], { cwd: root, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
  });
});

describe('grade: unusable input', () => {
  test('a quiz that is a folder, and nothing to grade, are usage errors (exit 2, one line)', async () => {
    const folder = await runInProcess(['grade', 'tests/fixtures/class', good[0]!], { cwd: root });
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toBe("mlops-quiz: tests/fixtures/class: is a folder; grade grades one quiz, so give the quiz's Markdown file\n");
    const empty = tempDir('empty');
    const none = await runInProcess(['grade', join(root, quiz), empty], { cwd: root });
    expect(none.exitCode).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr.split('\n')).toEqual([
      `mlops-quiz: warning: ${empty}: holds no *.json answers files`,
      'mlops-quiz: no answers files to grade; give answers files (JSON) or folders that hold *.json files',
      '',
    ]);
  });

  test('a quiz with nothing gradable: percent and passed are null, exit 0', async () => {
    const dir = tempDir('self');
    writeFileSync(join(dir, 'quiz.md'), '# Draw it\n\n![Answer](x.png)\n');
    writeFileSync(join(dir, 'a.json'), '{"answers": {"1": true}}');
    const { exitCode: code, report } = await gradeJson(['quiz.md', 'a.json'], dir);
    expect(code).toBe(0);
    expect(report.submissions[0]).toEqual({ file: 'a.json', score: 0, maxScore: 0, percent: null, passed: null, points: {}, error: null });
    expect(report.summary).toMatchObject({ meanPercent: null, medianPercent: null, passRate: null });
    expect(report.items).toEqual([]);
    const text = await runInProcess(['grade', 'quiz.md', 'a.json'], { cwd: dir });
    expect(text.stdout).toContain('Nothing to grade: this quiz has no gradable question.');
  });
});

describe('folder entries are joined once per folder', () => {
  const dirs = ['.', '', './', 'answers', 'answers/', './answers//', '../answers', 'a/./b/../c', 'a/..', '/', '/abs/dir', '/abs/dir/', root];
  const names = ['s1.json', '.hidden.json', '..json', 'a b.json', 'back\\slash.json', 'é.json'];
  test.each(dirs)('%j: the same as path.join for every plain name', (dir) => {
    const joined = joinerFor(dir);
    for (const name of names) expect(joined(name)).toBe(join(dir, name));
  });
  // The prefix is the same on every platform's rules: checked against both.
  test.each(['C:\\class', 'C:', 'class\\', '.\\class\\..\\other', '\\\\server\\share'])('Windows rules, %j', (dir) => {
    const prefix = win32.join(dir, 'x').slice(0, -1);
    for (const name of names.filter((one) => !one.includes('\\'))) expect(prefix + name).toBe(win32.join(dir, name));
    expect(posix.join(dir, 'x').slice(0, -1) + 's1.json').toBe(posix.join(dir, 's1.json'));
  });
});
