/**
 * The terminal's GFM pipeline is imported only when a text to draw needs it (src/tui/display-markdown.ts).
 * tests/setup.ts loads it for every test file; this test takes a fresh copy of the module
 * (vi.resetModules) to see what is drawn before it is loaded.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});

describe('the terminal draws plain text without its GFM pipeline', () => {
  test('plain text is drawn at once; other text needs the pipeline, which loadDisplay brings', async () => {
    const display = await import('../../src/tui/display-markdown.js');
    expect(display.plainTexts(['Which mode serves a nightly batch?', '`kubectl` and **bold**'])).toBe(true);
    expect(display.parseDisplayMarkdown('Which *mode*?').children[0]?.type).toBe('paragraph');
    // What GFM reads differently is never drawn as plain: strike-through and autolink literals.
    for (const text of ['~~old~~ new', 'see www.example.com', 'mail a@b.org', '| a | b |']) expect(display.plainTexts([text]), text).toBe(false);
    expect(() => display.parseDisplayMarkdown('~~old~~')).toThrow(/not loaded/);
    await display.loadDisplay();
    const struck = display.parseDisplayMarkdown('~~old~~').children[0];
    expect(struck?.type === 'paragraph' && struck.children[0]?.type).toBe('delete');
  });
});
