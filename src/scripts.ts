/**
 * The bundle's code-cached scripts (docs/SPEED.md): `run` without commander (the grader), the parser
 * core, its YAML reader and the interactive session are built as CommonJS modules in dist/fast/ (scripts/build.mjs) and run with V8's code cache
 * (src/code-cache.ts). Only the bundle calls this (`__MQ_CODE_CACHE__`); tests import the modules.
 */
import { join } from 'node:path';
import { loadModule } from './code-cache.js';
import { packageRoot } from './package-root.js';

export interface Scripts {
  run: typeof import('./run-fast.js');
  'parse-core': typeof import('./quiz/parse-core.js');
  'yaml-reader': typeof import('./quiz/yaml-reader.js');
  session: typeof import('./session/run-interactive.js');
}

const loaded: Partial<Scripts> = {};

/** A script's exports; it runs once per process. */
export function loadScript<Name extends keyof Scripts>(name: Name): Scripts[Name] {
  return (loaded[name] ??= loadModule<Scripts[Name]>(join(packageRoot(), 'dist', 'fast', `${name}.cjs`)).exports);
}
