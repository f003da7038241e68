/**
 * A seeded pseudo-random generator of our own (mulberry32), so that `--seed N` gives the same order on
 * every machine and Node version: 32-bit integer arithmetic only, no Math.random. Pure.
 */

export type Random = () => number;

/** mulberry32: a uniform float in [0, 1) per call, determined by the 32-bit seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string's UTF-16 code units: mixes a question id into the seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A generator for one question: the same seed and id give the same option order, whatever else is asked. */
export function randomFor(seed: number, key: string): Random {
  return mulberry32((seed ^ hashString(key)) >>> 0);
}

/** Fisher-Yates: a shuffled copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

/** A permutation of 0..count-1; with `avoidIdentity`, never the identity (an ordering shown already solved). */
export function permutation(count: number, random: Random, avoidIdentity = false): number[] {
  const order = shuffled(
    Array.from({ length: count }, (_, index) => index),
    random,
  );
  if (avoidIdentity && count > 1 && order.every((value, index) => value === index)) order.push(order.shift() as number);
  return order;
}

/** The largest seed accepted by `--seed` (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 4294967295;
