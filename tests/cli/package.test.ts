/**
 * The package as users get it (issue 6): `npm pack` holds the build, the bin, the bundled quizzes and
 * the answers schema and nothing else of the repo; installed from that tarball into an empty folder
 * (offline: it has no dependencies), `mlops-quiz run --answers FILE` grades the bundled quiz.
 * It is self-contained (docs/DESIGN.md section 11): runtime dependencies are bundled into dist/, so
 * `dependencies` is empty, the tarball is under 1 MB, and installing it installs nothing else.
 * Slow (npm itself): one test, a generous timeout. Needs `npm run build` first, as `npm test` does.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { SCHEMA_PATH } from '../../src/cli/commands/schema.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { rightAnswer } from '../helpers/answers.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

function run(command: string, args: string[], cwd: string, cache: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    // A private npm cache: nothing is fetched, and the user's cache is left alone.
    env: { PATH: process.env.PATH, HOME: cache, npm_config_cache: join(cache, 'npm'), npm_config_update_notifier: 'false' },
  });
  if (result.error) throw result.error;
  return result;
}

test('npm pack holds only what users need; installed from the tarball, it grades the bundled quiz', { timeout: 240_000 }, () => {
  const temp = tempDir('package');
  const cache = join(temp, 'home');
  mkdirSync(cache);

  // --ignore-scripts: pack the build that `npm test` just made, rather than rebuild under other tests.
  const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], ROOT, cache);
  expect(pack.status, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((file) => file.path).sort();
  expect(files.filter((path) => !/^(bin|dist|quizzes|schema)\//.test(path))).toEqual(['README.md', 'package.json']);
  for (const needed of ['bin/mlops-quiz.js', 'dist/cli.js', 'dist/read-worker.js', 'quizzes/mlops-deployment.md', SCHEMA_PATH]) expect(files).toContain(needed);
  expect(files.filter((path) => /\.(ts|map)$|^(src|tests|scripts|docs|node_modules)\//.test(path))).toEqual([]);
  expect(files).not.toContain('dist/meta.json');
  expect(files).toContain('dist/quizzes/mlops-deployment.json'); // the bundled quiz, compiled at build time
  expect(statSync(join(temp, packed!.filename)).size, 'the tarball is under 1 MB').toBeLessThan(1_000_000);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  expect(Object.keys(manifest.dependencies ?? {}), 'runtime code is bundled: no dependencies').toEqual([]);

  // An empty project installs the tarball offline: no registry is asked for anything.
  const project = join(temp, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'learner', private: true }));
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(temp, packed!.filename)], project, cache);
  expect(install.status, install.stderr).toBe(0);
  const installed = join(project, 'node_modules', 'mlops-quiz');
  // Nothing but mlops-quiz was installed: no dependency tree.
  expect(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['mlops-quiz']);
  expect(existsSync(join(installed, 'src'))).toBe(false);

  // Right answers from the bundled quiz's model, written into the installed command's own template.
  const quiz = parseQuiz(readFileSync(join(installed, 'quizzes', 'mlops-deployment.md'), 'utf8'), { file: 'mlops-deployment.md' }).quiz!;
  const bin = join(project, 'node_modules', '.bin', 'mlops-quiz');
  const template = run(bin, ['template'], project, cache);
  expect(template.status, template.stderr).toBe(0);
  const sheet = JSON.parse(template.stdout) as { $schema: string; answers: Record<string, unknown> };
  // The template's $schema names a file that the installed package really holds.
  expect(readFileSync(join(installed, SCHEMA_PATH), 'utf8')).toBe(run(bin, ['schema'], project, cache).stdout);
  expect(sheet.$schema.endsWith(`/${SCHEMA_PATH}`)).toBe(true);
  for (const question of quiz.questions) sheet.answers[question.id] = rightAnswer(question);
  writeFileSync(join(project, 'answers.json'), JSON.stringify(sheet));

  const graded = run(bin, ['run', '--answers', 'answers.json'], project, cache);
  expect(graded.stderr).toBe('');
  expect(graded.status).toBe(0);
  expect(graded.stdout).toMatch(/^Score: 10\/10 \(100%\) PASSED \(pass mark 70%\)$/m);
  expect(graded.stdout).toContain(quiz.title);
});

test('the packed package.json carries no lifecycle scripts or dev dependencies, and postpack restores ours', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  // npm runs `prepare` (the build) and then `prepack` before it packs, and `postpack` after.
  expect(manifest.scripts.prepack).toBe('node scripts/pack-manifest.mjs');
  expect(manifest.scripts.postpack).toBe('node scripts/pack-manifest.mjs --restore');

  const temp = tempDir('manifest');
  mkdirSync(join(temp, 'scripts'));
  const original = readFileSync(join(ROOT, 'package.json'), 'utf8');
  writeFileSync(join(temp, 'package.json'), original);
  writeFileSync(join(temp, 'scripts', 'pack-manifest.mjs'), readFileSync(join(ROOT, 'scripts', 'pack-manifest.mjs')));

  expect(spawnSync(process.execPath, ['scripts/pack-manifest.mjs'], { cwd: temp }).status).toBe(0);
  const packed = JSON.parse(readFileSync(join(temp, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(packed.scripts).toBeUndefined();
  expect(packed.devDependencies).toBeUndefined();
  expect(packed).toMatchObject({ name: 'mlops-quiz', bin: { 'mlops-quiz': 'bin/mlops-quiz.js' }, engines: { node: '>=20' } });

  expect(spawnSync(process.execPath, ['scripts/pack-manifest.mjs', '--restore'], { cwd: temp }).status).toBe(0);
  expect(readFileSync(join(temp, 'package.json'), 'utf8')).toBe(original);
  expect(existsSync(join(temp, 'package.json.orig'))).toBe(false);
});
