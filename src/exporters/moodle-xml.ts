/**
 * `export --to moodle-xml`: Moodle XML (question bank import). Texts keep their Markdown
 * (`format="markdown"`); the explanation is the general feedback, the hint a Moodle hint, an option's
 * feedback its answer's feedback. Single and multiple choice are `multichoice` (multiple: each right
 * option 100/n %, each wrong one -100/n %, which is this program's scoring), short answer
 * `shortanswer` (case-insensitive), matching `match`, ordering `ordering` (absolute position, Moodle's
 * ordering question). Self-assessed questions are left out with a warning.
 */
import type { Option, Question } from '../core/kinds/index.js';
import { decimal, eachQuestion, optionFeedback, questionText, SELF_REASON, Skip, weight, type Exporter, type PerKind, readings } from './exporter.js';
import { element, xmlText } from './xml.js';

/** `<tag format="markdown"><text>…</text></tag>`. */
function formatted(tag: string, text: string, format = 'markdown'): string {
  return `<${tag} format="${format}"><text>${xmlText(text)}</text></${tag}>`;
}

function answer(fraction: string, text: string, feedback: string | null, format = 'markdown'): string[] {
  return [
    `<answer fraction="${fraction}" format="${format}">`,
    `  <text>${xmlText(text)}</text>`,
    ...(feedback === null ? [] : [`  ${formatted('feedback', feedback)}`]),
    '</answer>',
  ];
}

function choiceAnswer(option: Option, fraction: string): string[] {
  return answer(fraction, option.text, optionFeedback(option));
}

/** Each kind's `type` and the elements after the common header. */
const pieces: PerKind<{ type: string; body: string[] }> = {
  single: (question, quiz) => ({
    type: 'multichoice',
    body: [
      element('single', 'true'),
      element('shuffleanswers', String(quiz.shuffle)),
      element('answernumbering', 'abc'),
      ...question.options.flatMap((option) => choiceAnswer(option, option.correct ? '100' : '0')),
    ],
  }),
  multiple: (question, quiz) => {
    const share = weight(question.options.filter((option) => option.correct).length);
    return {
      type: 'multichoice',
      body: [
        element('single', 'false'),
        element('shuffleanswers', String(quiz.shuffle)),
        element('answernumbering', 'abc'),
        ...question.options.flatMap((option) => choiceAnswer(option, option.correct ? share : `-${share}`)),
      ],
    };
  },
  text: (question) => {
    const answers = readings(question.accepted);
    // Moodle reads `*` as "anything": a literal one is escaped.
    return { type: 'shortanswer', body: [element('usecase', '0'), ...answers.flatMap((text) => answer('100', text.replace(/\*/g, '\\*'), null, 'moodle_auto_format'))] };
  },
  match: (question) => {
    if (question.pairs.length < 2) return new Skip('Moodle needs two or more pairs in a matching question');
    return {
      type: 'matching',
      body: [
        element('shuffleanswers', 'true'),
        ...question.pairs.flatMap((pair) => [
          '<subquestion format="markdown">',
          `  <text>${xmlText(pair.left)}</text>`,
          `  <answer><text>${xmlText(pair.right)}</text></answer>`,
          '</subquestion>',
        ]),
      ],
    };
  },
  numeric: (question) => ({
    type: 'numerical',
    body: question.answers.flatMap((answer) => {
      // Moodle holds a value and a tolerance: a range is its middle, give or take half its width.
      const [value, tolerance] = 'min' in answer ? [decimal((answer.min + answer.max) / 2), decimal((answer.max - answer.min) / 2)] : [answer.value, answer.tolerance];
      return ['<answer fraction="100" format="moodle_auto_format">', `  <text>${value}</text>`, `  <tolerance>${tolerance}</tolerance>`, '</answer>'];
    }),
  }),
  blank: (question) => {
    // One gap is a short answer whose text shows the gap; several need Moodle's Cloze type, not written here.
    if (question.blanks.length > 1) return new Skip("several gaps need Moodle's embedded answers (Cloze), which this export does not write");
    const answers = readings(question.blanks[0]!);
    return { type: 'shortanswer', body: [element('usecase', '0'), ...answers.flatMap((text) => answer('100', text.replace(/\*/g, '\\*'), null, 'moodle_auto_format'))] };
  },
  order: (question) => ({
    type: 'ordering',
    body: [
      element('layouttype', 'VERTICAL'),
      element('selecttype', 'ALL'),
      element('selectcount', '0'),
      element('gradingtype', 'ABSOLUTE_POSITION'),
      element('showgrading', 'SHOW'),
      element('numberingstyle', 'none'),
      // Moodle's ordering question keeps the right order in the answers' fractions: 1, 2, 3, …
      ...question.items.flatMap((item, index) => answer(String(index + 1), item, null)),
    ],
  }),
  self: () => new Skip(SELF_REASON),
};

function header(question: Question): string[] {
  return [
    `<name><text>${xmlText(question.title)}</text></name>`,
    formatted('questiontext', questionText(question)),
    formatted('generalfeedback', question.explanation ?? ''),
    element('defaultgrade', '1'),
    element('penalty', '0.3333333'),
    element('hidden', '0'),
    element('idnumber', question.id),
  ];
}

export const moodleXml: Exporter = {
  description: 'Moodle XML (question bank import)',
  extension: '.xml',
  exportQuiz(quiz) {
    const { pieces: written, skipped } = eachQuestion(quiz, pieces);
    const indent = (lines: string[], by: string): string[] => lines.map((line) => by + line);
    const questions = written.flatMap(({ question, piece }) => [
      `  <!-- question ${question.number}: ${xmlText(question.id).replace(/--/g, '- -')} -->`,
      `  <question type="${piece.type}">`,
      ...indent(header(question), '    '),
      ...indent(piece.body, '    '),
      ...(question.hint === null ? [] : [`    ${formatted('hint', question.hint)}`]),
      '  </question>',
    ]);
    const category = [
      '  <question type="category">',
      `    <category><text>${xmlText(`$course$/top/${quiz.title.replace(/\//g, '//')}`)}</text></category>`,
      `    ${formatted('info', `Exported by mlops-quiz from ${quiz.id}`)}`,
      '  </question>',
    ];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>', ...category, ...questions, '</quiz>'];
    return { data: `${lines.join('\n')}\n`, count: written.length, skipped };
  },
};
