/**
 * The output given to each prompt: a thin stream that writes through to io.stdout and reports its size.
 * A prompt ends its output when it is done (Inquirer pipes into it and ends the pipe); that must not end
 * the session's own stdout (only a stdio stream is immune to being ended that way).
 */
import { Writable } from 'node:stream';
import type { OutStream } from '../cli/io.js';

export function promptOutput(out: OutStream): NodeJS.WritableStream {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      out.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  Object.defineProperties(stream, {
    columns: { get: () => out.columns },
    rows: { get: () => out.rows },
    isTTY: { get: () => out.isTTY },
  });
  return stream;
}
