/**
 * A quiz model -> the native Markdown format (docs/DESIGN.md section 3, docs/FORMAT.md), for `convert`:
 * text that the Markdown reader (read.ts) reads back to the same questions: same ids (written as
 * `{#id}` where the id may be written so), titles, prompts, answers, hints, explanations and feedback.
 * Pure.
 */
import { VALID_ID } from '../../core/ids.js';
import type { Option, Question } from '../../core/kinds/index.js';
import { numericText } from '../../core/kinds/numeric.js';
import type { Quiz } from '../../core/quiz.js';

/** Plain text written so that Markdown reads it back as the same plain text (a heading, a list item). */
export function escapePlain(text: string): string {
  return text.replace(/[\\`*_[\]<>#{}!|~&]/g, (char) => `\\${char}`);
}

function options(list: readonly Option[]): string {
  return list
    .map((option) => {
      const lines = [`- [${option.correct ? 'x' : ' '}] ${option.text.split('\n').join('\n  ')}`];
      if (option.feedback) lines.push(...option.feedback.split('\n').map((line) => (line ? `  > ${line}` : '  >')));
      return lines.join('\n');
    })
    .join('\n');
}

function answerSection(question: Question): string | null {
  switch (question.kind) {
    case 'single':
      return `### Possible Answers\n\n${options(question.options)}`;
    case 'multiple': {
      const right = question.options.filter((option) => option.correct).length;
      return `### ${right > 1 ? 'Possible Answers' : 'All That Apply'}\n\n${options(question.options)}`;
    }
    case 'order':
      return `### Correct Order\n\n${question.items.map((item, index) => `${index + 1}. ${item.split('\n').join('\n   ')}`).join('\n')}`;
    case 'match': {
      const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const rows = question.pairs.map((pair) => `| ${cell(pair.left)} | ${cell(pair.right)} |`);
      return `### Matches\n\n| ${cell(question.labels[0])} | ${cell(question.labels[1])} |\n| --- | --- |\n${rows.join('\n')}`;
    }
    case 'text':
      return `### Accepted Answers\n\n${question.accepted.map((one) => `- ${escapePlain(one)}`).join('\n')}`;
    case 'numeric':
      return `### Numeric Answer\n\n${question.answers.map((one) => `- ${numericText(one)}`).join('\n')}`;
    case 'blank':
      return `### Blanks\n\n${question.blanks.map((answers, index) => `${index + 1}. ${answers.map((one) => one.replace(/\|/g, '\\|')).join(' | ')}`).join('\n')}`;
    case 'self':
      return null;
  }
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

export function writeMarkdown(quiz: Quiz): string {
  const front = [`title: ${yamlString(quiz.title)}`];
  if (VALID_ID.test(quiz.id)) front.push(`id: ${yamlString(quiz.id)}`);
  front.push(`passMark: ${quiz.passMark}`, `shuffle: ${quiz.shuffle}`);
  const parts = [`---\n${front.join('\n')}\n---`];
  for (const question of quiz.questions) {
    // Emphasis marks in an id are escaped, so that the heading's text holds the id as it is.
    const id = VALID_ID.test(question.id) ? ` {#${question.id.replace(/[_*\\]/g, (char) => `\\${char}`)}}` : '';
    const blocks = [`# ${escapePlain(question.title)}${id}`];
    if (question.prompt) blocks.push(question.prompt);
    if (question.kind === 'self') blocks.push(`![Answer](${question.image})`);
    const answer = answerSection(question);
    if (answer) blocks.push(answer);
    if (question.hint) blocks.push(`### Hint\n\n${question.hint}`);
    if (question.explanation) blocks.push(`### Explanation\n\n${question.explanation}`);
    parts.push(blocks.join('\n\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
