/**
 * Property tests (fast-check) run from one fixed seed, so that a run of the suite is the same on every
 * machine and CI never fails by the draw; `FC_SEED=N npx vitest run` explores other draws.
 *
 * remark and the display pipeline are imported when a text needs them (src/dialects/markdown/remark.ts,
 * src/tui/display-markdown.ts); tests call the readers and renderers directly, so both are loaded here.
 * The built CLI loads them itself: tests/cli/bundle.test.ts and the end-to-end tests check that path.
 */
import fc from 'fast-check';
import { loadRemark } from '../src/dialects/markdown/remark.js';
import { loadDisplay } from '../src/tui/display-markdown.js';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261130) });
await loadRemark();
await loadDisplay();
