/**
 * docs/FORMAT.md is the authoring reference: its examples must stay true. A `markdown` example that is
 * followed by a `text` block prints exactly those lines when saved as `quiz.md` and validated; one that
 * is not validates clean. Every diagnostic code is shown, and every question kind. Examples are checked as
 * `validate` checks them, images included, in a folder that holds `images/pipeline.png` and nothing else
 * (as scripts/update-format-doc.mjs does).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findings } from '../../src/core/diagnostics.js';
import type { DiagnosticCode } from '../../src/core/diagnostics.js';
import type { ReadResult } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { checkImages } from '../../src/store/images.js';
import { tempDir } from '../helpers/temp.js';

const doc = readFileSync(new URL('../../docs/FORMAT.md', import.meta.url), 'utf8');

interface Block {
  lang: string;
  body: string;
  line: number;
}

/** The fenced blocks of a Markdown text (an outer fence may be longer, to hold ``` inside). */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^(`{3,})(\w*)$/.exec(lines[index]!);
    if (!open) continue;
    const end = lines.findIndex((line, at) => at > index && line === open[1]);
    out.push({ lang: open[2]!, body: lines.slice(index + 1, end).join('\n'), line: index + 1 });
    index = end;
  }
  return out;
}

const all = blocks(doc);
const examples = all.flatMap((block, index) => {
  if (block.lang !== 'markdown') return [];
  const next = all[index + 1];
  return [{ ...block, expected: next?.lang === 'text' && next.body.startsWith('quiz.md:') ? next.body.split('\n') : [] }];
});

const folder = tempDir('format-doc');
mkdirSync(join(folder, 'images'));
writeFileSync(join(folder, 'images', 'pipeline.png'), '');

/** An example as validate reads it in that folder: the reader's findings and the missing images. */
function validated(body: string): ReadResult {
  const result = parseQuiz(`${body}\n`, { file: 'quiz.md' });
  return { ...result, warnings: [...result.warnings, ...checkImages(result.images, folder, 'quiz.md')] };
}

test.each(examples.map((e) => [`FORMAT.md:${e.line}`, e] as const))('%s', (_place, example) => {
  expect(findings(validated(example.body)), 'if a message changed on purpose: npm run build && node scripts/update-format-doc.mjs').toEqual(example.expected);
});

test('every diagnostic code is shown by an example and listed with its fix, and every question kind', () => {
  const codes = new Set<DiagnosticCode>();
  const kinds = new Set<string>();
  for (const example of examples) {
    const result = validated(example.body);
    for (const d of [...result.errors, ...result.warnings]) codes.add(d.code);
    for (const q of result.quiz?.questions ?? []) kinds.add(q.kind);
  }
  const union = /export type DiagnosticCode =([^;]*);/.exec(readFileSync(new URL('../../src/core/diagnostics.ts', import.meta.url), 'utf8'))![1]!;
  const all = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1] as DiagnosticCode);
  expect(all.length).toBeGreaterThan(20);
  // too-deep needs a line of 150 `>`, too-long a paragraph of 2,100 `*a_`: their examples are the output alone.
  // Other formats' codes (left-out, skipped, ignored) come from their readers: tests/dialects/foreign.test.ts.
  const elsewhere = new Set(['too-deep', 'too-long', 'left-out', 'skipped', 'ignored']);
  expect(all.filter((code) => !elsewhere.has(code) && !codes.has(code))).toEqual([]);
  expect(all.filter((code) => !doc.includes(`| \`${code}\` |`)), 'the table of codes in FORMAT.md').toEqual([]);
  expect([...kinds].sort()).toEqual(['blank', 'match', 'multiple', 'numeric', 'order', 'self', 'single', 'text']);
});
