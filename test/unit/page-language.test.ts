// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeStats } from '../../src/core/stats';
import { mergeScanned } from '../../src/core/status';
import { blueskyAdapter } from '../../src/sites/bluesky';
import { tiktokAdapter } from '../../src/sites/tiktok';
import type { SiteAdapter } from '../../src/sites/types';
import { xAdapter } from '../../src/sites/x';
import { youtubeAdapter } from '../../src/sites/youtube';
import { loadPage, scanPage } from '../helpers';

// Pages whose interface is in German or Spanish give the same times as in English: each comment's
// time, the list's order and the oldest wait come from the page, not from when it was first seen.
const NOW = new Date(2026, 10, 26, 12, 0).getTime();
const H = 3_600_000;
const D = 24 * H;
const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';
const VIDEO = 'https://www.tiktok.com/@brightloop/video/7440000000000000001';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Every comment's age on the page, in hours, in page order. */
function ages(adapter: SiteAdapter, url: URL): (number | null)[] {
  const page = { url, memo: new Map<string, unknown>() };
  return Array.from(document.querySelectorAll(adapter.itemSelector)).flatMap((el) => {
    const entry = adapter.readEntry(el, page);
    return entry ? [entry.createdAt === null ? null : (NOW - entry.createdAt) / H] : [];
  });
}

/** The waiting list's order (oldest first, by the log's sort time) and the oldest wait. */
function listed(adapter: SiteAdapter, url: URL, owner: string) {
  const scanned = scanPage(adapter, url, owner);
  const logged = scanned.map((item) => mergeScanned(undefined, { ...item, site: adapter.id }, NOW + H));
  const pending = logged.filter((i) => i.status === 'pending').sort((a, b) => a.sortAt - b.sortAt);
  return { order: pending.map((i) => i.author.handle), oldest: computeStats(logged, NOW + H).oldestPending };
}

describe('YouTube in German and Spanish', () => {
  it.each(['watch.html', 'watch-de.html', 'watch-es.html'])('%s: each comment’s age', (file) => {
    const url = loadPage(`youtube/${file}`, WATCH);
    expect(ages(youtubeAdapter, url)).toEqual([48, 72, 48, 24, 20, 5, 4]);
  });

  it.each(['watch-de.html', 'watch-es.html'])('%s: the list’s order and the oldest wait are the page’s', (file) => {
    const url = loadPage(`youtube/${file}`, WATCH);
    expect(listed(youtubeAdapter, url, 'brightloop')).toEqual({
      order: ['lenamakes', 'samir_dev', 'randomviewer'],
      oldest: 48 * H + H,
    });
  });
});

describe('TikTok in German and Spanish', () => {
  const twentieth = (NOW - new Date(2026, 10, 20).getTime()) / H;

  it.each<[string, (number | null)[]]>([
    ['video.html', [5, 4, 3, 2, 2, 1]],
    ['video-de.html', [twentieth, 4, 3, 2, 2, 1]],
    ['video-es.html', [twentieth, 4, 3, 2, 2, 1]],
  ])('%s: each comment’s age or date', (file, expected) => {
    const url = loadPage(`tiktok/${file}`, VIDEO);
    expect(ages(tiktokAdapter, url)).toEqual(expected);
  });

  it.each(['video-de.html', 'video-es.html'])('%s: the list’s order and the oldest wait are the page’s', (file) => {
    const url = loadPage(`tiktok/${file}`, VIDEO);
    const { order, oldest } = listed(tiktokAdapter, url, 'brightloop');
    expect(order).toEqual(['kai_moves', 'omar.k']);
    expect(oldest).toBe(3 * H + H);
  });
});

describe('Bluesky and X with dates in the page’s language', () => {
  it('Bluesky: the time label in German and Spanish', () => {
    const url = loadPage('bluesky/thread.html', 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22');
    const link = document.querySelector('a[href="/profile/maralind.bsky.social/post/3mbl03mara22"]')!;
    const mara = link.closest('[data-testid^="postThreadItem-by-"]')!;
    const read = () => blueskyAdapter.readEntry(mara, { url, memo: new Map() })?.createdAt;
    for (const [lang, label] of [['de', '21. November 2026 um 08:15'], ['es', '21 de noviembre de 2026, 8:15'], ['fr', '21 novembre 2026 à 08:15'], ['pt', '21 de novembro de 2026 às 08:15']]) {
      document.documentElement.lang = lang!;
      link.setAttribute('aria-label', label!);
      expect(read()).toBe(new Date(2026, 10, 21, 8, 15).getTime());
    }
    // Without a label, the age the link shows.
    link.removeAttribute('aria-label');
    link.removeAttribute('title');
    link.textContent = '3 T.';
    document.documentElement.lang = 'de';
    expect(read()).toBe(NOW - 3 * D);
  });

  it('X: the time’s datetime, whatever the page’s language writes beside it', () => {
    const url = loadPage('x/conversation.html', 'https://x.com/brightloop/status/1950000000000000001');
    const entries = () => Array.from(document.querySelectorAll(xAdapter.itemSelector))
      .map((el) => xAdapter.readEntry(el, { url, memo: new Map() }));
    const english = entries().map((e) => e?.createdAt);
    expect(english.length).toBeGreaterThan(3);
    expect(english.every((t) => typeof t === 'number')).toBe(true);
    for (const [lang, shown] of [['de', '2 Std.'], ['es', '2 h']]) {
      document.documentElement.lang = lang!;
      for (const time of Array.from(document.querySelectorAll('time'))) time.textContent = shown!;
      expect(entries().map((e) => e?.createdAt)).toEqual(english);
    }
  });
});
