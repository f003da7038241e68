/**
 * `grade --format text`: the class at a glance, for a teacher. Mean, median and pass rate; a histogram
 * of percents drawn with block characters; the hardest and the least discriminating questions; then
 * a line per submission. Every text from a quiz or a file name is sanitised for the terminal.
 */
import { histogram, MIN_GRADED_FOR_ITEMS } from '../core/statistics.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from './style.js';
import type { ClassReport, ItemAnalysis } from '../core/class-report.js';
import { formatNumber, formatPercent } from '../core/format.js';

const BAR_WIDTH = 30;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value / max` of `width` cells, in eighths of a cell; never empty for a value above 0. */
export function bar(value: number, max: number, width = BAR_WIDTH): string {
  if (value <= 0 || max <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Range labels of the ten histogram bins: `0–9.9`, `10–19.9`, … `90–100`. */
export function binLabel(index: number, bins = 10): string {
  const low = (index * 100) / bins;
  return index === bins - 1 ? `${low}–100` : `${low}–${formatNumber((100 * (index + 1)) / bins - 0.1)}`;
}

function itemLine(item: ItemAnalysis, numberWidth: number, titleWidth: number, value: string): string {
  const title = sanitize(item.title);
  const shown = title.length > titleWidth ? `${title.slice(0, titleWidth - 1)}…` : title.padEnd(titleWidth);
  return `  ${String(item.number).padStart(numberWidth)}. ${shown}  ${value}`;
}

export function renderClassText(report: ClassReport, style: Style): string {
  const { summary } = report;
  const lines: string[] = [];
  lines.push(style.bold(`${sanitize(report.quiz.title)} (${sanitize(report.quiz.id)})`));
  const errors = summary.errors > 0 ? `, ${style.red(`${summary.errors} with an error`)}` : '';
  lines.push(`${summary.submissions} submission${summary.submissions === 1 ? '' : 's'}: ${summary.graded} graded${errors}`);
  if (summary.passRate === null) {
    lines.push(summary.graded === 0 ? 'Nothing graded.' : 'Nothing to grade: this quiz has no gradable question.');
  } else {
    lines.push(
      `Mean ${formatPercent(summary.meanPercent)}   Median ${formatPercent(summary.medianPercent)}   ` +
        `Passed ${summary.passed} of ${summary.graded} (${formatPercent(summary.passRate)}, pass mark ${report.passMark}%)`,
    );
    const counts = histogram(report.submissions.flatMap((row) => (row.percent === null ? [] : [row.percent])));
    const most = Math.max(...counts);
    const labels = counts.map((_, index) => binLabel(index));
    const labelWidth = Math.max(...labels.map((label) => label.length));
    lines.push('', style.bold('Percent'));
    counts.forEach((count, index) => {
      lines.push(`  ${labels[index]!.padStart(labelWidth)} │${style.cyan(bar(count, most).padEnd(BAR_WIDTH))} ${count}`);
    });
  }

  const numberWidth = String(report.items.reduce((max, item) => Math.max(max, item.number), 0)).length;
  const titleWidth = Math.min(40, report.items.reduce((max, item) => Math.max(max, sanitize(item.title).length), 0));
  const byNumber = (a: ItemAnalysis, b: ItemAnalysis): number => a.number - b.number;
  if (summary.graded > 0 && report.items.length > 0 && !summary.enoughForItems) {
    lines.push(
      '',
      style.dim(`Item statistics left out: ${summary.graded} graded submission${summary.graded === 1 ? ' is' : 's are'} too few for them to mean much (${MIN_GRADED_FOR_ITEMS} or more are needed; --format json has them).`),
    );
  }
  const hardest = !summary.enoughForItems ? [] : report.items.filter((item) => item.meanPoints !== null).sort((a, b) => a.meanPoints! - b.meanPoints! || byNumber(a, b)).slice(0, 3);
  if (hardest.length > 0) {
    lines.push('', style.bold('Hardest questions') + style.dim(' (mean points of 1)'));
    for (const item of hardest) {
      lines.push(itemLine(item, numberWidth, titleWidth, `${item.meanPoints!.toFixed(2)}  ${style.dim(`answered by ${item.answered} of ${summary.graded}`)}`));
    }
  }
  if (summary.enoughForItems && report.items.length > 0) {
    const defined = report.items.filter((item) => item.discrimination !== null);
    const least = defined.sort((a, b) => a.discrimination! - b.discrimination! || byNumber(a, b)).slice(0, 3);
    lines.push('', style.bold('Least discriminating') + style.dim(' (correlation of its points with the rest of the score)'));
    if (least.length === 0) lines.push(style.dim('  not defined: it needs two or more graded submissions whose points differ'));
    for (const item of least) {
      const value = item.discrimination!.toFixed(2).padStart(5);
      lines.push(itemLine(item, numberWidth, titleWidth, item.discrimination! < 0 ? style.red(value) : value));
    }
  }

  if (report.submissions.length > 0) {
    lines.push('', style.bold('Submissions'));
    // A row is one line, whatever a file's name holds (a newline is a legal character in it).
    const files = report.submissions.map((row) => sanitize(row.file).replace(/\s/g, ' '));
    const fileWidth = Math.min(40, Math.max(...files.map((file) => file.length)));
    const scores = report.submissions.map((row) => (row.score === null ? '' : `${formatNumber(row.score)}/${formatNumber(row.maxScore ?? 0)}`));
    const scoreWidth = Math.max(...scores.map((score) => score.length));
    report.submissions.forEach((row, index) => {
      const file = files[index]!.padEnd(fileWidth);
      if (row.error !== null) {
        // One problem a line (issue 17). Each names the file first (as `run --answers` says it); the row already does.
        row.error.split('\n').forEach((problem, line) => {
          const message = problem.startsWith(`${row.file}: `) ? problem.slice(row.file.length + 2) : problem;
          lines.push(`  ${line === 0 ? file : ' '.repeat(file.length)}  ${style.red('error')}: ${sanitize(message).replace(/\s+/g, ' ')}`);
        });
        return;
      }
      const verdict = row.passed === null ? style.dim('nothing to grade') : row.passed ? style.green('PASSED') : style.red('FAILED');
      lines.push(`  ${file}  ${scores[index]!.padEnd(scoreWidth)}  ${formatPercent(row.percent).padStart(6)}  ${verdict}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
