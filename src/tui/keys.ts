/**
 * The session's one key map (README "Keys"): each action has a letter at a choice prompt and a key that
 * cannot be typed by accident at a typed answer. Tab and Esc work at every prompt; the letters only
 * where nothing is typed. Ctrl+C quits everywhere (and Ctrl+D, end of input).
 */
import type { Action } from './askers/asker.js';
import type { KeyHelp } from './theme.js';

export const KEYS: Record<Action, { choice: string; typed: string; does: string }> = {
  hint: { choice: 'h', typed: 'Tab', does: 'hint' },
  skip: { choice: 's', typed: 'Esc', does: 'skip' },
  quit: { choice: 'q', typed: 'Ctrl+C', does: 'quit' },
  // Exam mode only: move between questions.
  back: { choice: 'p', typed: 'PgUp', does: 'previous' },
  forward: { choice: 'n', typed: 'PgDn', does: 'next' },
};

export interface KeyPress {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

/** The session action of a key press, or null; `typed`: the prompt takes text, so letters are text. */
export function actionOf(key: KeyPress | undefined, typed: boolean): Action | null {
  if (!key?.name || key.ctrl) return null;
  // A lone Esc comes from readline as `escape` with meta set (an escape that began no sequence).
  if (key.name === 'escape') return 'skip';
  if (key.meta) return null;
  if (key.name === 'tab') return 'hint';
  if (key.name === 'pageup') return 'back';
  if (key.name === 'pagedown') return 'forward';
  if (typed) return null;
  return ({ h: 'hint', s: 'skip', q: 'quit', p: 'back', n: 'forward' } as const)[key.name as 'h' | 's' | 'q' | 'p' | 'n'] ?? null;
}

/** The footer's entries for these actions. */
export function keyHelp(actions: readonly Action[], typed: boolean): KeyHelp {
  return actions.map((action) => [typed ? KEYS[action].typed : KEYS[action].choice, KEYS[action].does]);
}
