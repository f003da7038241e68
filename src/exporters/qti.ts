/**
 * `export --to qti`: a QTI 1.2 package for Canvas (Settings → Import course content → QTI .zip file),
 * laid out as Canvas and text2qti write it: `imsmanifest.xml`, then the assessment in
 * `ID/ID.xml` with Canvas's `assessment_meta.xml` beside it. Texts are HTML (from the quiz's Markdown);
 * the explanation is the general feedback, an option's feedback its own. Single choice is
 * `multiple_choice_question`, multiple choice `multiple_answers_question` (Canvas's partial credit is
 * this program's scoring), short answer `short_answer_question`, matching `matching_question`.
 * Canvas's classic quizzes have no ordering question, and self-assessed questions no LMS counterpart:
 * both are left out with a warning. The package is the same bytes for the same quiz (fixed ids and
 * times), zipped with fflate.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Question } from '../core/kinds/index.js';
import type { Quiz } from '../core/quiz.js';
import { normalizeText, stripInlineMarkdown } from '../core/text.js';
import { matchChoices } from '../core/kinds/match.js';
import { decimal, eachQuestion, optionFeedback, questionText, SELF_REASON, Skip, type Exporter, type PerKind, readings } from './exporter.js';
import { inlineHtml, markdownHtml } from './html.js';
import { xmlAttribute, xmlText } from './xml.js';

/** A stable identifier from the quiz and a name (Canvas wants them unique within a package). */
function ident(quiz: Quiz, name: string): string {
  return `g${createHash('sha256').update(`${quiz.id}\u0000${name}`).digest('hex').slice(0, 32)}`;
}

function metadata(fields: Record<string, string>): string[] {
  return [
    '<itemmetadata>',
    '  <qtimetadata>',
    ...Object.entries(fields).flatMap(([label, entry]) => [
      '    <qtimetadatafield>',
      `      <fieldlabel>${xmlText(label)}</fieldlabel>`,
      `      <fieldentry>${xmlText(entry)}</fieldentry>`,
      '    </qtimetadatafield>',
    ]),
    '  </qtimetadata>',
    '</itemmetadata>',
  ];
}

function mattext(html: string): string {
  return `<material><mattext texttype="text/html">${xmlText(html)}</mattext></material>`;
}

function feedbackBlock(id: string, markdown: string): string[] {
  return [`<itemfeedback ident="${xmlAttribute(id)}">`, `  <flow_mat>${mattext(markdownHtml(markdown))}</flow_mat>`, '</itemfeedback>'];
}

/** When the explanation is shown: always (Canvas's general feedback). */
function generalCondition(question: Question): string[] {
  if (question.explanation === null || question.explanation.trim() === '') return [];
  return ['<respcondition continue="Yes">', '  <conditionvar><other/></conditionvar>', '  <displayfeedback feedbacktype="Response" linkrefid="general_fb"/>', '</respcondition>'];
}

function generalFeedback(question: Question): string[] {
  return question.explanation === null || question.explanation.trim() === '' ? [] : feedbackBlock('general_fb', question.explanation);
}

interface Item {
  type: string;
  /** Canvas's original_answer_ids: the choices' idents. */
  answerIds: string[];
  response: string[];
  processing: string[];
  feedback: string[];
}

const varequal = (respident: string, value: string): string => `<varequal respident="${xmlAttribute(respident)}">${xmlText(value)}</varequal>`;

/** The choices of single and multiple choice: their response labels, and each option's feedback. */
function choices(question: Extract<Question, { kind: 'single' | 'multiple' }>, quiz: Quiz) {
  const ids = question.options.map((_, index) => ident(quiz, `${question.id}\u0000option\u0000${index}`));
  const labels = question.options.map((option, index) => `    <response_label ident="${ids[index]}">${mattext(inlineHtml(option.text))}</response_label>`);
  const own = question.options.flatMap((option, index) => {
    const text = optionFeedback(option);
    return text === null ? [] : [{ id: ids[index]!, text }];
  });
  return {
    ids,
    labels,
    conditions: own.flatMap(({ id }) => ['<respcondition continue="Yes">', `  <conditionvar>${varequal('response1', id)}</conditionvar>`, `  <displayfeedback feedbacktype="Response" linkrefid="${id}_fb"/>`, '</respcondition>']),
    feedback: own.flatMap(({ id, text }) => feedbackBlock(`${id}_fb`, text)),
  };
}

/** A short answer: right when the response equals one of `answers`. */
function shortAnswerItem(question: Question, answers: readonly string[]): Item {
  return {
    type: 'short_answer_question',
    answerIds: [],
    response: ['<response_str ident="response1" rcardinality="Single">', '  <render_fib><response_label ident="answer1" rshuffle="No"/></render_fib>', '</response_str>'],
    processing: [
      ...generalCondition(question),
      '<respcondition continue="No">',
      '  <conditionvar>',
      ...answers.map((text) => `    ${varequal('response1', text)}`),
      '  </conditionvar>',
      '  <setvar action="Set" varname="SCORE">100</setvar>',
      '</respcondition>',
    ],
    feedback: generalFeedback(question),
  };
}

const pieces: PerKind<Item> = {
  single: (question, quiz) => {
    const { ids, labels, conditions, feedback } = choices(question, quiz);
    const right = ids[question.options.findIndex((option) => option.correct)] ?? '';
    return {
      type: 'multiple_choice_question',
      answerIds: ids,
      response: ['<response_lid ident="response1" rcardinality="Single">', '  <render_choice>', ...labels, '  </render_choice>', '</response_lid>'],
      processing: [
        ...generalCondition(question),
        ...conditions,
        '<respcondition continue="No">',
        `  <conditionvar>${varequal('response1', right)}</conditionvar>`,
        '  <setvar action="Set" varname="SCORE">100</setvar>',
        '</respcondition>',
      ],
      feedback: [...generalFeedback(question), ...feedback],
    };
  },
  multiple: (question, quiz) => {
    const { ids, labels, conditions, feedback } = choices(question, quiz);
    return {
      type: 'multiple_answers_question',
      answerIds: ids,
      response: ['<response_lid ident="response1" rcardinality="Multiple">', '  <render_choice>', ...labels, '  </render_choice>', '</response_lid>'],
      processing: [
        ...generalCondition(question),
        ...conditions,
        '<respcondition continue="No">',
        '  <conditionvar>',
        '    <and>',
        ...question.options.map((option, index) => (option.correct ? `      ${varequal('response1', ids[index]!)}` : `      <not>${varequal('response1', ids[index]!)}</not>`)),
        '    </and>',
        '  </conditionvar>',
        '  <setvar action="Set" varname="SCORE">100</setvar>',
        '</respcondition>',
      ],
      feedback: [...generalFeedback(question), ...feedback],
    };
  },
  text: (question) => shortAnswerItem(question, readings(question.accepted)),
  match: (question, quiz) => {
    const rights = matchChoices(question);
    const rightIds = rights.map((_, index) => ident(quiz, `${question.id}\u0000right\u0000${index}`));
    const leftIds = question.pairs.map((_, index) => ident(quiz, `${question.id}\u0000left\u0000${index}`));
    // matchChoices holds each right value once, compared as answers are.
    const rightOf = (right: string): string => rightIds[rights.findIndex((one) => normalizeText(one) === normalizeText(right))] ?? rightIds[0]!;
    const share = Number((100 / question.pairs.length).toFixed(5));
    return {
      type: 'matching_question',
      answerIds: leftIds,
      response: question.pairs.flatMap((pair, index) => [
        `<response_lid ident="response_${leftIds[index]}">`,
        `  ${mattext(inlineHtml(pair.left))}`,
        '  <render_choice>',
        ...rights.map((right, at) => `    <response_label ident="${rightIds[at]}"><material><mattext>${xmlText(stripInlineMarkdown(right).trim())}</mattext></material></response_label>`),
        '  </render_choice>',
        '</response_lid>',
      ]),
      processing: [
        ...generalCondition(question),
        ...question.pairs.flatMap((pair, index) => [
          '<respcondition>',
          `  <conditionvar>${varequal(`response_${leftIds[index]}`, rightOf(pair.right))}</conditionvar>`,
          `  <setvar varname="SCORE" action="Add">${share}</setvar>`,
          '</respcondition>',
        ]),
      ],
      feedback: generalFeedback(question),
    };
  },
  numeric: (question) => ({
    type: 'numerical_question',
    answerIds: [],
    response: ['<response_str ident="response1" rcardinality="Single">', '  <render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib>', '</response_str>'],
    processing: [
      ...generalCondition(question),
      ...question.answers.flatMap((answer) => {
        // Rounded as people write them: 3.14 ± 0.01 is 3.13 to 3.15, not 3.1300000000000003 (Canvas compares exactly).
        const [min, max] = 'min' in answer ? [answer.min, answer.max] : [decimal(answer.value - answer.tolerance), decimal(answer.value + answer.tolerance)];
        return [
          '<respcondition continue="No">',
          '  <conditionvar>',
          '    <and>',
          `      <vargte respident="response1">${min}</vargte>`,
          `      <varlte respident="response1">${max}</varlte>`,
          '    </and>',
          '  </conditionvar>',
          '  <setvar action="Set" varname="SCORE">100</setvar>',
          '</respcondition>',
        ];
      }),
    ],
    feedback: generalFeedback(question),
  }),
  blank: (question) => {
    // One gap is a short answer whose text shows the gap; several need Canvas's fill-in-multiple-blanks, not written here.
    if (question.blanks.length > 1) return new Skip("several gaps need Canvas's fill-in-multiple-blanks question, which this export does not write");
    return shortAnswerItem(question, readings(question.blanks[0]!));
  },
  order: () => new Skip("Canvas's QTI 1.2 quizzes have no ordering question (export --to moodle-xml holds it)"),
  self: () => new Skip(SELF_REASON),
};

function itemXml(quiz: Quiz, question: Question, item: Item): string[] {
  const id = ident(quiz, `${question.id}\u0000item`);
  return [
    `<item ident="${id}" title="${xmlAttribute(question.title)}">`,
    ...metadata({
      question_type: item.type,
      points_possible: '1.0',
      original_answer_ids: item.answerIds.join(','),
      assessment_question_identifierref: ident(quiz, `${question.id}\u0000ref`),
    }),
    '<presentation>',
    `  ${mattext(markdownHtml(questionText(question)))}`,
    ...item.response.map((line) => `  ${line}`),
    '</presentation>',
    '<resprocessing>',
    '  <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
    ...item.processing.map((line) => `  ${line}`),
    '</resprocessing>',
    ...item.feedback,
    '</item>',
  ];
}

function indent(lines: string[], by: string): string[] {
  return lines.map((line) => by + line);
}

/** The package's files by path: the manifest, the assessment and Canvas's meta file. */
export function qtiFiles(quiz: Quiz): { files: Record<string, string>; count: number; skipped: ReturnType<typeof eachQuestion>['skipped'] } {
  const { pieces: written, skipped } = eachQuestion(quiz, pieces);
  const assessment = ident(quiz, 'assessment');
  const meta = ident(quiz, 'meta');
  const title = xmlAttribute(quiz.title);
  const items = written.flatMap(({ question, piece }) => indent(itemXml(quiz, question, piece), '      '));
  const assessmentXml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">',
    `  <assessment ident="${assessment}" title="${title}">`,
    '    <qtimetadata>',
    '      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>unlimited</fieldentry></qtimetadatafield>',
    '    </qtimetadata>',
    '    <section ident="root_section">',
    ...items,
    '    </section>',
    '  </assessment>',
    '</questestinterop>',
  ];
  const metaXml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<quiz identifier="${assessment}" xmlns="http://canvas.instructure.com/xsd/cccv1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">`,
    `  <title>${xmlText(quiz.title)}</title>`,
    `  <description>${xmlText(`Exported by mlops-quiz from ${quiz.id}; pass mark ${quiz.passMark}%.`)}</description>`,
    `  <shuffle_answers>${quiz.shuffle}</shuffle_answers>`,
    '  <scoring_policy>keep_highest</scoring_policy>',
    '  <quiz_type>assignment</quiz_type>',
    `  <points_possible>${written.length.toFixed(1)}</points_possible>`,
    '  <show_correct_answers>true</show_correct_answers>',
    '  <allowed_attempts>-1</allowed_attempts>',
    '</quiz>',
  ];
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${ident(quiz, 'manifest')}" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd http://www.imsglobal.org/xsd/imsmd_v1p2 http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd">`,
    '  <metadata>',
    '    <schema>IMS Content</schema>',
    '    <schemaversion>1.1.3</schemaversion>',
    `    <imsmd:lom><imsmd:general><imsmd:title><imsmd:string>${xmlText(quiz.title)}</imsmd:string></imsmd:title></imsmd:general></imsmd:lom>`,
    '  </metadata>',
    '  <organizations/>',
    '  <resources>',
    `    <resource identifier="${assessment}" type="imsqti_xmlv1p2">`,
    `      <file href="${assessment}/${assessment}.xml"/>`,
    `      <dependency identifierref="${meta}"/>`,
    '    </resource>',
    `    <resource identifier="${meta}" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="${assessment}/assessment_meta.xml">`,
    `      <file href="${assessment}/assessment_meta.xml"/>`,
    '    </resource>',
    '  </resources>',
    '</manifest>',
  ];
  const text = (lines: string[]): string => `${lines.join('\n')}\n`;
  return {
    files: { 'imsmanifest.xml': text(manifest), [`${assessment}/${assessment}.xml`]: text(assessmentXml), [`${assessment}/assessment_meta.xml`]: text(metaXml) },
    count: written.length,
    skipped,
  };
}

/** Zip entries' time: fixed, so that the same quiz gives the same bytes. */
const EPOCH = new Date(Date.UTC(2000, 0, 1));

export const qti: Exporter = {
  description: 'a QTI 1.2 package for Canvas (.zip with imsmanifest.xml)',
  extension: '.zip',
  exportQuiz(quiz) {
    const { files, count, skipped } = qtiFiles(quiz);
    const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
    return { data: zipSync(entries, { level: 6, mtime: EPOCH }), count, skipped };
  },
};
