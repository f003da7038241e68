/** XML text for the exports, escaped as the JUnit report escapes it (well-formed whatever the quiz holds). */
import { xmlAttribute, xmlText } from '../reporters/junit.js';

export { xmlAttribute, xmlText };

/** `<name attr="…">text</name>` on one line. */
export function element(name: string, text: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  return `<${name}${attrs}>${xmlText(text)}</${name}>`;
}
