/**
 * `--format junit` (docs/DESIGN.md section 7): one testsuite per quiz, one testcase per question; a failure
 * for incorrect, partial and unanswered, skipped for ungraded. Well-formed XML whatever the quiz holds:
 * controls removed, then the characters XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF), then escaped.
 */
import { clean, failedLine, failureDetails, failureMessage, isFailure, UNGRADED_REASON, type RunReportOptions } from './machine.js';
import type { FailedReport, QuestionResult, Report } from '../core/report.js';
import type { ColorLevel } from './style.js';

// Outside XML 1.0's Char production: C0 but tab/LF/CR (already gone after clean()), lone surrogates, U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return clean(text)
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and keep tab and newline as references (a parser would fold them). */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function testcase(result: QuestionResult, quizId: string, hideAnswers: boolean): string[] {
  const open = `    <testcase${attributes({ name: `${result.number}. ${result.title}`, classname: quizId, time: 0 })}`;
  if (result.status === 'ungraded') return [`${open}>`, `      <skipped${attributes({ message: UNGRADED_REASON })}/>`, '    </testcase>'];
  if (!isFailure(result)) return [`${open}/>`];
  return [
    `${open}>`,
    `      <failure${attributes({ message: failureMessage(result, hideAnswers), type: result.status })}>${xmlText(failureDetails(result, hideAnswers))}</failure>`,
    '    </testcase>',
  ];
}

export function renderJunit(report: Report, _color: ColorLevel = 0, { hideAnswers = false }: RunReportOptions = {}): string {
  const tests = report.questions.length;
  const failures = report.questions.filter(isFailure).length;
  const skipped = report.questions.filter((result) => result.status === 'ungraded').length;
  const counts = { tests, failures, errors: 0, skipped };
  const properties: Record<string, string | number> = {
    'quiz.id': report.quiz.id,
    'quiz.source': report.quiz.source,
    score: report.score,
    maxScore: report.maxScore,
    percent: report.percent ?? '',
    passMark: report.passMark,
    passed: report.passed === null ? '' : String(report.passed),
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'mlops-quiz', ...counts })}>`,
    `  <testsuite${attributes({ name: report.quiz.title, ...counts, time: 0 })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...report.questions.flatMap((result) => testcase(result, report.quiz.id, hideAnswers)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * An answers file that could not be graded (issue 17): one testsuite with one testcase, `answers file`,
 * whose `<error>` names the problem (every problem in its body), so that CI finds a report that fails.
 */
export function renderJunitFailure(failure: FailedReport): string {
  const counts = { tests: 1, failures: 0, errors: 1, skipped: 0 };
  const properties: Record<string, string | number> = { 'quiz.id': failure.quiz.id, 'quiz.source': failure.quiz.source, passMark: failure.passMark, 'answers.file': failure.error.file };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'mlops-quiz', ...counts })}>`,
    `  <testsuite${attributes({ name: failure.quiz.title, ...counts, time: 0 })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    `    <testcase${attributes({ name: 'answers file', classname: failure.quiz.id, time: 0 })}>`,
    `      <error${attributes({ message: failedLine(failure), type: failure.error.code })}>${xmlText(failure.error.problems.join('\n'))}</error>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
