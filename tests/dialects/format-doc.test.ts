/**
 * docs/FORMAT.md is the authoring reference: its examples must stay true. A `markdown` example that is
 * followed by a `text` block prints exactly those lines when saved as `quiz.md` and validated; one that
 * is not validates clean. Every diagnostic code is shown, and every question kind.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { findings } from '../../src/core/diagnostics.js';
import type { DiagnosticCode } from '../../src/core/diagnostics.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

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

test.each(examples.map((e) => [`FORMAT.md:${e.line}`, e] as const))('%s', (_place, example) => {
  const result = parseQuiz(`${example.body}\n`, { file: 'quiz.md' });
  expect(findings(result), 'if a message changed on purpose: npm run build && node scripts/update-format-doc.mjs').toEqual(example.expected);
});

test('every diagnostic code the parser reports is shown by an example, and every question kind', () => {
  const codes = new Set<DiagnosticCode>();
  const kinds = new Set<string>();
  for (const example of examples) {
    const result = parseQuiz(`${example.body}\n`, { file: 'quiz.md' });
    for (const d of [...result.errors, ...result.warnings]) codes.add(d.code);
    for (const q of result.quiz?.questions ?? []) kinds.add(q.kind);
  }
  const reported = [...readFileSync(new URL('../../src/dialects/markdown/read.ts', import.meta.url), 'utf8').matchAll(/'(?:error|warning)', '([a-z-]+)'/g)].map((m) => m[1]);
  expect(reported.length).toBeGreaterThan(15);
  expect([...new Set(reported)].filter((code) => !codes.has(code as DiagnosticCode))).toEqual([]);
  expect([...kinds].sort()).toEqual(['blank', 'match', 'multiple', 'numeric', 'order', 'self', 'single', 'text']);
});
