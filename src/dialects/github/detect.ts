/**
 * Whether a text is a GitHub task-list collection (docs/DESIGN.md section 12) such as
 * linkedin-skill-assessments-quizzes, without loading the reader: question headings numbered `Q12.`,
 * `Question 12` (or `P12.`, `F12.`, `D12.` in translations) over `- [x]` / `- [ ]` options, and no
 * quizdown marks (front matter, blocks, `1. [x]`).
 */
export const VERSION = 1;

export const QUESTION_HEADING = /^ {0,3}#{1,6}[ \t]+(?:(?:Q|P|F|D)[ \t]?\d+\b[.:]?|Question[ \t]+\d+\b[.:]?|\d+[.:])(?:[ \t]|$)/im;

export function detect(text: string, _fileName: string): boolean {
  if (!QUESTION_HEADING.test(text) || !/^[ \t]*[-*+][ \t]+\[[xX ]\]/m.test(text)) return false;
  if (/^[ \t]*(`{3,}|~{3,})[ \t]*\{?quizdown\}?[ \t]*$/m.test(text) || /^[ \t]*:::+[ \t]*\{quizdown\}/m.test(text)) return false;
  if (/^---\r?\n(?:(?!---)[^\n]*\n)*?[ \t]*(shuffle_answers|shuffleAnswers|shuffle_questions|shuffleQuestions|primary_color|primaryColor)[ \t]*:/.test(text)) return false;
  return !/^[ \t]*\d+[.)][ \t]+\[[xX ]\][ \t]/m.test(text);
}
