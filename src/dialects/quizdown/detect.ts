/**
 * Whether a text is quizdown (docs/DESIGN.md section 12), without loading the reader: a quizdown block
 * (```` ```quizdown ````, `:::{quizdown}`, `<div class="quizdown">`), quizdown front matter, `1. [x]`
 * options, or headings over task lists with none of the native format's answer sections.
 */
export const VERSION = 1;

const NATIVE_SECTION = /^###[ \t]+(possible answers|correct order|matches|accepted answers|numeric answer|blanks|all that apply)[ \t]*$/im;

export function detect(text: string, _fileName: string): boolean {
  if (/^[ \t]*(`{3,}|~{3,})[ \t]*\{?quizdown\}?[ \t]*$/m.test(text) || /^[ \t]*:::+[ \t]*\{quizdown\}/m.test(text) || /<div[^>\n]{0,200}?class=["'][^"'\n]{0,200}?\bquizdown\b/.test(text) || /^[ \t]*\{\{<[ \t]*quizdown\b/m.test(text)) return true;
  if (NATIVE_SECTION.test(text)) return false;
  if (/^---\r?\n(?:(?!---)[^\n]*\n)*?[ \t]*(shuffle_answers|shuffleAnswers|shuffle_questions|shuffleQuestions|primary_color|primaryColor|nQuestions|passingGrade)[ \t]*:/.test(text)) return true;
  if (/^[ \t]*\d+[.)][ \t]+\[[xX ]\][ \t]/m.test(text) && /^[ \t]{0,3}#{1,6}[ \t]/m.test(text)) return true;
  return /^[ \t]{0,3}#{1,6}[ \t]/m.test(text) && /^[ \t]{0,3}[-*+][ \t]+\[[xX ]\][ \t]/m.test(text);
}
