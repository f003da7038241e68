// Deterministic quiz banks of the same questions in each dialect (docs/DESIGN.md section 12), for the
// bench row "a 10,000-question bank in each dialect validates in at most 1.5x the time of the same bank
// in the native format". Plain Node, no dependencies: the same seed gives the same bytes everywhere.
// The questions are single choice (some multiple), with prompts of a paragraph or two, an occasional
// code sample, 3-4 options and, for some, an explanation: what real collections hold.
import { random, words } from './bank.mjs';

/** The bank as data: title, prompt paragraphs, options (text, right), explanation. */
export function questions(count, seed = 1) {
  const rand = random(seed);
  const out = [];
  for (let n = 1; n <= count; n += 1) {
    const paragraphs = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `${words(rand, 12 + Math.floor(rand() * 16))}.`);
    const code = rand() < 0.05;
    const size = 3 + Math.floor(rand() * 2);
    const right = Math.floor(rand() * size);
    const second = rand() < 0.15 ? (right + 1) % size : -1;
    const options = Array.from({ length: size }, (_, o) => ({ text: `${words(rand, 3 + Math.floor(rand() * 6))} ${o + 1}`, right: o === right || o === second }));
    const explanation = rand() < 0.3 ? `${words(rand, 16)}.` : null;
    out.push({ title: `${words(rand, 3 + Math.floor(rand() * 4))} ${n}`, paragraphs, code, options, explanation });
  }
  return out;
}

const CODE = '```sh\nkubectl apply -f model.yaml\n```';

const render = {
  markdown: (qs) =>
    qs
      .map((q) =>
        [
          `# ${q.title}`,
          ...q.paragraphs,
          ...(q.code ? [CODE] : []),
          '### Possible Answers',
          q.options.map((o) => `- [${o.right ? 'x' : ' '}] ${o.text}`).join('\n'),
          ...(q.explanation ? ['### Explanation', q.explanation] : []),
        ].join('\n\n'),
      )
      .join('\n\n') + '\n',
  quizdown: (qs) =>
    '---\nshuffle_answers: false\n---\n\n' +
    qs
      .map((q) => {
        const single = q.options.filter((o) => o.right).length === 1;
        const list = q.options.map((o, i) => `${single ? `${i + 1}.` : '-'} [${o.right ? 'x' : ' '}] ${o.text}`).join('\n');
        return [`# ${q.title}`, ...q.paragraphs, ...(q.code ? [CODE] : []), list, ...(q.explanation ? [q.explanation] : [])].join('\n\n');
      })
      .join('\n\n') +
    '\n',
  'mkdocs-quiz': (qs) =>
    '# A bank\n\n' +
    qs
      .map((q) => ['<quiz>', `${q.title}: ${q.paragraphs.join(' ')}`, ...(q.code ? [CODE] : []), '', q.options.map((o) => `- [${o.right ? 'x' : ' '}] ${o.text}`).join('\n'), '', ...(q.explanation ? [q.explanation] : []), '</quiz>'].join('\n'))
      .join('\n\n') +
    '\n',
  github: (qs) =>
    '## A bank\n\n' +
    qs
      .map((q, i) =>
        [
          `#### Q${i + 1}. ${q.title}`,
          ...q.paragraphs,
          ...(q.code ? [CODE] : []),
          q.options.map((o) => `- [${o.right ? 'x' : ' '}] ${o.text}`).join('\n'),
          ...(q.explanation ? [`**Explanation:** ${q.explanation}`] : []),
        ].join('\n\n'),
      )
      .join('\n\n') +
    '\n',
  gift: (qs) =>
    qs
      .map((q) => {
        const right = q.options.filter((o) => o.right).length;
        const answers = q.options.map((o) => (right === 1 ? `${o.right ? '=' : '~'}${o.text}` : `~%${o.right ? 50 : -100}%${o.text}`));
        return `::${q.title}::${q.paragraphs.join(' ')} {\n${answers.join('\n')}${q.explanation ? `\n####${q.explanation}` : ''}\n}`;
      })
      .join('\n\n') + '\n',
  datacamp: (qs) =>
    '---\ntitle: A bank\n---\n\n' +
    qs
      .filter((q) => q.options.filter((o) => o.right).length === 1)
      .map((q, i) =>
        [
          `## ${q.title}`,
          `\`\`\`yaml\ntype: PureMultipleChoiceExercise\nkey: ${String(i).padStart(10, '0')}\n\`\`\``,
          ...q.paragraphs,
          '`@possible_answers`',
          q.options.map((o) => `- ${o.right ? `[${o.text}]` : o.text}`).join('\n'),
          '`@hint`',
          'Think of the pipeline.',
        ].join('\n\n'),
      )
      .join('\n\n---\n\n') +
    '\n',
};

export const DIALECT_BANKS = Object.keys(render).filter((name) => name !== 'markdown');

/** The bank of `count` questions in `dialect` (`markdown`: the native format); its file extension. */
export function dialectBank(dialect, count, seed = 1) {
  const qs = questions(count, seed);
  if (dialect === 'datacamp') {
    // DataCamp exercises are single choice only: the native bank it is measured against holds the same ones.
    return render.datacamp(qs);
  }
  return render[dialect](qs);
}

/** The native bank holding exactly the questions of `dialect`'s bank. */
export function nativeBankFor(dialect, count, seed = 1) {
  const qs = questions(count, seed);
  return render.markdown(dialect === 'datacamp' ? qs.filter((q) => q.options.filter((o) => o.right).length === 1) : qs);
}

export const EXTENSIONS = { quizdown: 'md', 'mkdocs-quiz': 'md', github: 'md', gift: 'gift', datacamp: 'md', markdown: 'md' };
