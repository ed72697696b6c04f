import { describe, expect, it } from 'vitest';
import { computeStats, formatDuration, percentile } from '../../src/core/stats';
import type { Item } from '../../src/core/types';
import { logged } from './items';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(2026, 10, 23, 15, 0).getTime();

const item = (id: string, over: Partial<Item>): Item => logged(id, { createdAt: null, ...over }, NOW - 40 * DAY);

const answered = (id: string, seenAgo: number, tookMs: number, site: Item['site'] = 'x') =>
  item(id, {
    site,
    status: 'answered',
    firstSeenAt: NOW - seenAgo,
    answeredAt: NOW - seenAgo + tookMs,
    answeredVia: 'manual',
  });

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('summarises time to answer per site over 7 and 30 days', () => {
    const items = [
      answered('1', 2 * DAY, 1 * HOUR),
      answered('2', 3 * DAY, 3 * HOUR),
      answered('3', 4 * DAY, 10 * HOUR),
      answered('4', 20 * DAY, 30 * HOUR),
      answered('5', 60 * DAY, 2 * HOUR),
      answered('6', 1 * DAY, 5 * HOUR, 'youtube'),
    ];
    const stats = computeStats(items, NOW);
    expect(stats.perSite.x.week).toEqual({ count: 3, median: 3 * HOUR, p90: 10 * HOUR });
    expect(stats.perSite.x.month).toEqual({ count: 4, median: 3 * HOUR, p90: 30 * HOUR });
    expect(stats.perSite.youtube.week).toEqual({ count: 1, median: 5 * HOUR, p90: 5 * HOUR });
  });

  it('counts answers per day and the oldest waiting item', () => {
    const items = [
      answered('1', 2 * DAY, HOUR),
      answered('2', 2 * DAY, 2 * HOUR),
      answered('3', 0, 0),
      item('4', { sortAt: NOW - 5 * DAY }),
      item('5', { sortAt: NOW - 2 * DAY }),
    ];
    const stats = computeStats(items, NOW, 7);
    expect(stats.answeredPerDay).toHaveLength(7);
    expect(stats.answeredPerDay.at(-1)).toEqual({ day: '2026-11-23', count: 1 });
    expect(stats.answeredPerDay.at(-3)).toEqual({ day: '2026-11-21', count: 2 });
    expect(stats.oldestPending).toBe(5 * DAY);
    expect(computeStats([], NOW).oldestPending).toBeNull();
  });

  it('formats durations for people', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(20_000)).toBe('< 1m');
    expect(formatDuration(45 * 60_000)).toBe('45m');
    expect(formatDuration(190 * 60_000)).toBe('3h 10m');
    expect(formatDuration(52 * HOUR)).toBe('2d 4h');
  });
});
