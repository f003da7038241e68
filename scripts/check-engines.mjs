// Every package in the lock file must accept the Node that our machines run (docs/DESIGN.md section 11).
import { readFileSync } from 'node:fs';
import semver from 'semver';

const target = process.argv[2] ?? process.versions.node;
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const bad = [];
for (const [path, meta] of Object.entries(lock.packages ?? {})) {
  if (!path || meta.optional && meta.os) continue;
  const range = meta.engines?.node;
  if (range && !semver.satisfies(target, range, { includePrerelease: true })) {
    bad.push(`${path.replace(/^.*node_modules\//, '')}@${meta.version} needs node ${range}`);
  }
}
if (bad.length) {
  console.error(`check-engines: ${bad.length} locked package(s) do not run on Node ${target}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-engines: every locked package accepts Node ${target}`);
