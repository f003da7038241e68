// Deterministic quiz banks and answers files in the seed's format, for the benchmark and the tests.
// Plain Node: no dependencies. The same seed gives the same bytes on every machine.

/** A small fast PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'model serving batch online latency request client server api endpoint feature drift monitoring ' +
  'pipeline deployment canary shadow rollback staging production container image registry cluster ' +
  'kubernetes scaling throughput metric alert dashboard dataset training inference version artifact ' +
  'schema validation throttling authentication gateway cache queue stream window embedding'
).split(' ');

/** `count` words from the bank's vocabulary, the first capitalised. */
export function words(rand, count) {
  const out = [];
  for (let i = 0; i < count; i += 1) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/**
 * A quiz bank of `count` questions in the seed's format: prompts of a few paragraphs, seed-style
 * indented option blocks (blank-line separated, `{Answer}` marks), some orderings (`### Correct Order`),
 * some answer images, some explanations and an occasional fenced code sample with `#` comments.
 * About 600 bytes a question.
 */
export function quizBank(count, seed = 1) {
  const rand = random(seed);
  const parts = [];
  for (let n = 1; n <= count; n += 1) {
    const kind = rand();
    parts.push(`# ${words(rand, 3 + Math.floor(rand() * 4))} ${n}\n`);
    const paragraphs = 1 + Math.floor(rand() * 2);
    for (let p = 0; p < paragraphs; p += 1) parts.push(`${words(rand, 12 + Math.floor(rand() * 20))}.\n`);
    if (rand() < 0.05) parts.push('```sh\n# deploy the model\nkubectl apply -f model.yaml\n```\n');
    if (kind < 0.15) {
      parts.push('### Correct Order\n');
      const items = 3 + Math.floor(rand() * 3);
      parts.push(Array.from({ length: items }, (_, i) => `${i + 1}. ${words(rand, 3)} step ${i + 1}`).join('\n') + '\n');
    } else if (kind < 0.2) {
      parts.push(`![Answer](images/q${n}.png)\n`);
    } else {
      parts.push('### Possible Answers\n\n');
      const options = 3 + Math.floor(rand() * 2);
      const right = Math.floor(rand() * options);
      const lines = [];
      for (let o = 0; o < options; o += 1) lines.push(`    ${words(rand, 4 + Math.floor(rand() * 8))} ${o + 1}${o === right ? ' {Answer}' : ''}`);
      parts.push(`\n${lines.join('\n    \n    \n')}\n`);
    }
    if (rand() < 0.3) parts.push(`### Explanation\n\n${words(rand, 20)}.\n`);
  }
  return parts.join('\n');
}

/** An answers file for the seed quiz (its 7 single-choice questions), some left out, some by number. */
export function seedAnswers(rand) {
  const ids = ['offline-or-online', 'when-time-matters---a-bit', 'client-server', 'api-functionalities', 'which-test-is-it', 'a-fitting-deployment-strategy', 'shadow-of-the-shadow'];
  const answers = {};
  ids.forEach((id, index) => {
    const roll = rand();
    if (roll < 0.1) return;
    if (roll < 0.6) answers[id] = 'ABC'[Math.floor(rand() * 3)];
    else answers[String([1, 2, 3, 4, 5, 8, 10][index])] = 1 + Math.floor(rand() * 3);
  });
  return { answers };
}
