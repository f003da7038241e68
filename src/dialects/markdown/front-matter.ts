/**
 * The quiz's optional YAML front matter (docs/DESIGN.md section 3): `title`, `id`, `passMark`,
 * `shuffle`, each checked, with places as `file:line:column` in the quiz file.
 */
import type { Yaml } from 'mdast';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { DiagnosticCode } from '../../core/diagnostics.js';
import { VALID_ID } from '../../core/ids.js';
import { nearest } from '../../core/nearest.js';
import { oneLine } from '../../core/text.js';

export interface FrontMatter {
  title?: string;
  id?: string;
  passMark?: number;
  shuffle?: boolean;
}

interface Place {
  line: number;
  column: number;
}

type Report = (severity: 'error' | 'warning', code: DiagnosticCode, place: Place, message: string, suggestion?: string) => void;

const KEYS = ['title', 'id', 'passMark', 'shuffle'] as const;
/** What each key sets, for the message of a misspelt one: what the quiz gets instead. */
const DEFAULTS: Record<(typeof KEYS)[number], string> = {
  title: 'the quiz keeps the file name as its title',
  id: "the quiz's id stays the slug of the file name",
  passMark: 'the pass mark stays 70',
  shuffle: 'the questions keep the file order unless --shuffle is given',
};

/**
 * Where a YAML error is: the library places an unclosed quote at the end of the text, so the place is
 * moved back to the quote that opens it.
 */
function errorOffset(doc: Document, problem: YAMLError): number {
  const at = problem.pos[0];
  let opening = at;
  if (problem.code === 'MISSING_CHAR' && /quote/.test(problem.message)) {
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] < at && node.range[1] >= at) opening = node.range[0];
      },
    });
  } else if (/end with an? [\]}]/.test(problem.message)) {
    // An unclosed `[` or `{`: the innermost flow collection that runs to the error.
    const flow = (node: { flow?: boolean; range?: [number, number, number] | null }): void => {
      if (node.flow && node.range && node.range[0] < at && node.range[1] >= at) opening = node.range[0];
    };
    visit(doc, { Seq: (_key, node) => flow(node), Map: (_key, node) => flow(node) });
  }
  return opening;
}

function yamlMessage(problem: YAMLError): string {
  if (problem.code === 'MISSING_CHAR' && /quote/.test(problem.message)) {
    const quote = problem.message.includes("'") ? "'" : '"';
    return `front matter is not valid YAML: the ${quote} opened here is never closed; end the text with ${quote}`;
  }
  if (problem.code === 'BLOCK_AS_IMPLICIT_KEY') {
    return 'front matter is not valid YAML: a value holds ": "; put the value in quotes (title: "Serving: the basics")';
  }
  return `front matter is not valid YAML: ${problem.message.split('\n')[0]}; fix the YAML (quote values that hold ": " or start with a special character)`;
}

export function readFrontMatter(node: Yaml, report: Report): FrontMatter {
  const front: FrontMatter = {};
  const origin = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines, prettyErrors: false });
  // The YAML text starts on the line after the opening `---`.
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return origin;
    const pos = lines.linePos(offset);
    return { line: origin.line + pos.line, column: pos.col };
  };
  const problem = doc.errors[0];
  if (problem) {
    report('error', 'front-matter', at(errorOffset(doc, problem)), yamlMessage(problem));
    return front;
  }
  if (doc.contents === null) return front;
  if (!isMap(doc.contents)) {
    report('error', 'front-matter', origin, 'front matter must be a mapping of keys: write one `key: value` per line (title, id, passMark, shuffle)');
    return front;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPlace = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    // An alias (`title: *name`) reads as the scalar it names; an alias of a collection stays refused below.
    const node = isAlias(pair.value) ? (pair.value.resolve(doc) ?? null) : pair.value;
    const value = isScalar(node) ? node.value : node === null ? null : isAlias(node) ? undefined : (node as { toJSON(): unknown }).toJSON();
    const valuePlace = isScalar(pair.value) || isAlias(pair.value) ? at(pair.value.range?.[0]) : keyPlace;
    switch (key) {
      case 'title':
        // A title is one line (a report's line, a terminal's header): YAML's line breaks become spaces.
        if (typeof value === 'string' && value.trim()) front.title = oneLine(value);
        else report('error', 'front-matter', valuePlace, 'front matter `title` must be a non-empty string; write the title, or remove the key to use the file name');
        break;
      case 'id':
        if (typeof value === 'string' && VALID_ID.test(value)) front.id = value;
        else report('error', 'front-matter', valuePlace, "front matter `id` must be letters, digits, '-', '_', '.' or ':', starting with a letter or digit; change it, or remove the key to use the file name's slug");
        break;
      case 'passMark':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) front.passMark = value;
        else report('error', 'front-matter', valuePlace, 'front matter `passMark` must be a number from 0 to 100 (a percent)');
        break;
      case 'shuffle':
        if (typeof value === 'boolean') front.shuffle = value;
        else report('error', 'front-matter', valuePlace, 'front matter `shuffle` must be true or false');
        break;
      default: {
        const meant = nearest(key, KEYS) as (typeof KEYS)[number] | undefined;
        if (meant === undefined) {
          report('warning', 'unknown-key', keyPlace, `unknown front matter key \`${key}\` is ignored (known: ${KEYS.join(', ')}); remove it, or keep it if another tool reads it`);
        } else {
          report('error', 'unknown-key', keyPlace, `unknown front matter key \`${key}\`: as written, ${DEFAULTS[meant]}; did you mean \`${meant}\`?`, meant);
        }
      }
    }
  }
  return front;
}
