/**
 * The ordering prompt (a custom prompt on @inquirer/core): the items are listed, the learner moves the
 * highlight with ↑↓, picks the highlighted item up with space, moves it with ↑↓, drops it with space,
 * and confirms the whole order with Enter. It answers with the items' indices in the learner's order.
 */
import { useRef, createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
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
  /** Lines the items may take (the terminal's rows less the message and footer); all of them if unset. */
  pageSize?: number;
  theme?: PartialDeep<Theme<OrderTheme>>;
}

export default createPrompt<number[], OrderConfig>((config, done) => {
  const theme = makeTheme<OrderTheme>(orderTheme, config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [order, setOrder] = useState<number[]>(() => config.items.map((_, index) => index));
  const [active, setActive] = useState(0);
  const [held, setHeld] = useState(false);
  const top = useRef(0);
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
  const rows = order.map((itemIndex, position) => {
    const isActive = position === active;
    const mark = isActive ? (held ? theme.icon.held : theme.icon.cursor) : ' ';
    const label = `${String(position + 1).padStart(numberWidth)}. `;
    const pad = ' '.repeat(label.length + 2);
    const text = (config.items[itemIndex] ?? '').split('\n').join(`\n${pad}`);
    const row = `${mark} ${label}${text}`;
    return isActive ? theme.style.highlight(row) : row;
  });
  // Taller than the page: a window that follows the highlight, with a sign of what lies above and below.
  const [first, last] = pageOf(rows.map((row) => row.split('\n').length), active, top.current, config.pageSize);
  top.current = first;
  const lines = [
    ...(first > 0 ? [theme.style.help(`  ↑ ${first} more above`)] : []),
    ...rows.slice(first, last + 1),
    ...(last < rows.length - 1 ? [theme.style.help(`  ↓ ${rows.length - 1 - last} more below`)] : []),
  ];
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

/**
 * The first and last item shown: all when they fit in `pageSize` lines; else from `top`, moved just
 * enough to show `active`, as many items as fit (two lines kept for the signs).
 */
export function pageOf(heights: readonly number[], active: number, top: number, pageSize?: number): [number, number] {
  const total = heights.reduce((sum, height) => sum + height, 0);
  if (pageSize === undefined || total <= pageSize) return [0, heights.length - 1];
  const room = Math.max(1, pageSize - 2);
  const fits = (from: number, to: number): boolean => heights.slice(from, to + 1).reduce((sum, height) => sum + height, 0) <= room || from === to;
  let first = Math.min(Math.max(0, top), active);
  while (!fits(first, active)) first += 1;
  let last = active;
  while (last + 1 < heights.length && fits(first, last + 1)) last += 1;
  return [first, last];
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
