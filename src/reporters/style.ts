/**
 * Colour (docs/DESIGN.md section 8): none when the stream is not a terminal, none when NO_COLOR is set and
 * not empty (it wins over FORCE_COLOR), forced by FORCE_COLOR. chalk's own detection reads the global
 * process; we decide from the streams and environment that main() was given.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorEnv {
  isTTY?: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export function colorLevel({ isTTY, env }: ColorEnv): ColorLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force.toLowerCase() === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

export function makeStyle(level: ColorLevel): ChalkInstance {
  return new Chalk({ level });
}

export type Style = ChalkInstance;
