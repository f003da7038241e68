/**
 * The session's own prompts on @inquirer/core, driven with @inquirer/testing's `render`: the ordering
 * prompt (moves, pick up, drop, confirm, the screen) and the one-key "press Enter" step.
 */
import { render } from '@inquirer/testing';
import { describe, expect, test } from 'vitest';
import orderPrompt from '../../src/tui/order-prompt.js';
import pressEnter from '../../src/tui/press-enter.js';

describe('the ordering prompt', () => {
  const items = ['Staging', 'Production', 'Development'];

  test('shows the items numbered, the first highlighted, and the keys', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Put these in order', items });
    expect(getScreen()).toBe(
      ['? Put these in order', '❯ 1. Staging', '  2. Production', '  3. Development', '', '↑↓ choose • space pick up • ⏎ confirm the order'].join('\n'),
    );
    // Answered, so that no prompt is left open when the worker exits (signal-exit would reject it then).
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 1, 2]);
  });

  test('↑↓ move the highlight (wrapping around) without changing the order', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Order', items });
    events.keypress('up');
    expect(getScreen()).toContain('  1. Staging\n  2. Production\n❯ 3. Development');
    events.keypress('down');
    expect(getScreen()).toContain('❯ 1. Staging');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 1, 2]);
  });

  test('space picks an item up, ↑↓ carry it, space drops it; Enter answers with the new order', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Order', items });
    events.keypress('up'); // highlight Development
    events.keypress('space');
    expect(getScreen()).toContain('≡ 3. Development');
    expect(getScreen()).toContain('↑↓ move the item • space drop it • ⏎ confirm the order');
    events.keypress('up');
    events.keypress('up');
    expect(getScreen()).toContain('≡ 1. Development\n  2. Staging\n  3. Production');
    events.keypress('up'); // a held item stops at the top
    expect(getScreen()).toContain('≡ 1. Development');
    events.keypress('space');
    expect(getScreen()).toContain('❯ 1. Development');
    events.keypress('down');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    expect(getScreen()).toContain('  1. Development\n  2. Production\n❯ 3. Staging');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([2, 1, 0]);
    expect(getScreen()).toBe('✔ Order Development → Production → Staging');
  });

  test('multi-line items are indented under their number', async () => {
    const { answer, events, getScreen } = await render(orderPrompt, { message: 'Order', items: ['one\nmore', 'two'] });
    expect(getScreen()).toContain('❯ 1. one\n     more\n  2. two');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 1]);
  });
});

describe('the press-Enter step', () => {
  test('waits for Enter, ignoring other keys', async () => {
    const { answer, events, getScreen } = await render(pressEnter, { message: 'Press Enter to reveal the answer' });
    expect(getScreen()).toBe('? Press Enter to reveal the answer');
    let done = false;
    void answer.then(() => (done = true));
    events.keypress('x');
    events.keypress('space');
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
    expect(getScreen()).toBe('✔ Press Enter to reveal the answer');
  });
});
