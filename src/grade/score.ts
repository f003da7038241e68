/** Scoring (DESIGN.md section 6): each graded question is worth 1 point. Pure. */
import type { Question } from '../quiz/model.js';
import { matchChoices } from '../quiz/questions.js';
import { normalizeText, textKeys } from '../quiz/text.js';
import type { Response } from './response.js';

export type Status = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'ungraded';

const EPSILON = 1e-9;

/** Points (0..1) for a response of the question's own kind. */
export function pointsFor(question: Question, response: Response): number {
  switch (question.kind) {
    case 'single':
      return response.kind === 'single' && question.options[response.choice]?.correct === true ? 1 : 0;
    case 'multiple': {
      if (response.kind !== 'multiple') return 0;
      const correct = question.options.filter((option) => option.correct).length;
      const picks = new Set(response.choices);
      let right = 0;
      let wrong = 0;
      for (const pick of picks) {
        if (question.options[pick]?.correct) right += 1;
        else wrong += 1;
      }
      return Math.max(0, (right - wrong) / correct);
    }
    case 'order': {
      if (response.kind !== 'order') return 0;
      const inPlace = question.items.filter((_, index) => response.order[index] === index).length;
      return inPlace / question.items.length;
    }
    case 'match': {
      if (response.kind !== 'match') return 0;
      const choices = matchChoices(question).map(normalizeText);
      const matched = question.pairs.filter((pair, index) => {
        const pick = response.picks[index];
        return pick !== null && pick !== undefined && choices[pick] === normalizeText(pair.right);
      }).length;
      return matched / question.pairs.length;
    }
    case 'text': {
      if (response.kind !== 'text') return 0;
      const given = normalizeText(response.text);
      return question.accepted.some((accepted) => textKeys(accepted).includes(given)) ? 1 : 0;
    }
    case 'self':
      return response.kind === 'self' && response.knew ? 1 : 0;
  }
}

export function statusFor(points: number, maxPoints: number): Exclude<Status, 'unanswered' | 'ungraded'> {
  if (points >= maxPoints - EPSILON) return 'correct';
  return points > EPSILON ? 'partial' : 'incorrect';
}
