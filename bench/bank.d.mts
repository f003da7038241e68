export function random(seed: number): () => number;
export function quizBank(count: number, seed?: number): string;
export function seedAnswers(rand: () => number): { answers: Record<string, string | number> };
