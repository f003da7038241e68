#!/usr/bin/env node
// The dialect row of the bench (docs/DESIGN.md section 12): a generated bank of N questions (default
// 10,000) in each dialect validates in at most 1.5x the time of the same bank in the native format.
// Runs alternate (native, dialect, dialect, native, ...); each figure is the median wall time of
// `mlops-quiz validate --no-cache FILE` over the runs. Plain Node; uses the build in dist/ (run
// `npm run build` first). Exit 0 when every dialect meets the target, 1 otherwise.
//
//   node bench/dialects.mjs [--count N] [--runs N] [--json FILE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECT_BANKS, EXTENSIONS, dialectBank, nativeBankFor } from './dialect-banks.mjs';

export const TARGET = 1.5;
const BIN = fileURLToPath(new URL('../bin/mlops-quiz.js', import.meta.url));

function validateMs(file) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, 'validate', '--no-cache', file], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`validate ${file} exited ${result.status}: ${result.stdout.slice(0, 400)}${result.stderr.slice(0, 400)}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Each dialect's row: the median ms of its bank and of the native bank of the same questions, and their ratio. */
export function measure({ count = 10000, runs = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mlops-quiz-bench-dialects-'));
  try {
    return DIALECT_BANKS.map((dialect) => {
      const foreign = join(dir, `bank-${dialect}.${EXTENSIONS[dialect]}`);
      const native = join(dir, `bank-${dialect}-native.md`);
      writeFileSync(foreign, dialectBank(dialect, count));
      writeFileSync(native, nativeBankFor(dialect, count));
      validateMs(foreign); // warm the disk cache and Node's own caches alike
      validateMs(native);
      const times = { dialect: [], native: [] };
      for (let run = 0; run < runs; run += 1) {
        const order = run % 2 === 0 ? ['native', 'dialect'] : ['dialect', 'native'];
        for (const which of order) times[which].push(validateMs(which === 'native' ? native : foreign));
      }
      const row = { dialect, count, nativeMs: median(times.native), dialectMs: median(times.dialect) };
      return { ...row, ratio: row.dialectMs / row.nativeMs, pass: row.dialectMs / row.nativeMs <= TARGET };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const rows = measure({ count: Number(value('--count') ?? 10000), runs: Number(value('--runs') ?? 5) });
  for (const row of rows) {
    process.stdout.write(`${row.dialect.padEnd(12)} ${row.count} questions: ${row.dialectMs.toFixed(0)} ms vs native ${row.nativeMs.toFixed(0)} ms = ${row.ratio.toFixed(2)}x (target <= ${TARGET}x) ${row.pass ? 'ok' : 'FAIL'}\n`);
  }
  const json = value('--json');
  if (json) writeFileSync(json, `${JSON.stringify(rows, null, 2)}\n`);
  process.exitCode = rows.every((row) => row.pass) ? 0 : 1;
}
