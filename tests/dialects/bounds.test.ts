/**
 * Bounded work before remark (src/dialects/markdown/bounds.ts, docs/HOSTILE-INPUT.md "Bounded work"):
 * a line over 1 MiB (a 15 MiB line took 2.3 GiB), a paragraph over 1 MiB (4 MiB took 12 s here) and
 * more than 2,000 emphasis marks in one paragraph are one-line errors at their place, found in one pass.
 */
import { describe, expect, test } from 'vitest';
import { findUnboundedWork, MAX_EMPHASIS } from '../../src/dialects/markdown/bounds.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { runBinary, tempFiles } from '../helpers/cli.js';

const TAIL = '\n\n### Possible Answers\n\n- a {Answer}\n- b\n';

describe('refused at their place', () => {
  test.each([
    ['a 15 MiB line', `# Q\n\n${'word '.repeat(3 * 1024 * 1024)}${TAIL}`, 3, 1, 'line 3 is 15.0 MiB long; lines over 1 MiB are refused (break it into lines and paragraphs)'],
    ['a 2 MiB paragraph of short lines', `# Q\n\nintro\n\n${'word word word word word word word word word\n'.repeat(50_000)}${TAIL}`, 5, 1, 'the paragraph that starts here is over 1 MiB without a blank line; paragraphs over 1 MiB are refused (separate it with blank lines)'],
    ['4,000 unclosed `*a_`', `# Q\n\n${'*a_'.repeat(4000)}${TAIL}`, 3, 3001, `more than ${MAX_EMPHASIS} emphasis marks (\`*\`, \`_\`) in one paragraph here; at most ${MAX_EMPHASIS} are accepted (separate it with blank lines, or put code in a code block)`],
  ])('%s', (_name, text, line, column, message) => {
    const result = parseQuiz(text, { file: 'q.md' });
    expect(result.quiz).toBeNull();
    expect(result.errors).toEqual([{ severity: 'error', code: 'too-long', message, file: 'q.md', line, column }]);
  });
});

describe('what real quizzes do is accepted', () => {
  test('2,000 emphasis marks in a paragraph, and any number in fenced code or in separate paragraphs', () => {
    const marks = `# Q\n\n${'_'.repeat(MAX_EMPHASIS)}\n\n${'*a* '.repeat(900)}\n\n\`\`\`\n${'snake_case_name\n'.repeat(5000)}\`\`\`${TAIL}`;
    expect(findUnboundedWork(marks)).toBeNull();
  });

  test('a 16 MiB line of white space is a blank line', () => {
    expect(findUnboundedWork(`# Q\n\n${' '.repeat(16 * 1024 * 1024)}${TAIL}`)).toBeNull();
  });

  test('the built binary refuses a 15 MiB line at once, one line on stderr', () => {
    const file = tempFiles('bounds')('long.md', `# Q\n\n${'word '.repeat(3 * 1024 * 1024)}${TAIL}`);
    const result = runBinary(['run', file, '--answers', 'tests/fixtures/hostile/answers-empty-answers.json']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/long\.md:3:1: line 3 is 15\.0 MiB long; lines over 1 MiB are refused/);
  });
});
