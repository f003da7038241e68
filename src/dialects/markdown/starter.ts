/**
 * The starter quiz `mlops-quiz new` writes: one question of each kind in the native format (docs/FORMAT.md),
 * valid as it is. The self-assessed kind needs a picture next to the quiz, so it is shown in the
 * opening comment instead. A new kind is one more entry in QUESTIONS (TypeScript asks for it), in the
 * syntax its Markdown section reads.
 */
import type { QuestionKind } from '../../core/kinds/index.js';

/** One question per kind; `self` goes into the opening comment (its picture does not exist yet). */
const QUESTIONS: Record<QuestionKind, string> = {
  single: `# Offline or online? {#serving-mode}

Your users want one weather forecast a day, every evening. Which way of serving the model fits best?

### Possible Answers

- Stream processing
- Batch prediction {Answer}
- Online prediction

### Hint

How often do the users need a new prediction?

### Explanation

One forecast a day can be computed ahead of time by a scheduled batch job. (Single choice: exactly one
option ends with \`{Answer}\`.)
`,
  multiple: `# Safe rollouts

Which strategies limit how many users see a new model at first?

### Possible Answers

- [x] Canary deployment
- [ ] Big-bang release
- [x] Shadow deployment

### Explanation

A canary serves a few users first; a shadow deployment serves none of them. (Multiple choice: several
options are marked, here as task items \`- [x]\`; the learner picks all that apply.)
`,
  order: `# Through the environments

Put the environments in order, from the first a model reaches to the last.

### Correct Order

1. Development
2. Staging
3. Production

### Explanation

Ordering: write the items in their right order; learners see them shuffled.
`,
  match: `# Tests per environment

Match each type of test to the environment where it runs.

### Matches

| Test | Environment |
| --- | --- |
| Unit tests | Development |
| Integration tests | Staging |
| Smoke tests | Production |

### Explanation

Matching: a two-column table, a header row of labels, then one row per left item and its match.
`,
  text: `# Apply a manifest

Which command-line tool applies a Kubernetes manifest?

### Accepted Answers

- kubectl
- kubectl apply

### Explanation

Short answer: every accepted answer in a list; case and spacing are ignored.
`,
  numeric: `# Replicas

A deployment runs 3 pods, each serving 40 requests per second. How many requests per second can it
serve in all?

### Numeric Answer

- 120

### Explanation

Numeric: a value (\`42\`), a value with a tolerance (\`3.14 ± 0.01\`) or a range (\`1 to 5\`); several
list items are several accepted answers.
`,
  blank: `# Rolling update

\`kubectl _____ deployment/api\` shows the progress of a rollout, and \`kubectl rollout _____
deployment/api\` goes back to the previous version.

### Blanks

1. rollout status | rollout status -w
2. undo

### Explanation

Fill in the blanks: each gap is written \`_____\` in the prompt; \`### Blanks\` lists one item per gap,
its accepted answers separated by \`|\`.
`,
  self: `# Draw the pipeline

Sketch the deployment pipeline, then compare it with the answer.

![Answer](images/pipeline.png)
`,
};

/** The quiz `new` writes: front matter, a comment on the format, then one question of each kind but self-assessed. */
export function starterQuiz(title: string, id: string | undefined): string {
  const self = QUESTIONS.self
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  const questions = (Object.keys(QUESTIONS) as QuestionKind[]).filter((kind) => kind !== 'self').map((kind) => QUESTIONS[kind]);
  return `---
title: ${JSON.stringify(title)}
${id === undefined ? '' : `id: ${id}\n`}passMark: 70
shuffle: false
---

<!--
  A starter quiz from \`mlops-quiz new\`: edit it, then check it with \`mlops-quiz validate\`, look at a
  question with \`mlops-quiz preview\`, and take it with \`mlops-quiz run\`.

  Each level-1 heading (\`# Title\`, a space after the \`#\`) starts a question; {#an-id} at its end sets
  the question's id. The text under it is the prompt. Level-3 sections follow: one answer section
  (### Possible Answers, ### Correct Order, ### Matches or ### Accepted Answers), and optionally
  ### Hint (offered before answering) and ### Explanation (shown after). Each question below shows
  one kind. The whole format: docs/FORMAT.md in the mlops-quiz package.

  Self-assessed: no answer section, and a paragraph holding only an image whose alt text is Answer
  (its path relative to this file). The learner thinks, reveals the picture, and says whether they
  knew it. Put the picture next to the quiz, then move this out of the comment:

${self}
-->

${questions.join('\n')}`;
}
