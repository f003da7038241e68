/**
 * What a run of the built CLI loaded, by Node's own list (`process.moduleLoadList`): a preload,
 * `node --require PROBE`, writes the list to $PROBE_OUT when the process exits (docs/SPEED.md).
 */
import { readFileSync } from 'node:fs';
import { tempFiles } from './cli.js';

/** The preload's path. */
export const MODULE_PROBE = tempFiles('module-probe')(
  'probe.cjs',
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify(process.moduleLoadList)));\n",
);

/** The list a probed run wrote to `out`. */
export function probedModules(out: string): string[] {
  return JSON.parse(readFileSync(out, 'utf8')) as string[];
}
