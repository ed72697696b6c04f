// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startInlinePicker, type InlineDeps } from '../../src/content/inline';
import type { Item, Snippet } from '../../src/core/types';
import { formatAgo } from '../../src/core/time';

const NOW = Date.now();
const snippet = (id: string, title: string, body: string): Snippet => ({
  id,
  title,
  body,
  shortcut: '',
  tags: [],
  uses: 0,
  lastUsedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
});
const SNIPPETS = [snippet('s1', 'Shipping times', 'Orders ship within 2 days.'), snippet('s2', 'Thanks', 'Thanks!')];
const ANSWERED = { key: 'youtube:c1', status: 'answered', answeredAt: NOW - 5 * 60_000, author: { name: 'quietfox' } } as Item;

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

/** A comment box answering a comment, with the picker started on it; `item` answers the log's lookups. */
function setup(item: () => Promise<Item | null>) {
  const box = document.createElement('textarea');
  document.body.append(box);
  const inserted: string[] = [];
  const deps: InlineDeps = {
    doc: document,
    site: { name: 'YouTube', commentLimit: 10_000 },
    settings: () => ({ trigger: ';;', pickerShortcut: 'Alt+Shift+S' }),
    snippets: () => Promise.resolve(SNIPPETS),
    targetOf: () => ({ key: ANSWERED.key, person: ANSWERED.author }),
    item,
    manage: () => undefined,
    insert: (_composer, body) => {
      inserted.push(body);
      return Promise.resolve();
    },
  };
  const controller = new AbortController();
  controllers.push(controller);
  startInlinePicker(deps, controller.signal);
  box.focus();
  return { box, inserted };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const shadow = () => document.querySelector('[data-replyline-picker]')?.shadowRoot ?? null;
const warning = () => shadow()?.querySelector('[role=alert]')?.textContent ?? null;
const titles = () => Array.from(shadow()?.querySelectorAll('[role=option] .title') ?? [], (o) => o.textContent);

async function type(box: HTMLTextAreaElement, text: string) {
  box.value += text;
  box.setSelectionRange(box.value.length, box.value.length);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
}

async function press(box: HTMLTextAreaElement, key: string) {
  box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await tick();
}

describe('the inline picker', () => {
  it('keeps its warning through selection changes that move nothing, and warns again for a new query', async () => {
    const { box, inserted } = setup(() => Promise.resolve(ANSWERED));
    await type(box, ';;ship');
    expect(titles()).toEqual(['Shipping times']);
    await press(box, 'Enter');
    expect(warning()).toContain(`You already answered quietfox ${formatAgo(ANSWERED.answeredAt!, Date.now())}.`);
    expect(warning()).toContain('5m ago');

    // The browser reports a selection change after the keystroke, and editors after each render.
    document.dispatchEvent(new Event('selectionchange'));
    await tick();
    expect(warning()).toContain('quietfox');
    expect(inserted).toEqual([]);

    // Typing on draws a new list: the warning goes, and the next Enter warns again rather than inserts.
    await type(box, 'p');
    expect(titles()).toEqual(['Shipping times']);
    expect(warning()).toBeNull();
    await press(box, 'Enter');
    expect(warning()).toContain('quietfox');
    expect(inserted).toEqual([]);

    await press(box, 'Enter');
    await expect.poll(() => inserted).toEqual(['Orders ship within 2 days.']);
  });

  it('drops a choice whose query changed while the log was asked', async () => {
    let answer: (item: Item | null) => void = () => undefined;
    const { box, inserted } = setup(() => new Promise((resolve) => (answer = resolve)));
    await type(box, ';;');
    expect(titles()).toEqual(['Shipping times', 'Thanks']);
    await press(box, 'Enter');
    await type(box, 'than');
    expect(titles()).toEqual(['Thanks']);
    answer(ANSWERED);
    await tick();
    expect(warning()).toBeNull();
    expect(inserted).toEqual([]);
    expect(titles()).toEqual(['Thanks']);
  });

  it('says "just now" for an answer under a minute old', () => {
    expect(formatAgo(NOW - 20_000, NOW)).toBe('just now');
    expect(formatAgo(NOW - 3 * 3_600_000, NOW)).toBe('3h ago');
  });
});
