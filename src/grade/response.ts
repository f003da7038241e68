/**
 * A learner's response to one question, as indices into the question's model. Both the interactive
 * session and the answers-file reader produce these; scoring reads only these.
 */
export type Response =
  | { kind: 'single'; choice: number }
  | { kind: 'multiple'; choices: number[] }
  /** Indices into `items` (the correct order), in the learner's order; may be shorter than the items. */
  | { kind: 'order'; order: number[] }
  /** For each left item (table order), the index of the chosen right value (`matchChoices`) or null. */
  | { kind: 'match'; picks: (number | null)[] }
  | { kind: 'text'; text: string }
  | { kind: 'self'; knew: boolean };

/** Responses by question id; a question left out is unanswered. */
export type Responses = ReadonlyMap<string, Response>;
