/**
 * Loading a CommonJS module of ours with V8's code cache (docs/SPEED.md). Node 20 has no
 * `module.enableCompileCache`, so the build writes, beside each such module (dist/fast/NAME.cjs), the
 * bytecode V8 compiled for it while the build ran it on sample quizzes (NAME.cjs.v8cache,
 * scripts/code-cache.mjs): loading the module with it skips compiling it, and the lazy compiling of
 * the functions that run again.
 *
 * The cache only ever changes the speed. V8 refuses a cache made by another V8 version, with other
 * flags or for a source of another length, and compiles from the source as usual; a cache whose build
 * id (the line the build ends the module with) is not the module's is not given to V8 at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What became of the cache: V8 used it, V8 refused it, or there was none for this build. */
export type CacheUse = 'accepted' | 'rejected' | 'absent';

export interface LoadedModule<T> {
  exports: T;
  cache: CacheUse;
  /** The compiled module, for `createCachedData` (scripts/code-cache.mjs). */
  script: Script;
}

/** The line the build ends each such module with: `//# mlops-quiz-build=ID`. */
const BUILD_MARK = '//# mlops-quiz-build=';
/** A cache file: this, the build id, a newline, then V8's data. */
const CACHE_HEADER = 'mlops-quiz code cache ';

type ModuleFunction = (exports: unknown, require: NodeRequire, module: { exports: unknown }, filename: string, dirname: string) => void;

/** The wrapper a module runs in, as in Node's CommonJS loader: the cache is made for exactly this text. */
function wrapModule(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The build id a module's text ends with, or undefined. */
export function buildId(source: string): string | undefined {
  const at = source.lastIndexOf(BUILD_MARK);
  if (at < 0) return undefined;
  const id = source.slice(at + BUILD_MARK.length).trimEnd();
  return /^[0-9a-f]{8,64}$/.test(id) ? id : undefined;
}

/** The line that marks a module's text with its build id. */
export function buildMark(id: string): string {
  return `${BUILD_MARK}${id}\n`;
}

/** The cache file's V8 data, when it is there and was made for this build of the module. */
export function readCache(cacheFile: string, id: string | undefined): Buffer | undefined {
  if (id === undefined) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = `${CACHE_HEADER}${id}\n`;
  return data.length > header.length && data.toString('latin1', 0, header.length) === header ? data.subarray(header.length) : undefined;
}

/** A cache file's bytes: the header for this build, then V8's data. */
export function encodeCache(id: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${CACHE_HEADER}${id}\n`, 'latin1'), data]);
}

/**
 * Runs a CommonJS module (a file the build wrote) with its code cache, `FILE.v8cache`, when there is one
 * for this build. Each call runs the module afresh: callers keep what it returns.
 */
export function loadModule<T>(file: string, cacheFile = `${file}.v8cache`): LoadedModule<T> {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(cacheFile, buildId(source));
  const script = new Script(wrapModule(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  (script.runInThisContext() as ModuleFunction)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache: cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted', script };
}

/** Writes the cache of a module loaded by loadModule, with what it has compiled so far (build time). */
export function saveCodeCache(file: string, script: Script, cacheFile = `${file}.v8cache`): number {
  const id = buildId(readFileSync(file, 'utf8'));
  if (id === undefined) throw new Error(`${file}: no build id (${BUILD_MARK}…) at its end`);
  const bytes = encodeCache(id, script.createCachedData());
  writeFileSync(cacheFile, bytes);
  return bytes.length;
}
