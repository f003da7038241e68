/** A one-key step (a custom prompt on @inquirer/core): "Press Enter to continue" or "to reveal the answer". */
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import type { PartialDeep } from '@inquirer/type';
import { stripStyle, textWidth } from './wrap.js';

interface PressTheme {
  style: { keysHelpTip: (keys: [string, string][]) => string | undefined };
}

const pressTheme: PressTheme = {
  style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${action}`).join(' • ') },
};

export interface PressEnterConfig {
  message: string;
  /** The terminal's width: the keys go under the message when both do not fit on one line. */
  columns?: number;
  theme?: PartialDeep<Theme<PressTheme>>;
}

export default createPrompt<void, PressEnterConfig>((config, done) => {
  const theme = makeTheme<PressTheme>(pressTheme, config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  useKeypress((key) => {
    if (status === 'idle' && isEnterKey(key)) {
      setStatus('done');
      done();
    }
  });
  const line = [prefix, theme.style.message(config.message, status)].filter(Boolean).join(' ');
  if (status === 'done') return line;
  // The help line holds only the keys the session adds (the message already says Enter).
  const help = theme.style.keysHelpTip([]);
  if (!help) return line;
  const fits = !help.includes('\n') && textWidth(stripStyle(`${line}  ${help}`)) < (config.columns ?? Number.MAX_SAFE_INTEGER);
  return fits ? `${line}  ${help}` : [line, help];
});
