/**
 * Start-up (docs/SPEED.md): each path loads only what it needs. Reads the esbuild metafile of
 * the last `npm run build` (dist/meta.json) and follows the static imports that a path loads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, SCRATCH_STATE, TEST_CACHE, tempFiles } from '../helpers/cli.js';
import { MODULE_PROBE, probedModules } from '../helpers/modules.js';

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

const NO_READER = /node_modules\/(unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml|github-slugger)\//;
const NO_PROMPTS = /node_modules\/@inquirer\//;

describe('what each path loads', () => {
  test('the entry (dist/cli.js): commander and the reporters; no reader, no prompt library, no schema library', () => {
    const { inputs } = loaded('dist/cli.js');
    expect(heavy(inputs, /node_modules\/commander\//).length).toBeGreaterThan(0);
    expect(heavy(inputs, NO_READER)).toEqual([]);
    expect(heavy(inputs, NO_PROMPTS)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\//)).toEqual([]);
    expect(heavy(inputs, /chalk\/source\/vendor\/supports-color/)).toEqual([]);
  });

  test('`run --answers` on a bundled quiz (the light commands, src/cli/commands/index.ts): no reader, no prompt library, no classic zod', () => {
    const { inputs } = loaded(chunkOf('src/cli/commands/index.ts'));
    expect(heavy(inputs, NO_READER)).toEqual([]);
    expect(heavy(inputs, NO_PROMPTS)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/classic\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/locales\/(?!en\.js|index\.js)/)).toEqual([]); // `import { z }` bundles every locale
  });

  test('reading Markdown loads remark with GFM tables and task lists, and not the rest of GFM or any serialiser; only when a text needs it', () => {
    const { inputs } = loaded(chunkOf('src/dialects/markdown/remark-pipeline.ts'));
    expect(heavy(inputs, /node_modules\/micromark-extension-gfm-table\//).length).toBeGreaterThan(0);
    expect(heavy(inputs, /node_modules\/yaml\//).length).toBeGreaterThan(0);
    expect(heavy(inputs, /node_modules\/(remark-gfm|micromark-extension-gfm-autolink-literal|mdast-util-to-markdown)\//)).toEqual([]);
    expect(heavy(inputs, NO_PROMPTS)).toEqual([]);
    // The reader itself (and the session, which draws plain text without the display pipeline) import
    // remark, micromark and yaml only dynamically: a quiz of plain lines is read and shown without them.
    const REMARK = /node_modules\/(unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml)\//;
    expect(heavy(loaded(chunkOf('src/dialects/markdown/index.ts')).inputs, REMARK)).toEqual([]);
    expect(heavy(loaded(chunkOf('src/tui/run.ts')).inputs, REMARK)).toEqual([]);
    expect(heavy(loaded(chunkOf('src/tui/display-pipeline.ts')).inputs, /node_modules\/micromark-extension-gfm-autolink-literal\//).length).toBeGreaterThan(0);
  });

  test('the session brings Inquirer; nothing else does', () => {
    expect(heavy(loaded(chunkOf('src/tui/run.ts')).inputs, NO_PROMPTS).length).toBeGreaterThan(0);
    for (const entry of ['src/cli/commands/index.ts', 'src/cli/commands/preview.ts', 'src/cli/commands/new.ts']) expect(heavy(loaded(chunkOf(entry)).inputs, NO_PROMPTS), entry).toEqual([]);
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

  test('`--version` and `run --answers` on the bundled quiz start no worker thread and no terminal', () => {
    for (const args of [['--version'], ['run', '--answers', answers]]) {
      expect(loadedBy(args).filter((name) => /^NativeModule (worker_threads|tty|readline)$/.test(name)), args.join(' ')).toEqual([]);
    }
  });
});
