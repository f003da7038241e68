/** `run --hide-answers` interactively: the report written at the end has no answer key (issue 17). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { drive } from '../helpers/session-screen.js';
import { tempDir } from '../helpers/temp.js';

const ONE = '# Pick B\n\nWhich letter?\n\n### Possible Answers\n\n- A\n- B {Answer}\n\n### Explanation\n\nB is the second letter.\n';

test.each([
  ['--output', true],
  ['stdout', false],
] as const)('--format gradescope --hide-answers, report to %s: what was given, not what was expected', async (_name, toFile) => {
  const dir = tempDir('hide');
  writeFileSync(join(dir, 'one.md'), ONE);
  const args = ['run', 'one.md', '--format', 'gradescope', '--hide-answers', ...(toFile ? ['--output', 'results.json'] : [])];
  const session = await drive((io) => main(args, io), { tty: true, cwd: dir });
  await session.keypress('enter');
  expect(await session.result).toBe(1);
  const printed = await session.printed();
  const text = toFile ? readFileSync(join(dir, 'results.json'), 'utf8') : printed.slice(printed.indexOf('{\n'));
  const results = JSON.parse(text);
  expect(results.tests[0]).toMatchObject({ status: 'failed', output: 'status: incorrect\npoints: 0/1\ngiven: A' });
  expect(text).not.toContain('B is the second letter');
});
