/**
 * Typed errors across the bundle's scripts (src/errors.ts): the session, `run` and the parser each carry
 * their own copy of the error classes, so an error thrown by one copy must be known to another's
 * `instanceof` and mapped to its exit code, not to "internal error" (a quiz with errors taken in a
 * terminal once ended with exit 70).
 */
import { describe, expect, test, vi } from 'vitest';
import { CliError, InterruptedError, UsageError } from '../src/errors.js';
import { exitCodeFor } from '../src/exit.js';
import type { Io } from '../src/io.js';

/** A second copy of src/errors.ts, as a second bundled script holds. */
async function otherCopy(): Promise<typeof import('../src/errors.js')> {
  vi.resetModules();
  const copy = await import('../src/errors.js');
  expect(copy.CliError).not.toBe(CliError);
  return copy;
}

function capture(): { io: Io; stderr: () => string } {
  let text = '';
  const stream = { write: (chunk: string) => ((text += chunk), true) };
  return { io: { stderr: stream, stdout: stream, env: {}, cwd: '/' } as unknown as Io, stderr: () => text };
}

describe('errors from another copy of the classes', () => {
  test('a CliError of another copy is a CliError here, and keeps its exit code and its one line', async () => {
    const copy = await otherCopy();
    const error = new copy.CliError('quiz-invalid', 'quiz.md: 1 error makes this quiz unusable', { details: ['quiz.md:3:1: no answer'] });
    expect(error).toBeInstanceOf(CliError);
    expect(new copy.UsageError('x')).toBeInstanceOf(CliError);
    const { io, stderr } = capture();
    expect(exitCodeFor(error, io)).toBe(2);
    expect(stderr()).toBe('mlops-quiz: quiz.md: 1 error makes this quiz unusable\n  quiz.md:3:1: no answer\n');
  });

  test('an InterruptedError of another copy keeps its exit code, silently', async () => {
    const copy = await otherCopy();
    const { io, stderr } = capture();
    expect(new copy.InterruptedError(143)).toBeInstanceOf(InterruptedError);
    expect(exitCodeFor(new copy.InterruptedError(143), io)).toBe(143);
    expect(stderr()).toBe('');
  });

  test('the checks stay exact: subclasses, other errors, and values that are not errors', () => {
    expect(new CliError('usage', 'x')).not.toBeInstanceOf(UsageError);
    expect(new UsageError('x')).toBeInstanceOf(UsageError);
    expect(new Error('x')).not.toBeInstanceOf(CliError);
    expect(new InterruptedError(130)).not.toBeInstanceOf(CliError);
    expect(new CliError('usage', 'x')).not.toBeInstanceOf(InterruptedError);
    for (const value of [null, undefined, 'CliError', 2, {}]) expect(value instanceof CliError).toBe(false);
    const { io } = capture();
    expect(exitCodeFor(new Error('boom'), io)).toBe(70);
  });
});
