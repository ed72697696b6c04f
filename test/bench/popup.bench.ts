import { bench, describe } from 'vitest';
import { computeStats } from '../../src/core/stats';
import { DEFAULT_FILTER, filterItems, groupRows } from '../../src/core/triage';
import { logged } from '../unit/items';

// 5,000 comments over 400 conversations, a fifth of them answered: what the popup works on when it opens.
const items = Array.from({ length: 5000 }, (_, i) =>
  logged(String(1_000_000 + i), {
    thread: String(i % 400),
    text: i % 7 === 0 ? 'Is this still broken? Nobody answers.' : `A comment of ordinary length, number ${i} 👋`,
    ...(i % 5 === 0 ? { status: 'answered' as const, answeredAt: 5_000 + i, statusAt: 5_000 + i } : {}),
  }),
);

describe('the popup with 5,000 comments', () => {
  bench('filter and order the waiting view', () => void filterItems(items, DEFAULT_FILTER));
  bench('search and label filter', () => void filterItems(items, { ...DEFAULT_FILTER, query: 'broken', label: 'complaint' }));
  bench('group by conversation', () => void groupRows(filterItems(items, DEFAULT_FILTER)));
  bench('stats', () => void computeStats(items, 10_000_000));
});
