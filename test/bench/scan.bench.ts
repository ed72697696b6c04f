// @vitest-environment happy-dom
import { bench, describe } from 'vitest';
import { judgeEntry } from '../../src/core/relevance';
import { mergeScanned } from '../../src/core/status';
import { xAdapter } from '../../src/sites/x';
import { youtubeAdapter } from '../../src/sites/youtube';
import { fixture } from '../helpers';
import { longConversation } from './pages';

function load(html: string) {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
}

function scanAll(adapter: typeof xAdapter, url: URL, chunk: number) {
  const page = { url, memo: new Map<string, unknown>() };
  const elements = Array.from(document.querySelectorAll(adapter.itemSelector)).slice(0, chunk);
  for (const el of elements) {
    const entry = adapter.readEntry(el, page);
    if (entry) judgeEntry(adapter.id, entry, 'brightloop');
  }
}

describe('reading a chunk of 25 items (the watcher hands over 25 at a time)', () => {
  bench(
    'X conversation of 1,000 replies',
    () => scanAll(xAdapter, new URL('https://x.com/brightloop/status/1950000000000000001'), 25),
    { setup: () => load(longConversation(1000)), time: 1500 },
  );

  bench(
    'YouTube watch page',
    () => scanAll(youtubeAdapter, new URL('https://www.youtube.com/watch?v=Qm7tLp2vX9c'), 25),
    { setup: () => load(fixture('youtube/watch.html')), time: 1500 },
  );
});

describe('folding a report into the log', () => {
  const scanned = Array.from({ length: 500 }, (_, i) => ({
    site: 'x' as const,
    id: String(i),
    kind: 'comment' as const,
    author: { name: 'Someone', handle: 'someone' },
    text: 'A comment of ordinary length, with an emoji 👋 and a link.',
    url: `https://x.com/someone/status/${i}`,
    thread: '1',
    createdAt: i,
    ownerReplied: i % 3 === 0,
  }));
  bench('500 items', () => {
    for (const item of scanned) mergeScanned(undefined, item, 1_000);
  });
});
