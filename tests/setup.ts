/**
 * Property tests (fast-check) run from one fixed seed, so that a run of the suite is the same on every
 * machine and CI never fails by the draw; `FC_SEED=N npx vitest run` explores other draws.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261130) });
