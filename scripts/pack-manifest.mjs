// `npm pack` and `npm publish` ship a package.json without the development scripts: `prepare` builds
// from sources that are not in the tarball, and npm 11 warns every installer about a package with
// lifecycle scripts. prepack strips them (keeping the original beside it); postpack puts it back.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const original = new URL('../package.json.orig', import.meta.url);

if (process.argv[2] === '--restore') {
  if (existsSync(original)) renameSync(original, manifest);
} else {
  if (!existsSync(original)) copyFileSync(manifest, original);
  const pkg = JSON.parse(readFileSync(original, 'utf8'));
  delete pkg.scripts;
  delete pkg.devDependencies;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}
