/**
 * A typed answer (a custom prompt on @inquirer/core): every printable key is text, so the session's
 * hint, skip and quit are keys that cannot be typed (Tab, Esc, Ctrl+C), named in the footer. Enter with
 * nothing typed first says how to skip (a stray Enter must not give the answer away); a second Enter with
 * nothing typed ends the prompt with '' (the caller skips), as multiple choice does with no pick.
 */
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import type { PartialDeep } from '@inquirer/type';
import { sanitizeLine } from '../core/sanitize.js';

interface TypeTheme {
  style: { keysHelpTip: (keys: [string, string][]) => string | undefined };
}

const typeTheme: TypeTheme = {
  style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${action}`).join(' • ') },
};

export interface TypeConfig {
  message: string;
  /** Said when Enter is pressed with nothing typed. */
  empty: string;
  theme?: PartialDeep<Theme<TypeTheme>>;
}

export default createPrompt<string, TypeConfig>((config, done) => {
  const theme = makeTheme<TypeTheme>(typeTheme, config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      if (value.trim() === '' && error === undefined) {
        setError(config.empty);
        return;
      }
      setStatus('done');
      done(value);
      return;
    }
    setValue(rl.line);
    if (rl.line !== '') setError(undefined);
  });
  const line = [prefix, theme.style.message(config.message, status), status === 'done' ? theme.style.answer(sanitizeLine(value)) : sanitizeLine(value)].filter(Boolean).join(' ');
  if (status === 'done') return line;
  const footer = [error === undefined ? '' : theme.style.error(error), theme.style.keysHelpTip([['Enter', 'answer']]) ?? ''].filter(Boolean).join('\n');
  return [line, footer];
});
