/** The session asks numeric and blank questions by typing, and shows an option's feedback after the answer (docs/DESIGN.md section 12). */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { makeStyle } from '../../src/reporters/style.js';
import { runSession } from '../../src/tui/session.js';
import { drive } from '../helpers/session-screen.js';

const PATH = 'tests/fixtures/format/new-kinds.md';

test('numbers typed (anything else asked again), gaps typed one by one, feedback after a choice', async () => {
  const quiz = parseQuiz(readFileSync(PATH, 'utf8'), { file: PATH }).quiz as Quiz;
  const run = await drive((io) => runSession(io, { quiz, dir: 'tests/fixtures/format', seed: 1, shuffleOptions: false, style: makeStyle(0), width: 80 }));
  // 1. numeric: a word is refused in place, a number is taken.
  expect(run.getScreen()).toContain('Your answer, a number (Enter alone skips, Ctrl+C quits)');
  await run.type('many');
  await run.keypress('enter');
  expect(run.getScreen()).toContain('Type a number, such as 3.14');
  for (let index = 0; index < 4; index += 1) await run.keypress('backspace');
  await run.type('120');
  await run.keypress('enter');
  expect(await run.printed()).toMatch(/Your answer: 120\n✔ Correct\n\n3 × 40\./);
  await run.keypress('enter');
  // 2. numeric, wrong: the accepted answers are shown.
  await run.type('3');
  await run.keypress('enter');
  expect(await run.printed()).toMatch(/✘ Wrong\nAccepted answers: 3\.14 ± 0\.01 \| 3\.1 to 3\.2/);
  await run.keypress('enter');
  // 3. numeric: Enter alone skips.
  await run.keypress('enter');
  expect(await run.printed()).toContain('Skipped');
  await run.keypress('enter');
  // 4. blank of two gaps: one right of two.
  expect(run.getScreen()).toContain('Gap 1 of 2');
  await run.type('rollout status');
  await run.keypress('enter');
  expect(run.getScreen()).toContain('Gap 2 of 2');
  await run.type('redo');
  await run.keypress('enter');
  expect(await run.printed()).toMatch(/Your answer: rollout status \| redo\n◐ Partly right: 0\.5 of 1 point\nGap 1: ✔ rollout status \| rollout status -w\nGap 2: undo/);
  await run.keypress('enter');
  // 5. blank of one gap.
  await run.type('|');
  await run.keypress('enter');
  expect(await run.printed()).toContain('✔ Correct');
  await run.keypress('enter');
  // 6. single choice with feedback on the option chosen.
  await run.keypress('down');
  await run.keypress('enter');
  expect(await run.printed()).toMatch(/Your answer: All of it\n✘ Wrong\nRight answer: A small one, such as 5 %\nFeedback: That is a big-bang release\./);
  await run.keypress('enter');
  // 7. multiple choice: both right ones; the feedback of each chosen option.
  await run.keypress('space');
  await run.keypress('down');
  await run.keypress('space');
  await run.keypress('enter');
  expect(await run.printed()).toMatch(/✔ Correct\nFeedback: Two environments, one live\./);
  await run.keypress('enter');
  const { report } = await run.result;
  expect(report.questions.map((one) => [one.kind, one.status])).toEqual([
    ['numeric', 'correct'],
    ['numeric', 'incorrect'],
    ['numeric', 'unanswered'],
    ['blank', 'partial'],
    ['blank', 'correct'],
    ['single', 'incorrect'],
    ['multiple', 'correct'],
  ]);
  expect(report.questions[5]!.feedback).toBe('That is a big-bang release.');
});
