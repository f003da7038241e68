/** Where the parsed-quiz cache lives (DESIGN.md section 10); apart from cache.ts, which loads node:crypto. */
import { isAbsolute, join } from 'node:path';

/** The cache folder from the environment, or null when there is no HOME and no XDG_CACHE_HOME. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'mlops-quiz');
  const home = env.HOME;
  return home && isAbsolute(home) ? join(home, '.cache', 'mlops-quiz') : null;
}
