import { describe, expect, it } from 'vitest';
import { computeStats, percentile } from '../../src/core/stats';
import { formatAge, formatDuration } from '../../src/core/time';
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

  it('names the sites the log holds, in the sites\' order', () => {
    const items = [answered('1', DAY, HOUR, 'youtube'), item('2', { site: 'x' }), item('3', { site: 'youtube' })];
    expect(computeStats(items, NOW).sitesLogged).toEqual(['x', 'youtube']);
    expect(computeStats([], NOW).sitesLogged).toEqual([]);
  });

  it('formats every duration in one style: its largest unit, down for an age, up for a bound', () => {
    expect(formatDuration(20_000)).toBe('just now');
    expect(formatDuration(20_000, 'up')).toBe('1m');
    expect(formatDuration(0, 'up')).toBe('1m');
    expect(formatDuration(45 * 60_000)).toBe('45m');
    expect(formatDuration(59.5 * 60_000)).toBe('59m');
    expect(formatDuration(59.5 * 60_000, 'up')).toBe('1h');
    expect(formatDuration(190 * 60_000)).toBe('3h');
    expect(formatDuration(190 * 60_000, 'up')).toBe('4h');
    expect(formatDuration(52 * HOUR)).toBe('2d');
    expect(formatDuration(52 * HOUR, 'up')).toBe('3d');
    expect(formatDuration(13.5 * DAY, 'up')).toBe('2w');
    // The oldest wait of 52 days 9 hours reads as the list's age of that comment does.
    const waited = 52 * DAY + 9 * HOUR;
    expect(formatDuration(waited)).toBe('7w');
    expect(formatDuration(waited)).toBe(formatAge(NOW - waited, NOW));
  });
});
