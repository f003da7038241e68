/** Every problem of an answers file in one reading (issue 17): the core, without the command line. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnswersError, readAnswerSheet } from '../../src/core/answers.js';
import { interpretAnswers } from '../../src/core/interpret.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const quiz: Quiz = parseQuiz(readFileSync(new URL('../fixtures/format/all-kinds.md', import.meta.url), 'utf8'), { file: 'all-kinds.md' }).quiz!;

function problems(text: string): { path: string; message: string }[] {
  try {
    const { sheet, raw } = readAnswerSheet(text);
    interpretAnswers(quiz, sheet, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(AnswersError);
    const { path, message, problems: all } = error as AnswersError;
    expect(all[0]).toEqual({ path, message });
    return [...all];
  }
  throw new Error('expected an AnswersError');
}

describe('interpretAnswers finds every problem', () => {
  test('a wrong quiz id, an unreadable value, an unknown key and the same question twice: four problems, in reading order', () => {
    const found = problems(JSON.stringify({ quiz: 'other', answers: { serving: 'Onlyne', nope: 'A', 7: 'A', 'two-correct-seed-style': 'C' } }));
    expect(found.map((problem) => problem.path)).toEqual(['quiz', 'answers["serving"]', 'answers["nope"]', 'answers["two-correct-seed-style"]']);
    expect(found[0]!.message).toBe('is "other" but this quiz\'s id is "all-kinds"; remove "quiz" or set it to "all-kinds"');
    expect(found[1]!.message).toMatch(/^question 1 "Serving mode": "Onlyne" names no option; accepted: /);
    expect(found[2]!.message).toMatch(/^no question has the id or number "nope"/);
    // "7" is read first (integer-like keys come first in a JSON object), so the id is the repeat.
    expect(found[3]!.message).toBe('question 7 "Two correct, seed style" is answered twice, as "7" and as "two-correct-seed-style"; keep one');
  });

  test('inside one answer: every pick, item and pair that cannot be read, each with its suggestion', () => {
    const [multiple, order, match] = problems(JSON.stringify({ answers: { 2: ['Canari deployment', 9, 'B'], 3: ['Prodution', 'Staging', 'Staging'], 4: { 'Smoke test': 'Prodution' } } }));
    expect(multiple!.message).toBe(
      'question 2 "Safe rollouts": "Canari deployment" names no option (did you mean "Canary deployment"?); there is no option 9; accepted: a letter A-D, a number from 1 to 4, or an option\'s text (or an array of those)',
    );
    expect(order!.message).toBe(
      'question 3 "Environments in order": "Prodution" names no item (did you mean "Production"?); "Staging" is given twice; accepted: an array of the item texts in your order (3 items), each once',
    );
    expect(match!.message).toMatch(/"Smoke test" names no left item \(did you mean "Smoke tests"\?\); "Prodution" names no right value \(did you mean "Production"\?\); accepted: /);
  });

  test('a file without problems still reads as before', () => {
    const { sheet, raw } = readAnswerSheet(JSON.stringify({ answers: { serving: 'Online prediction', 3: ['Development', 'Staging', 'Production'] } }));
    const responses = interpretAnswers(quiz, sheet, raw);
    expect(responses.get('serving')).toEqual({ kind: 'single', choice: 1 });
    expect(responses.get('environments-in-order')).toEqual({ kind: 'order', order: [0, 1, 2] });
  });
});
