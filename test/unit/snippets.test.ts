import { describe, expect, it } from 'vitest';
import { expandTemplate, searchSnippets, validateSnippetDraft } from '../../src/core/snippets';
import { fillInputs, findTrigger, inputLabels, matchesShortcut, parseShortcut, validateTrigger } from '../../src/core/picker';
import { parseAge } from '../../src/core/page-time';
import { formatAge, parseTime } from '../../src/core/time';
import type { Snippet } from '../../src/core/types';

const ctx = {
  person: { name: 'Marta Quill', handle: 'marta_codes' },
  site: 'X',
  myName: 'Bright Loop',
  now: new Date('2026-10-02T12:00:00Z'),
};

describe('expandTemplate', () => {
  it('fills the person, site and my name, and finds the cursor', () => {
    const out = expandTemplate('Hi {first_name} ({handle}) from {my_name} on {site}! {cursor}Thanks', ctx);
    expect(out.text).toBe('Hi Marta (@marta_codes) from Bright Loop on X! Thanks');
    expect(out.cursor).toBe(out.text.indexOf('Thanks'));
    expect(out.missing).toEqual([]);
  });

  it('reports variables with no value and unknown ones, keeping unknown ones visible', () => {
    const out = expandTemplate('Hi {name}, {mood}', { ...ctx, person: null });
    expect(out.text).toBe('Hi , {mood}');
    expect(out.missing).toEqual(['name']);
    expect(out.unknown).toEqual(['mood']);
  });

  it('keeps line breaks and unicode as written', () => {
    expect(expandTemplate('Hi 👋 wörld — 你好 مرحبا\nLine two ✓\n\nPara 3', ctx).text).toBe(
      'Hi 👋 wörld — 你好 مرحبا\nLine two ✓\n\nPara 3',
    );
  });
});

const snippet = (title: string, over: Partial<Snippet> = {}): Snippet => ({
  id: title,
  title,
  body: '',
  tags: [],
  shortcut: '',
  uses: 0,
  lastUsedAt: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('searchSnippets', () => {
  const all = [
    snippet('Thanks', { body: 'Thank you so much!', uses: 2 }),
    snippet('Shipping times', { body: 'Orders ship in 2 days', tags: ['orders'], shortcut: 'ship' }),
    snippet('Refund policy', { body: 'Refunds within 30 days', uses: 9 }),
  ];

  it('lists by use without a query', () => {
    expect(searchSnippets(all, '  ').map((s) => s.title)).toEqual([
      'Refund policy',
      'Thanks',
      'Shipping times',
    ]);
  });

  it('needs every word, ranks the exact shortcut first and ignores accents', () => {
    expect(searchSnippets(all, 'ship').map((s) => s.title)).toEqual(['Shipping times']);
    expect(searchSnippets(all, 'days').map((s) => s.title)).toEqual(['Refund policy', 'Shipping times']);
    expect(searchSnippets(all, 'thánk you').map((s) => s.title)).toEqual(['Thanks']);
    expect(searchSnippets(all, 'refund nothing')).toEqual([]);
  });

  it('validates drafts', () => {
    const draft = (over: Partial<Parameters<typeof validateSnippetDraft>[0]>) =>
      ({ title: 'a', body: 'b', tags: [], shortcut: '', ...over });
    expect(validateSnippetDraft(draft({ title: ' ', body: 'x' }))).toMatch(/title/);
    expect(validateSnippetDraft(draft({ title: 'a', body: '' }))).toMatch(/no text/);
    expect(validateSnippetDraft(draft({ title: 'a', body: 'b' }))).toBeNull();
    expect(validateSnippetDraft(draft({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toMatch(/20 tags/);
    expect(validateSnippetDraft(draft({ shortcut: 's'.repeat(51) }))).toMatch(/shortcut is longer than 50/);
  });
});

describe('time', () => {
  it('formats ages compactly', () => {
    expect(formatAge(0, 30_000)).toBe('just now');
    expect(formatAge(0, 5 * 60_000)).toBe('5m');
    expect(formatAge(0, 3 * 3_600_000)).toBe('3h');
    expect(formatAge(0, 2 * 86_400_000)).toBe('2d');
    expect(formatAge(0, 30 * 86_400_000)).toBe('4w');
  });

  it('parses site times and relative ages, and rejects the rest', () => {
    expect(parseTime('2026-10-02T09:00:00.000Z')).toBe(Date.parse('2026-10-02T09:00:00.000Z'));
    expect(parseTime('soon')).toBeNull();
    expect(parseAge('12 hours ago (edited)', 100_000_000)).toBe(100_000_000 - 12 * 3_600_000);
    expect(parseAge('in a while', 0)).toBeNull();
  });
});

describe('the inline picker rules', () => {
  it('finds the trigger and query before the caret', () => {
    expect(findTrigger('Great point ;;thx', ';;')).toEqual({ query: 'thx', length: 5 });
    expect(findTrigger(';;', ';;')).toEqual({ query: '', length: 2 });
    expect(findTrigger('no trigger here', ';;')).toBeNull();
    expect(findTrigger(';;thx\nnext line', ';;')).toBeNull();
    expect(findTrigger(';; spaced', ';;')).toBeNull();
  });

  it('parses and matches shortcuts, refusing ones without a modifier', () => {
    const s = parseShortcut('Alt+Shift+S')!;
    expect(s).toEqual({ ctrl: false, alt: true, shift: true, meta: false, code: 'KeyS' });
    const press = { ctrlKey: false, altKey: true, shiftKey: true, metaKey: false, code: 'KeyS' };
    expect(matchesShortcut(press, s)).toBe(true);
    expect(matchesShortcut({ ...press, shiftKey: false }, s)).toBe(false);
    expect(parseShortcut('Ctrl+Space')?.code).toBe('Space');
    expect(parseShortcut('S')).toBeNull();
    expect(parseShortcut('Ctrl+S+T')).toBeNull();
  });

  it('validates triggers', () => {
    expect(validateTrigger(';;')).toBeNull();
    expect(validateTrigger('')).toMatch(/1 to 5/);
    expect(validateTrigger('a b')).toMatch(/spaces/);
    expect(validateTrigger('ty')).toMatch(/sign/);
  });

  it('asks each {input:Label} once and fills the answers in', () => {
    const body = 'Your order {input:Order number} ships {input:Date}. Order {input:Order number} again?';
    expect(inputLabels(body)).toEqual(['Order number', 'Date']);
    expect(fillInputs(body, { 'Order number': '#42', 'Date': 'Monday' })).toBe(
      'Your order #42 ships Monday. Order #42 again?',
    );
  });
});
