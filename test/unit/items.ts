import { mergeScanned } from '../../src/core/status';
import type { PageHealth } from '../../src/core/health';
import type { Item, ScannedItem } from '../../src/core/types';

/** A comment on X as a content script reports it; `over` changes what a test needs. */
export function scanned(id: string, over: Partial<ScannedItem> = {}): ScannedItem {
  return {
    site: 'x',
    id,
    kind: 'comment',
    author: { name: 'Devon K', handle: 'devon_k' },
    text: `comment ${id}`,
    url: `https://x.com/devon_k/status/${id}`,
    thread: '1',
    createdAt: Number(id) * 1000,
    ownerReplied: false,
    ...over,
  };
}

/** That comment as the log keeps it, first seen at `seenAt`. */
export function logged(id: string, over: Partial<Item> = {}, seenAt = 2000): Item {
  return { ...mergeScanned(undefined, scanned(id), seenAt), ...over };
}

/** A page's health report where all went well: 5 comments read, 3 addressed to the owner. */
export function pageHealth(over: Partial<PageHealth> = {}): PageHealth {
  return {
    site: 'x',
    path: '/brightloop/status/1',
    at: 1000,
    expected: true,
    items: 5,
    readable: 5,
    relevant: 3,
    ownerKnown: true,
    composerFound: true,
    missing: [],
    errors: [],
    ...over,
  };
}
