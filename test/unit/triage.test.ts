import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterItems, groupRows, labelsFor, snoozeChoices } from '../../src/core/triage';
import type { Item } from '../../src/core/types';
import { logged } from './items';

describe('labels', () => {
  it('finds questions and complaints', () => {
    expect(labelsFor('Does it follow the system setting?')).toEqual(['question']);
    expect(labelsFor('@brightloop how do I turn it off')).toEqual(['question']);
    expect(labelsFor('The app is broken since the update, I want a refund.')).toEqual(['complaint']);
    expect(labelsFor('Why doesn\'t login work? It\'s not working at all')).toEqual(['question', 'complaint']);
    expect(labelsFor('Congrats to the whole team!')).toEqual([]);
  });
});

const item = (id: string, over: Partial<Item>): Item =>
  logged(id, { author: { name: 'Someone', handle: 'someone' }, text: 'hello', sortAt: Number(id), ...over }, 100);

describe('filterItems', () => {
  const items = [
    item('30', { text: 'Is there a dark mode?' }),
    item('10', { site: 'youtube', kind: 'reply', author: { name: 'Léa Martin', handle: 'lea' } }),
    item('20', { kind: 'mention', text: 'This is broken' }),
    item('40', { status: 'answered', statusAt: 500 }),
  ];

  it('shows one status, oldest or newest first', () => {
    expect(filterItems(items, DEFAULT_FILTER).map((i) => i.id)).toEqual(['10', '20', '30']);
    expect(filterItems(items, { ...DEFAULT_FILTER, order: 'newest' }).map((i) => i.id)).toEqual(['30', '20', '10']);
    expect(filterItems(items, { ...DEFAULT_FILTER, status: 'answered' }).map((i) => i.id)).toEqual(['40']);
  });

  it('filters by site, kind, label and a search over author and text, accents aside', () => {
    expect(filterItems(items, { ...DEFAULT_FILTER, site: 'youtube' }).map((i) => i.id)).toEqual(['10']);
    expect(filterItems(items, { ...DEFAULT_FILTER, kind: 'mention' }).map((i) => i.id)).toEqual(['20']);
    expect(filterItems(items, { ...DEFAULT_FILTER, label: 'question' }).map((i) => i.id)).toEqual(['30']);
    expect(filterItems(items, { ...DEFAULT_FILTER, label: 'complaint' }).map((i) => i.id)).toEqual(['20']);
    expect(filterItems(items, { ...DEFAULT_FILTER, query: 'lea MARTIN' }).map((i) => i.id)).toEqual(['10']);
  });
});

describe('snooze choices', () => {
  it('offers this evening only before 17:00, and next Monday morning', () => {
    const tuesdayNoon = new Date(2026, 10, 24, 12, 0);
    const choices = snoozeChoices(tuesdayNoon);
    expect(choices.map((c) => c.id)).toEqual(['hour', 'evening', 'tomorrow', 'nextWeek']);
    expect(new Date(choices[3]!.until)).toEqual(new Date(2026, 10, 30, 9, 0));
    const evening = snoozeChoices(new Date(2026, 10, 24, 19, 0)).map((c) => c.id);
    expect(evening).toEqual(['hour', 'tomorrow', 'nextWeek']);
    const sunday = snoozeChoices(new Date(2026, 10, 29, 10, 0));
    expect(new Date(sunday.at(-1)!.until)).toEqual(new Date(2026, 10, 30, 9, 0));
  });
});

describe('conversations', () => {
  it('puts the items of one conversation together under a header, where the first of them falls', () => {
    const items = [
      logged('1', { thread: 'A' }),
      logged('2', { thread: 'B' }),
      logged('3', { thread: 'A' }),
      logged('4', { thread: 'C', site: 'youtube', key: 'youtube:4' }),
      logged('5', { thread: 'B' }),
    ];
    const rows = groupRows(items).map((r) => (r.type === 'group' ? `[${r.id} ${r.keys.length}]` : r.item.id));
    expect(rows).toEqual(['[x:A 2]', '1', '3', '[x:B 2]', '2', '5', '4']);
  });

  it('keeps the same thread id on two sites apart', () => {
    const rows = groupRows([logged('1', { thread: 'T' }), logged('2', { thread: 'T', site: 'youtube', key: 'youtube:2' })]);
    expect(rows.map((r) => r.type)).toEqual(['item', 'item']);
  });
});
