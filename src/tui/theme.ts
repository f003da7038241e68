/**
 * The prompts' look, from our own Style (src/reporters/style.ts), so that NO_COLOR, FORCE_COLOR and a
 * non-terminal output are honoured by Inquirer's prompts too (their defaults colour unconditionally).
 */
import type { Style } from '../reporters/style.js';

/** Keys a session adds to every prompt's help line (besides the prompt's own). */
export type KeyHelp = [key: string, action: string][];

export function keysHelpTip(style: Style, extra: KeyHelp = []): (keys: KeyHelp) => string {
  return (keys) =>
    [...keys, ...extra].map(([key, action]) => `${style.bold(key)} ${style.dim(action)}`).join(style.dim(' • '));
}

/** A theme accepted by select, checkbox, input, confirm and our own prompts. */
export function promptTheme(style: Style, extraKeys: KeyHelp = []) {
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
      keysHelpTip: keysHelpTip(style, extraKeys),
    },
  };
}
