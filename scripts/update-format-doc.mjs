// Rewrites the expected output under each problem example of docs/FORMAT.md from the built
// `mlops-quiz validate` (run `npm run build` first), for when a message changes on purpose.
// tests/dialects/format-doc.test.ts checks the same pairs; review the diff before committing it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const doc = fileURLToPath(new URL('../docs/FORMAT.md', import.meta.url));
const bin = fileURLToPath(new URL('../bin/mlops-quiz.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mlops-quiz-format-doc-'));
// The examples are validated in a folder that holds this one image (tests/dialects/format-doc.test.ts).
mkdirSync(join(dir, 'images'));
writeFileSync(join(dir, 'images', 'pipeline.png'), '');

function validate(markdown) {
  writeFileSync(join(dir, 'quiz.md'), `${markdown}\n`);
  try {
    return execFileSync(process.execPath, [bin, 'validate', '--no-cache', 'quiz.md'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    return error.stdout; // exit 1: errors found, still the findings
  }
}

const lines = readFileSync(doc, 'utf8').split('\n');
let changed = 0;
let example; // the body of the markdown block just before, if the last block was one
for (let index = 0; index < lines.length; index += 1) {
  const open = /^(`{3,})(\w*)$/.exec(lines[index]);
  if (!open) continue;
  const end = lines.findIndex((line, at) => at > index && line === open[1]);
  const body = lines.slice(index + 1, end);
  if (open[2] === 'text' && example !== undefined && body[0]?.startsWith('quiz.md:')) {
    const fresh = validate(example).trimEnd().split('\n');
    if (fresh.join('\n') !== body.join('\n')) changed += 1;
    lines.splice(index + 1, body.length, ...fresh);
    index += fresh.length + 1; // onto the closing fence
  } else {
    index = end;
  }
  example = open[2] === 'markdown' ? body.join('\n') : undefined;
}
rmSync(dir, { recursive: true, force: true });
writeFileSync(doc, lines.join('\n'));
console.log(`update-format-doc: ${changed} example output(s) rewritten`);
