/** The Leitner boxes' constants (leitner.ts), apart from it so that showing them loads no schema. */
export const MAX_BOX = 5;

/** The interval of a box, in attempts. */
export function interval(box: number): number {
  return 2 ** (box - 1);
}
