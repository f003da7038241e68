/** Matching: one choice of the (shuffled) right values per left item; picks made before a hint are kept. */
import select from '@inquirer/select';
import type { MatchQuestion } from '../../core/kinds/index.js';
import { isRightPick, matchChoices, type MatchResponse } from '../../core/kinds/match.js';
import { renderInlineMarkdown } from '../render-markdown.js';
import { plain } from '../wrap.js';
import { listOf, numbered, own, readNumbers, readUntil, type Asker } from './asker.js';

export const match: Asker<MatchQuestion> = {
  start: (question) => {
    const picks: (number | null)[] = question.pairs.map(() => null);
    return async (context) => {
      const values = matchChoices(question);
      const [leftLabel, rightLabel] = question.labels.map((label) => renderInlineMarkdown(label, context.style));
      if (picks.every((pick) => pick === null)) context.print([context.style.dim(`Match each ${leftLabel || 'item'} to its ${rightLabel || 'value'}:`)]);
      for (const [index, pair] of question.pairs.entries()) {
        if (picks[index] !== null) continue;
        const choices = numbered(context, context.shown.map((value) => ({ value, text: values[value] ?? '' })), 2);
        const message = `${renderInlineMarkdown(pair.left, context.style)} →`;
        const step = await context.ask(
          (prompt) => select({ ...listOf(context, message, choices), choices, loop: false, theme: context.theme(context.keys) }, prompt),
          context.keys,
        );
        if (step.kind !== 'value') return step;
        picks[index] = step.value;
        context.print(context.labelled('  ', `${pair.left} → ${values[step.value] ?? ''}`));
      }
      return { kind: 'value', value: { kind: 'match', picks: [...picks] } };
    };
  },
  plain: async (question, context) => {
    const values = matchChoices(question);
    const [leftLabel, rightLabel] = question.labels.map((label) => renderInlineMarkdown(label, context.style));
    context.print([`Match each ${leftLabel || 'item'} to its ${rightLabel || 'value'}:`, ...context.list(context.shown.map((value) => values[value] ?? ''))]);
    const count = context.shown.length;
    const picks: (number | null)[] = [];
    for (const pair of question.pairs) {
      const step = await readUntil(context, `${renderInlineMarkdown(pair.left, context.style)} → (1-${count}): `, false, (line) => (readNumbers(line, count)?.length === 1 ? readNumbers(line, count)![0]! : null), `Type one number from 1 to ${count}.`);
      if (step.kind !== 'value') return step;
      picks.push(context.shown[step.value] as number);
    }
    return { kind: 'value', value: { kind: 'match', picks } };
  },
  rightAnswer: (question, response, _result, { style, labelled }) => {
    const values = matchChoices(question);
    const picks = own<MatchResponse>(response, 'match')?.picks;
    if (!picks) return [style.dim('Right matches:'), ...question.pairs.flatMap((pair) => labelled('  ', `${pair.left} → ${pair.right}`, plain))];
    return [
      style.dim('Your matches:'),
      ...question.pairs.flatMap((pair, index) => {
        const pick = picks[index];
        const chosen = pick === null || pick === undefined ? null : (values[pick] ?? '');
        const ok = isRightPick(question, index, pick);
        const text = `${pair.left} → ${chosen ?? '(none)'}${ok ? '' : ` (right: ${pair.right})`}`;
        return labelled(`  ${ok ? '✔' : '✘'} `, text, (label) => label.replace(/[✔✘]/, (sign) => (ok ? style.green(sign) : style.red(sign))));
      }),
    ];
  },
};
