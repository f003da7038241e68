/**
 * readTextFile (src/store/files.ts): every file is checked by fstat first; small files are read into one
 * shared buffer (one read, when it reaches the size fstat gave), larger ones into a buffer of their size.
 * Each case here is on one side of that line or across it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTextFile } from '../../src/store/files.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('files');
const SMALL = 64 * 1024;

function file(name: string, data: string | Buffer): string {
  const path = join(temp, name);
  writeFileSync(path, data);
  return path;
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  return 'no error';
}

describe('readTextFile', () => {
  test.each([
    ['an empty file', ''],
    ['a small file', '{"answers": {"1": "B"}}\n'],
    ['a file one byte short of the shared buffer', 'x'.repeat(SMALL - 1)],
    ['a file exactly the size of the shared buffer', 'x'.repeat(SMALL)],
    ['a file one byte over it', 'x'.repeat(SMALL + 1)],
    ['a file with a 4-byte character across the buffer edge', `${'x'.repeat(SMALL - 2)}😀${'y'.repeat(100)}`],
    ['a file of a megabyte', 'é'.repeat(512 * 1024)],
  ])('%s reads whole', (name, text) => {
    expect(readTextFile(file(`${name}.txt`, text), 'f', 'answers file')).toBe(text);
  });

  test.each([
    ['small', 'x'],
    ['large', 'x'.repeat(SMALL * 2)],
  ])('a leading BOM is dropped (%s file)', (size, text) => {
    expect(readTextFile(file(`bom-${size}.txt`, `\uFEFF${text}`), 'f', 'quiz')).toBe(text);
  });

  test.each([
    ['in a small file', Buffer.from([0x7b, 0xff, 0x7d])],
    ['past the shared buffer', Buffer.concat([Buffer.alloc(SMALL + 10, 0x20), Buffer.from([0xc3])])],
    ['split across the buffer edge, cut short', Buffer.concat([Buffer.alloc(SMALL - 1, 0x20), Buffer.from([0xf0, 0x9f])])],
  ])('bytes that are not UTF-8 %s are refused', (name, bytes) => {
    expect(failure(() => readTextFile(file(`bad ${name}.json`, bytes), 'bad.json', 'answers file'))).toBe(
      'not-utf8: bad.json: not a UTF-8 text file; save the answers file as UTF-8 text',
    );
  });

  test('a folder and a missing file are named as such', () => {
    const folder = join(temp, 'folder.json');
    mkdirSync(folder);
    expect(failure(() => readTextFile(folder, 'folder.json', 'answers file'))).toBe('file-unreadable: folder.json: is a folder; give the path of a JSON answers file');
    expect(failure(() => readTextFile(join(temp, 'nope.md'), 'nope.md', 'quiz'))).toBe('file-not-found: nope.md: no such file; give the path of a quiz Markdown file');
  });

  // A named pipe used to be read (a writer's two pieces joined); with no writer its open() blocked
  // forever, past SIGTERM. Every read now opens without blocking and refuses anything but a regular file.
  test.runIf(process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0)('a named pipe is refused at once, with a writer waiting or without', async () => {
    const fifo = join(temp, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const refusal = 'file-unreadable: pipe.json: is a named pipe (FIFO), not a regular file; give the path of a JSON answers file (save piped or generated text to a file first)';
    expect(failure(() => readTextFile(fifo, 'pipe.json', 'answers file'))).toBe(refusal);
    const writer = spawn('sh', ['-c', `printf '{"answers": {"1": "B"}}' > "$1"`, 'sh', fifo], { stdio: 'ignore' });
    const closed = new Promise((resolve) => writer.on('exit', resolve));
    expect(failure(() => readTextFile(fifo, 'pipe.json', 'answers file'))).toBe(refusal);
    writer.kill();
    await closed;
  });
});
