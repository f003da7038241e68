/** A worker thread of workers.ts: reads one span of a quiz with its dialect and posts the part back. */
import { parentPort, workerData } from 'node:worker_threads';
import { DIALECTS } from '../dialects/index.js';
import type { WorkerTask } from './workers.js';

const task = workerData as WorkerTask;
const entry = DIALECTS.find((one) => one.name === task.dialect);
if (entry === undefined) throw new Error(`no dialect ${task.dialect}`);
const dialect = await entry.load();
if (dialect.parts === undefined) throw new Error(`the ${task.dialect} dialect reads no parts`);
parentPort?.postMessage(dialect.parts.read(task.text, task.span, task.options));
