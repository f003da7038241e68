/**
 * The ordering prompt (a custom prompt on @inquirer/core): the items are listed, the learner moves the
 * highlight with ↑↓, picks the highlighted item up with space, moves it with ↑↓, drops it with space,
 * and confirms the whole order with Enter. It answers with the items' indices in the learner's order.
 */
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import type { PartialDeep } from '@inquirer/type';

interface OrderTheme {
  icon: { cursor: string; held: string };
  style: { keysHelpTip: (keys: [string, string][]) => string | undefined };
}

const orderTheme: OrderTheme = {
  icon: { cursor: '❯', held: '≡' },
  style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${action}`).join(' • ') },
};

export interface OrderConfig {
  message: string;
  /** The items as they are drawn (already rendered and sanitised), in the order first shown. */
  items: readonly string[];
  theme?: PartialDeep<Theme<OrderTheme>>;
}

export default createPrompt<number[], OrderConfig>((config, done) => {
  const theme = makeTheme<OrderTheme>(orderTheme, config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [order, setOrder] = useState<number[]>(() => config.items.map((_, index) => index));
  const [active, setActive] = useState(0);
  const [held, setHeld] = useState(false);
  const prefix = usePrefix({ status, theme });
  const count = order.length;

  useKeypress((key) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setHeld(false);
      setStatus('done');
      done(order);
    } else if (isSpaceKey(key)) {
      setHeld(!held);
    } else if (isUpKey(key, theme.keybindings) || isDownKey(key, theme.keybindings)) {
      const target = isUpKey(key, theme.keybindings) ? active - 1 : active + 1;
      if (held) {
        // A held item moves with the highlight and stops at the ends.
        if (target < 0 || target >= count) return;
        const next = [...order];
        [next[active], next[target]] = [next[target] as number, next[active] as number];
        setOrder(next);
        setActive(target);
      } else {
        setActive((target + count) % count);
      }
    }
  });

  const message = theme.style.message(config.message, status);
  const numberWidth = String(count).length;
  if (status === 'done') {
    const summary = order.map((index) => firstLine(config.items[index] ?? '')).join(' → ');
    return `${[prefix, message].filter(Boolean).join(' ')} ${theme.style.answer(summary)}`;
  }
  const lines = order.map((itemIndex, position) => {
    const isActive = position === active;
    const mark = isActive ? (held ? theme.icon.held : theme.icon.cursor) : ' ';
    const label = `${String(position + 1).padStart(numberWidth)}. `;
    const pad = ' '.repeat(label.length + 2);
    const text = (config.items[itemIndex] ?? '').split('\n').join(`\n${pad}`);
    const row = `${mark} ${label}${text}`;
    return isActive ? theme.style.highlight(row) : row;
  });
  const help = theme.style.keysHelpTip(
    held
      ? [
          ['↑↓', 'move the item'],
          ['space', 'drop it'],
          ['⏎', 'confirm the order'],
        ]
      : [
          ['↑↓', 'choose'],
          ['space', 'pick up'],
          ['⏎', 'confirm the order'],
        ],
  );
  return [[prefix, message].filter(Boolean).join(' '), ...lines, ' ', help ?? ''].join('\n').trimEnd();
});

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
