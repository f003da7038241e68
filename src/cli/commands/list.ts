/** `mlops-quiz list`: the bundled quizzes, each with the name `run` takes, its title, id and question count. */
import { join } from 'node:path';
import type { Io } from '../io.js';
import { bundledDir, bundledNames, loadOptions, loadQuiz } from '../../store/quizzes.js';
import { sanitize } from '../../core/sanitize.js';

export interface BundledQuiz {
  name: string;
  id: string;
  title: string;
  questions: number;
}

export async function bundledQuizzes(io: Io): Promise<BundledQuiz[]> {
  const quizzes: BundledQuiz[] = [];
  for (const name of bundledNames()) {
    const { quiz } = await loadQuiz({ kind: 'file', path: join(bundledDir(), `${name}.md`), shown: name, bundled: name }, loadOptions(io.env, undefined));
    quizzes.push({ name, id: quiz.id, title: quiz.title, questions: quiz.questions.length });
  }
  return quizzes;
}

export async function listCommand(io: Io): Promise<number> {
  const rows = (await bundledQuizzes(io)).map((quiz) => [quiz.name, quiz.id, String(quiz.questions), sanitize(quiz.title)]);
  const table = [['NAME', 'ID', 'QUESTIONS', 'TITLE'], ...rows];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) {
    const cells = row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : column < 3 ? cell.padEnd(widths[column]!) : cell));
    io.stdout.write(`${cells.join('  ').trimEnd()}\n`);
  }
  return 0;
}
