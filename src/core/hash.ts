/**
 * A question's content hash: of what the learner sees and is graded on (not of the raw bytes: line
 * endings, indentation style and the question's place in the file do not change it), for saved
 * progress (docs/DESIGN.md section 9). Saved attempts keep these hashes: changing how it is computed
 * makes every saved answer look out of date.
 */
import { createHash } from 'node:crypto';
import type { Question } from './kinds/index.js';

export function contentHash(question: Question): string {
  const { number: _number, position: _position, hash: _hash, id: _id, ...content } = question;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
