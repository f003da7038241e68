/**
 * The README's "For teachers" examples, run as written (issue 17): the Gradescope `run_autograder`
 * script with `/autograder` moved into a temporary folder, and every `mlops-quiz` command line of the
 * section, with the built binary on PATH as `mlops-quiz`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, TEST_CACHE } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## For teachers'), readme.indexOf('## Write a quiz'));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
const runAutograder = blocks.find((block) => block.includes('/autograder/submission/answers.json'))!;
const quiz = join(ROOT, 'tests/fixtures/format/all-kinds.md');

/** A folder with `bin/mlops-quiz` (the built CLI) for PATH. */
function withCli(): { dir: string; env: Record<string, string | undefined> } {
  const dir = tempDir('teacher');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin/mlops-quiz'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'bin/mlops-quiz'), 0o755);
  return { dir, env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, XDG_CACHE_HOME: TEST_CACHE, XDG_STATE_HOME: join(dir, 'state') } };
}

function bash(script: string, cwd: string, env: Record<string, string | undefined>): { status: number | null; stderr: string } {
  const result = spawnSync('bash', ['-c', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('README: Gradescope run_autograder, as written', () => {
  test('the script is there', () => {
    expect(runAutograder).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(runAutograder).toContain('--format gradescope');
  });

  const submissions: [string, string | null, (results: { score: number; output: string; tests: unknown[] }) => void][] = [
    ['a good submission: the score, a test per question, no answer key', '{"answers": {"serving": "B", "2": ["A", "C"], "5": "kubectl"}}', (results) => {
      expect(results.score).toBe(3);
      expect(results.tests).toHaveLength(7);
      expect(JSON.stringify(results)).not.toContain('expected');
    }],
    ['a trailing comma: score 0 and the problem in output', '{"answers": {"serving": "B",}}', (results) => {
      expect(results).toMatchObject({ score: 0, tests: [] });
      expect(results.output).toMatch(/answers\.json: 1:29: not valid JSON/);
    }],
    ['no answers.json at all: score 0, and what is missing', null, (results) => {
      expect(results).toMatchObject({ score: 0, tests: [] });
      expect(results.output).toMatch(/answers\.json: no such file/);
    }],
  ];
  test.each(submissions)('%s', (_name, answers, check) => {
    const { dir, env } = withCli();
    const autograder = join(dir, 'autograder');
    for (const sub of ['source', 'submission', 'results']) mkdirSync(join(autograder, sub), { recursive: true });
    copyFileSync(quiz, join(autograder, 'source/quiz.md'));
    if (answers !== null) writeFileSync(join(autograder, 'submission/answers.json'), answers);
    const script = join(autograder, 'source/run_autograder');
    writeFileSync(script, runAutograder.replaceAll('/autograder', autograder));
    const { status, stderr } = bash(`bash ${JSON.stringify(script)}`, dir, env);
    expect(status, stderr).toBe(0);
    check(JSON.parse(readFileSync(join(autograder, 'results/results.json'), 'utf8')));
  });
});

describe('README: the other teacher command lines, as written', () => {
  const lines = blocks
    .filter((block) => block !== runAutograder && !block.includes('apt-get'))
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(npx )?mlops-quiz /.test(line));

  test('there are command lines for CI, grade and export', () => {
    expect(lines.some((line) => line.includes('--format junit'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('mlops-quiz grade'))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('mlops-quiz export'))).toHaveLength(3);
  });

  test('each runs in a folder with quiz.md, answers.json and submissions/, and writes what it says', () => {
    const { dir, env } = withCli();
    copyFileSync(quiz, join(dir, 'quiz.md'));
    writeFileSync(join(dir, 'answers.json'), '{"answers": {"serving": "B"}}');
    mkdirSync(join(dir, 'submissions'));
    writeFileSync(join(dir, 'submissions/alice.json'), '{"answers": {"serving": "B", "5": "kubectl"}}');
    writeFileSync(join(dir, 'submissions/bob.json'), '{"answers": {"serving": "Onlin prediction"}}');
    for (const line of lines) {
      // npx would fetch the published package: the built one is on PATH instead.
      const { status, stderr } = bash(line.replace(/^npx /, ''), dir, env);
      expect([0, 1, 2], `${line}\n${stderr}`).toContain(status);
      expect(stderr, line).not.toMatch(/\n\s+at |Error:/);
      const output = /--output (\S+)/.exec(line)?.[1];
      if (output) expect(existsSync(join(dir, output)), line).toBe(true);
    }
    expect(XMLValidator.validate(readFileSync(join(dir, 'reports/quiz.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(join(dir, 'grades/quiz.csv'), 'utf8')).toContain('did you mean');
    expect(readFileSync(join(dir, 'quiz-canvas.zip')).subarray(0, 2).toString()).toBe('PK');
  });
});
