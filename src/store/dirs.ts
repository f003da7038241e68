/**
 * The XDG base folders (docs/DESIGN.md sections 9 and 10), looked up in one place: a variable that is
 * unset, empty or not an absolute path is ignored (the XDG spec), then HOME's default is used; null when
 * neither gives an absolute path.
 */
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

function xdgFolder(env: Env, variable: 'XDG_CACHE_HOME' | 'XDG_STATE_HOME', fallback: readonly string[]): string | null {
  const xdg = env[variable];
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'mlops-quiz');
  const home = env.HOME;
  return home !== undefined && home !== '' && isAbsolute(home) ? join(home, ...fallback, 'mlops-quiz') : null;
}

/** `$XDG_CACHE_HOME/mlops-quiz` (default `~/.cache/mlops-quiz`): the parse cache, Node's compile cache. */
export function cacheDir(env: Env): string | null {
  return xdgFolder(env, 'XDG_CACHE_HOME', ['.cache']);
}

/** `$XDG_STATE_HOME/mlops-quiz` (default `~/.local/state/mlops-quiz`): saved attempts. */
export function stateDir(env: Env): string | null {
  return xdgFolder(env, 'XDG_STATE_HOME', ['.local', 'state']);
}

/** Where Node keeps its compiled code of our bundle (Node 22.1 and later; bin/mlops-quiz.js). */
export function compileCacheDir(env: Env): string | undefined {
  const dir = cacheDir(env);
  return dir === null ? undefined : join(dir, 'compile-cache');
}
