/**
 * Start-up (issue 9, docs/SPEED.md): each path loads only what it needs. Reads the esbuild metafile of
 * the last `npm run build` (dist/meta.json) and follows the static imports that a path loads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, SCRATCH_STATE, TEST_CACHE, tempFiles } from './helpers/cli.js';
import { loadedEsModule, MODULE_PROBE, probedModules } from './helpers/modules.js';

interface Output {
  imports: { path: string; kind: string; external?: boolean }[];
  inputs: Record<string, unknown>;
  entryPoint?: string;
}
const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, Output> };

/** Everything loaded with `file`: its static imports, transitively (source inputs and node: modules). */
function loaded(file: string): { inputs: string[]; builtins: string[] } {
  const inputs = new Set<string>();
  const builtins = new Set<string>();
  const visit = (out: string, seen: Set<string>): void => {
    if (seen.has(out)) return;
    seen.add(out);
    const output = meta.outputs[out]!;
    Object.keys(output.inputs).forEach((input) => inputs.add(input));
    for (const imported of output.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external || imported.path.startsWith('node:')) builtins.add(imported.path);
      else visit(imported.path, seen);
    }
  };
  visit(file, new Set());
  return { inputs: [...inputs], builtins: [...builtins] };
}

const chunkOf = (source: string): string => {
  const found = Object.entries(meta.outputs).find(([out, output]) => out.endsWith('.js') && output.entryPoint === source);
  expect(found, `a chunk whose entry is ${source}`).toBeDefined();
  return found![0];
};
const heavy = (inputs: string[], pattern: RegExp): string[] => inputs.filter((input) => pattern.test(input));

describe('what each path loads', () => {
  test('the entry (dist/cli.cjs): main() alone, no dependency; Node built-ins and commander\'s ES module side', () => {
    const output = meta.outputs['dist/cli.cjs']!;
    expect(heavy(Object.keys(output.inputs), /node_modules\//)).toEqual([]);
    expect(output.imports.filter((one) => !(one.kind === 'require-call' && one.path.startsWith('node:')))).toEqual([{ path: './program.js', kind: 'dynamic-import', external: true }]);
  });

  test('`run` without commander (dist/fast/run.cjs): no commander, parser, classic zod or Inquirer, chalk without its detection', () => {
    const output = meta.outputs['dist/fast/run.cjs']!;
    const inputs = Object.keys(output.inputs);
    expect(heavy(inputs, /node_modules\/(commander|unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml|github-slugger|@inquirer\/[a-z-]+)\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/classic\/|chalk\/source\/vendor\/supports-color/)).toEqual([]);
    expect(output.imports.filter((one) => !(one.kind === 'require-call' && one.path.startsWith('node:')))).toEqual([]);
  });

  test('`run --answers` on a bundled quiz through commander: no remark, no yaml, no classic zod, no node:crypto', () => {
    const { inputs, builtins } = loaded(chunkOf('src/commands/run.ts'));
    expect(heavy(inputs, /node_modules\/(unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml|github-slugger)\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/classic\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/locales\/(?!en\.js|index\.js)/)).toEqual([]); // `import { z }` bundles every locale
    expect(builtins.filter((name) => /crypto/.test(name))).toEqual([]);
  });

  test('the parser core (a quiz without front matter) holds no yaml; the YAML reader holds yaml and nothing of the parser', () => {
    expect(heavy(Object.keys(meta.outputs['dist/fast/parse-core.cjs']!.inputs), /node_modules\/yaml\//)).toEqual([]);
    const reader = Object.keys(meta.outputs['dist/fast/yaml-reader.cjs']!.inputs);
    expect(heavy(reader, /node_modules\/yaml\//).length).toBeGreaterThan(0);
    expect(heavy(reader, /node_modules\/(micromark[a-z-]*|mdast-[a-z-]+|unified)\//)).toEqual([]);
  });

  test('parsing loads remark with GFM tables and task lists, and not the rest of GFM or any serialiser', () => {
    const inputs = Object.keys(meta.outputs['dist/fast/parse-core.cjs']!.inputs);
    expect(heavy(inputs, /node_modules\/micromark-extension-gfm-table\//).length).toBeGreaterThan(0);
    expect(heavy(inputs, /node_modules\/(remark-gfm|micromark-extension-gfm-autolink-literal|mdast-util-to-markdown|zod)\//)).toEqual([]);
  });
});

describe('what each path loads at run time (the built CLI, Node\'s own list of loaded modules)', () => {
  /** Node's internal modules loaded by the end of `mlops-quiz ...args`. */
  const loadedBy = (args: string[]): string[] => {
    const out = `${MODULE_PROBE}.${args.join('-').replace(/\W+/g, '-')}.json`;
    const result = spawnSync(process.execPath, ['--require', MODULE_PROBE, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE, XDG_STATE_HOME: SCRATCH_STATE, PROBE_OUT: out } });
    expect(result.status, result.stderr).toBeLessThanOrEqual(1);
    return probedModules(out);
  };
  const answers = tempFiles('bundle-probe-answers')('answers.json', '{"answers": {}}');

  test('`--version`: no ES module loader, no node:crypto, no node:vm', () => {
    const modules = loadedBy(['--version']);
    expect(loadedEsModule(modules)).toBe(false);
    expect(modules.filter((name) => /^NativeModule (crypto|vm|tty)$/.test(name))).toEqual([]);
  });

  test('`run --answers` on the bundled quiz: its script (node:vm), no ES module loader, no node:crypto', () => {
    const modules = loadedBy(['run', '--answers', answers]);
    expect(loadedEsModule(modules)).toBe(false);
    expect(modules).toContain('NativeModule vm');
    expect(modules.filter((name) => /^NativeModule (crypto|tty)$/.test(name))).toEqual([]);
  });

  test('`run QUIZ.md --answers` (a parse): still no ES module loader', () => {
    const modules = loadedBy(['run', join(ROOT, 'tests/fixtures/seed/seed.md'), '--answers', join(ROOT, 'tests/fixtures/answers/seed-mixed.json'), '--no-cache']);
    expect(loadedEsModule(modules)).toBe(false);
    expect(modules).toContain('NativeModule vm');
  });

  test('anything else goes to commander, an ES module', () => {
    expect(loadedEsModule(loadedBy(['list']))).toBe(true);
  });
});

test('a package whose dist/fast/ is missing says so in one line (exit 70), no stack trace', () => {
  const answers = tempFiles('no-scripts')('answers.json', '{"answers": {}}');
  const dir = dirname(answers);
  for (const path of ['package.json', 'bin/mlops-quiz.js', 'bin/package.json', 'dist/cli.cjs', 'quizzes/mlops-deployment.md']) cpSync(join(ROOT, path), join(dir, path));
  const result = spawnSync(process.execPath, [join(dir, 'bin/mlops-quiz.js'), 'run', '--answers', answers], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir } });
  expect(result.status).toBe(70);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^mlops-quiz: internal error: .*dist\/fast\/run\.cjs.* \(please report it\)\n$/);
});

