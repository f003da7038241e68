/**
 * The prompts' look, from our own Style (src/reporters/style.ts), so that NO_COLOR, FORCE_COLOR and a
 * non-terminal output are honoured by Inquirer's prompts too (their defaults colour unconditionally).
 */
import type { Style } from '../reporters/style.js';
import { textWidth } from './wrap.js';

/** Keys a session adds to every prompt's help line (besides the prompt's own). */
export type KeyHelp = [key: string, action: string][];

/**
 * The footer of a prompt: its own keys and the session's, `key action` joined by ` • `, wrapped to
 * `columns` between entries (never inside one).
 */
export function keysHelpTip(style: Style, extra: KeyHelp = [], columns = Number.MAX_SAFE_INTEGER): (keys: KeyHelp) => string {
  return (keys) => {
    const lines: string[] = [];
    let line = '';
    let used = 0;
    for (const [key, action] of [...keys, ...extra]) {
      const width = textWidth(`${key} ${action}`);
      if (used > 0 && used + 3 + width > columns - 1) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += (used > 0 ? style.dim(' • ') : '') + `${style.bold(key)} ${style.dim(action)}`;
      used += (used > 0 ? 3 : 0) + width;
    }
    lines.push(line);
    return lines.join('\n');
  };
}

/** A theme accepted by select, checkbox, input, confirm and our own prompts; `columns`: the terminal's. */
export function promptTheme(style: Style, extraKeys: KeyHelp = [], columns?: number) {
  return {
    prefix: { idle: style.blue('?'), done: style.green('✔') },
    spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'].map((frame) => style.yellow(frame)) },
    icon: {
      cursor: '❯',
      checked: style.green('◉'),
      unchecked: '◯',
      disabledChecked: style.green('◎'),
      disabledUnchecked: '-',
    },
    style: {
      answer: (text: string) => style.cyan(text),
      message: (text: string) => style.bold(text),
      error: (text: string) => style.red(`> ${text}`),
      defaultAnswer: (text: string) => style.dim(`(${text})`),
      help: (text: string) => style.dim(text),
      highlight: (text: string) => style.cyan(text),
      key: (text: string) => style.cyan.bold(`<${text}>`),
      description: (text: string) => style.cyan(text),
      disabled: (text: string) => style.dim(text),
      keysHelpTip: keysHelpTip(style, extraKeys, columns),
    },
  };
}
