/** Numbers and answers as people read them, shared by the reports, the session and progress lines. Pure. */
import type { Given } from './kinds/base.js';

/** At most two decimals, no trailing zeros: `4.5`, `0.33`. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function formatPercent(percent: number | null): string {
  return percent === null ? 'n/a' : `${percent}%`;
}

/** A given or expected answer on one line: arrays joined by ` | `, matchings as `left → right; …`. */
export function formatGiven(value: Given | null): string {
  if (value === null) return '(none)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' | ');
  const entries = Object.entries(value);
  return entries.length ? entries.map(([left, right]) => `${left} → ${right}`).join('; ') : '(none)';
}

/** An attempt's score: `7/10 (70%)`. */
export function formatScore(score: { score: number; maxScore: number; percent: number }): string {
  return `${formatNumber(score.score)}/${score.maxScore} (${score.percent}%)`;
}
