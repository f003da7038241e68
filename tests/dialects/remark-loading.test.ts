/**
 * remark is imported only when a text needs it (src/dialects/markdown/remark.ts). tests/setup.ts loads it
 * for every test file; these tests take fresh copies of the modules (vi.resetModules) to see what loading
 * the dialect for a text really loads.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});

const PLAIN = '# Offline or online?\n\nWhich mode serves a nightly batch?\n\n### Possible Answers\n\n- [x] Offline\n- [ ] Online\n';
const TABLE = '# Match them\n\n### Matches\n\n| Mode | Latency |\n| --- | --- |\n| Batch | Hours |\n| Online | Milliseconds |\n';

describe('the Markdown reader loads remark only for a text that needs it', () => {
  test('a small quiz of plain lines is read without remark', async () => {
    const { loadMarkdown } = await import('../../src/dialects/markdown/index.js');
    const remark = await import('../../src/dialects/markdown/remark.js');
    const dialect = await loadMarkdown(PLAIN);
    expect(dialect.read(PLAIN, { file: 'q.md' }).quiz?.questions.map((question) => question.kind)).toEqual(['single']);
    expect(() => remark.parseRemark('*x*')).toThrow(/remark is not loaded/);
  });

  test('a text that is not plain loads it first, and reads as before', async () => {
    const { loadMarkdown } = await import('../../src/dialects/markdown/index.js');
    const remark = await import('../../src/dialects/markdown/remark.js');
    const dialect = await loadMarkdown(TABLE);
    expect(dialect.read(TABLE, { file: 'q.md' }).quiz?.questions.map((question) => question.kind)).toEqual(['match']);
    expect(remark.parseRemark('*x*').children[0]?.type).toBe('paragraph');
  });
});
