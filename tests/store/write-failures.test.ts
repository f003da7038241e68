/**
 * The one atomic writer when the disk fills up, simulated (tests/cli/file-edge.test.ts fills a real
 * 64 KiB tmpfs where the machine lets root mount one): `writeSync` writes part of what it is given and
 * then fails with ENOSPC, as a full file system does. The target keeps its old content, no temporary
 * file is left, the error's code reaches the caller, and the commands say it in one line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const disk = vi.hoisted(() => ({ full: false, short: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => {
    const start = offset ?? 0;
    const size = length ?? buffer.byteLength - start;
    // A short write (what a file system that fills up returns first), then ENOSPC on the next call.
    if (disk.short && size > 8) return fs.writeSync(fd, buffer, start, Math.floor(size / 2), position);
    if (disk.full) {
      if (size > 8) fs.writeSync(fd, buffer, start, 8, position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return fs.writeSync(fd, buffer, start, size, position);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { writeFileAtomic } = await import('../../src/store/files.js');
const { ProgressStore } = await import('../../src/store/attempts.js');
const { runInProcess, ROOT } = await import('../helpers/cli.js');

afterEach(() => {
  disk.full = false;
  disk.short = false;
});

describe('a full disk (simulated ENOSPC)', () => {
  test('writeFileAtomic throws ENOSPC, the old file stays whole, no temporary file is left', () => {
    const dir = tempDir('enospc');
    const path = join(dir, 'report.txt');
    writeFileSync(path, 'the old report\n');
    disk.full = true;
    expect(() => writeFileAtomic(path, 'x'.repeat(100_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(path, 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  // writeSync returns how much it wrote: the writer used to call it once and rename a file cut short.
  test('short writes are carried on until everything is written', () => {
    const dir = tempDir('short-write');
    const path = join(dir, 'report.txt');
    disk.short = true;
    const text = `${'é'.repeat(50_000)}end\n`;
    writeFileAtomic(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('run --answers --output: one line with ENOSPC, exit 2, nothing left behind', async () => {
    const dir = tempDir('enospc-cli');
    disk.full = true;
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/answers/seed-mixed.json', '--output', join(dir, 'report.txt')], { cwd: ROOT });
    disk.full = false;
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^mlops-quiz: \S+report\.txt: cannot write the report there \(ENOSPC\); give a path in a folder that can be made and written\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('saving an attempt: one warning, the quiz goes on, the earlier save intact', () => {
    const dir = tempDir('enospc-state');
    const warnings: string[] = [];
    const store = new ProgressStore(dir, (line) => warnings.push(line));
    const attempt = {
      version: 2 as const,
      id: '20261101T090000000Z-abcd',
      quiz: { id: 'seed', title: 'Seed', source: 'seed.md' },
      mode: 'full' as const,
      whole: true,
      seed: null,
      shuffleOptions: false,
      startedAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      finishedAt: null,
      questions: [{ id: 'q', number: 1, title: 'Q', hash: 'h' }],
      answers: {},
    };
    expect(store.save(attempt)).toBe(true);
    const saved = readFileSync(store.pathOf(attempt), 'utf8');
    disk.full = true;
    expect(store.save({ ...attempt, updatedAt: '2026-11-01T09:01:00.000Z' })).toBe(false);
    expect(store.save({ ...attempt, updatedAt: '2026-11-01T09:02:00.000Z' })).toBe(false);
    expect(warnings).toEqual([`${store.pathOf(attempt)}: progress cannot be saved (ENOSPC); the quiz goes on without saving it`]);
    expect(readFileSync(store.pathOf(attempt), 'utf8')).toBe(saved);
    expect(readdirSync(store.folderOf('seed'))).toEqual(['20261101T090000000Z-abcd.json']);
  });
});
