/**
 * Start-up (issue 9, docs/SPEED.md): each path loads only what it needs. Reads the esbuild metafile of
 * the last `npm run build` (dist/meta.json) and follows the static imports that a path loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

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
  test('`--version`: the CLI module alone, no commander', () => {
    const { inputs } = loaded('dist/cli.js');
    expect(heavy(inputs, /node_modules\/(commander|zod|chalk|unified|remark|micromark|yaml)\//)).toEqual([]);
  });

  test('`run --answers` on a bundled quiz: no remark, no yaml, no classic zod, no node:crypto', () => {
    const { inputs, builtins } = loaded(chunkOf('src/commands/run.ts'));
    expect(heavy(inputs, /node_modules\/(unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml|github-slugger)\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/classic\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/locales\/(?!en\.js|index\.js)/)).toEqual([]); // `import { z }` bundles every locale
    expect(builtins.filter((name) => /crypto/.test(name))).toEqual([]);
  });

  test('the fast `run --answers` module (dist/run-answers.js): no commander, chalk without its detection, no parser, no classic zod, no node:crypto', () => {
    const { inputs, builtins } = loaded('dist/run-answers.js');
    expect(heavy(inputs, /node_modules\/(commander|unified|remark-[a-z-]+|micromark[a-z-]*|mdast-util-from-markdown|yaml|github-slugger|@inquirer\/[a-z-]+)\//)).toEqual([]);
    expect(heavy(inputs, /node_modules\/zod\/v4\/classic\/|chalk\/source\/vendor\/supports-color/)).toEqual([]);
    expect(builtins.filter((name) => /crypto|tty|node:os/.test(name))).toEqual([]);
  });

  test('the parser core (a quiz without front matter) loads no yaml; parse-quiz.ts adds it', () => {
    expect(heavy(loaded(chunkOf('src/quiz/parse-core.ts')).inputs, /node_modules\/yaml\//)).toEqual([]);
    expect(heavy(loaded(chunkOf('src/quiz/parse-quiz.ts')).inputs, /node_modules\/yaml\//).length).toBeGreaterThan(0);
  });

  test('parsing loads remark with GFM tables and task lists, and not the rest of GFM or any serialiser', () => {
    const { inputs } = loaded(chunkOf('src/quiz/parse-quiz.ts'));
    expect(heavy(inputs, /node_modules\/micromark-extension-gfm-table\//).length).toBeGreaterThan(0);
    expect(heavy(inputs, /node_modules\/(remark-gfm|micromark-extension-gfm-autolink-literal|mdast-util-to-markdown|zod)\//)).toEqual([]);
  });
});
