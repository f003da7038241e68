/** Where a command's report goes: stdout, in colour as the terminal allows, or atomically to `--output`, without colour. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files.js';
import type { Io } from '../io.js';
import { colorLevel, type ColorLevel } from '../render/style.js';

export function writeOutput(io: Io, output: string | undefined, render: (color: ColorLevel) => string): void {
  if (output === undefined) io.stdout.write(render(colorLevel({ isTTY: io.stdout.isTTY, env: io.env })));
  else writeFileAtomic(resolve(io.cwd, output), render(0), output);
}
