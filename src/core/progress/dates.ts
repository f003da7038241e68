/**
 * Due dates in words, in the learner's local days (docs/progress.md). Apart from schedule.ts so that the
 * stats reporters, loaded with the command line's entry, load neither FSRS nor the attempt's schema. Pure.
 */

/** Whole local days from `now`'s day to `then`'s day: 0 today, 1 tomorrow. */
export function daysUntil(then: Date, now: Date): number {
  const day = (date: Date): number => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;
  return Math.round(day(then) - day(now));
}

/** `today`, `tomorrow (2026-12-01)`, `in 5 days (2026-12-04)`, `since 2026-11-27 (3 days ago)`: a due date in words. */
export function formatDue(then: Date, now: Date): string {
  const days = daysUntil(then, now);
  const date = localDate(then);
  if (days === 0) return 'today';
  if (days === 1) return `tomorrow (${date})`;
  if (days > 1) return `in ${days} days (${date})`;
  return days === -1 ? `since yesterday (${date})` : `since ${date} (${-days} days ago)`;
}

/** YYYY-MM-DD in the local time zone. */
export function localDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
