/** Right answers read from the parsed model (never typed by hand), as an answers file writes them. */
import type { AnswerValue } from '../../src/core/answers.js';
import type { Question } from '../../src/core/kinds/index.js';
import { letterFor } from '../../src/core/text.js';

export function rightAnswer(question: Question, style: 'text' | 'letter' = 'text'): AnswerValue {
  switch (question.kind) {
    case 'single': {
      const index = question.options.findIndex((option) => option.correct);
      return style === 'letter' ? letterFor(index) : question.options[index]!.text;
    }
    case 'multiple':
      return question.options.flatMap((option, index) => (option.correct ? [style === 'letter' ? letterFor(index) : option.text] : []));
    case 'order':
      return question.items;
    case 'match':
      return Object.fromEntries(question.pairs.map((pair) => [pair.left, pair.right]));
    case 'text':
      return question.accepted[0]!;
    case 'self':
      return true;
    case 'numeric': {
      const answer = question.answers[0]!;
      return 'min' in answer ? answer.min : answer.value;
    }
    case 'blank':
      return question.blanks.map((answers) => answers[0]!);
  }
}
