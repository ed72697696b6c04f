import { bench, describe } from 'vitest';
import { type Entry, entryOf } from '../../src/background/catalog-entry';
import { Entries } from '../../src/background/catalog-memory';
import { computeStats } from '../../src/core/stats';
import { DEFAULT_FILTER } from '../../src/core/triage';
import type { ItemQuery } from '../../src/shared/protocol';
import { logged } from '../unit/items';

// 100,000 comments over 30,000 conversations, a fifth of them answered: the worker's catalog as it
// answers the popup (the browser's own figures, page and all: node test/bench/popup-scale.mjs).
const items = Array.from({ length: 100_000 }, (_, i) =>
  logged(String(1_000_000 + i), {
    thread: String(i % 30_000),
    sortAt: 1_000_000 + ((i * 7919) % 100_000),
    text: i % 7 === 0 ? 'Is this still broken? Nobody answers.' : `A comment of ordinary length, number ${i} 👋`,
    ...(i % 5 === 0 ? { status: 'answered' as const, answeredAt: 5_000 + i, statusAt: 5_000 + i } : {}),
  }));
const stored = items.map(entryOf);
const query = (over: Partial<ItemQuery>): ItemQuery => ({ ...DEFAULT_FILTER, grouped: true, ...over });
const entries = new Entries(new Map(stored.map((e) => [e.key, { ...e }])), 0);
entries.view(query({}));

/** One comment dismissed or brought back: the log changed, and no view computed before serves. */
let flip = 0;
function change(): void {
  const e: Entry = { ...entries.byKey.get('x:1000001')! };
  e.status = flip++ % 2 ? 'pending' : 'dismissed';
  e.at = e.status === 'pending' ? e.sortAt : e.statusAt;
  entries.set([e]);
}

describe('the popup’s list over 100,000 comments (the worker’s catalog)', () => {
  bench('reading the entries into memory, in order (a worker’s start)', () => {
    new Entries(new Map(stored.map((e) => [e.key, { ...e }])), 0).inOrder('pending');
  });
  bench('the waiting view, grouped, after a change', () => {
    change();
    entries.view(query({}));
  });
  bench('a search and a label, after a change', () => {
    change();
    entries.view(query({ query: 'broken', label: 'complaint' }));
  });
  bench('a site, after a change', () => {
    change();
    entries.view(query({ site: 'youtube' }));
  });
  bench('stats', () => void computeStats(entries.byKey.values(), 10_000_000));
});
