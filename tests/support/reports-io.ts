/** An in-memory Io for running main() in-process: what was written to stdout and stderr, as text. */
import { PassThrough } from 'node:stream';
import { main, type Io } from '../../src/cli.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(chunks: string[], isTTY: boolean): Io['stdout'] {
  const stream = new PassThrough() as unknown as Io['stdout'];
  stream.write = ((chunk: string) => {
    chunks.push(String(chunk));
    return true;
  }) as Io['stdout']['write'];
  stream.isTTY = isTTY;
  return stream;
}

/** Runs the CLI in-process in `cwd` (no terminal, no colour unless `env` asks for it). */
export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough() as unknown as Io['stdin'];
  const code = await main(argv, { stdin, stdout: sink(out, false), stderr: sink(err, false), env, cwd });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
