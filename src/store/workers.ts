/**
 * A large quiz read on several threads (docs/DESIGN.md section 10): its dialect cuts the text into
 * spans, one worker thread reads each (read-worker.ts, built to dist/read-worker.js), and the dialect
 * joins the parts into the result a whole read would give. Any trouble (no built worker, a worker that
 * fails, a span that does not prove) returns null, and the caller reads the text on this thread.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from '../core/quiz.js';
import type { DialectEntry, ReadOptions } from '../dialects/index.js';
import type { PartsReader } from '../dialects/dialect.js';
import { packageRoot } from './package-root.js';

/** What a worker is given: the dialect by name (it loads the reader itself), the text and its span. */
export interface WorkerTask {
  dialect: string;
  text: string;
  span: unknown;
  options: ReadOptions;
}

export function workerPath(): string {
  return join(packageRoot(), 'dist', 'read-worker.js');
}

function runWorker(task: WorkerTask): Promise<unknown> {
  return new Promise((resolvePart, reject) => {
    // A small young generation: a worker's garbage is collected sooner, and the process stays within the
    // memory row of the bench (10,000 questions: 352 MiB peak with the default, 250 MiB with this).
    const worker = new Worker(workerPath(), { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.once('message', (result: unknown) => {
      resolvePart(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a read worker stopped with exit code ${code}`));
    });
  });
}

export async function readInWorkers(entry: DialectEntry, parts: PartsReader<unknown, unknown>, text: string, options: ReadOptions, threads = Math.min(4, availableParallelism())): Promise<ReadResult | null> {
  const spans = parts.plan(text, threads);
  if (spans === null) return null;
  try {
    const results = await Promise.all(spans.map((span) => runWorker({ dialect: entry.name, text, span, options })));
    return parts.join(results, options);
  } catch {
    return null;
  }
}
