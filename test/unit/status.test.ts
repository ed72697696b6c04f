import { describe, expect, it } from 'vitest';
import {
  answer,
  answerBySnippet,
  clip,
  dismiss,
  mergeScanned,
  reopen,
  snooze,
  wake,
} from '../../src/core/status';
import type { Item, ScannedItem } from '../../src/core/types';
import { ITEM_LIMITS } from '../../src/core/types';

const scanned = (over: Partial<ScannedItem> = {}): ScannedItem => ({
  site: 'x',
  id: '42',
  kind: 'comment',
  author: { name: 'Marta Quill', handle: 'marta_codes' },
  text: 'Does it follow the system setting?',
  url: 'https://x.com/marta_codes/status/42',
  thread: '41',
  createdAt: 1_000,
  ownerReplied: false,
  ...over,
});

describe('mergeScanned', () => {
  it('starts a new item pending, ordered by the site time', () => {
    const item = mergeScanned(undefined, scanned(), 5_000);
    expect(item).toMatchObject({ key: 'x:42', status: 'pending', firstSeenAt: 5_000, sortAt: 1_000 });
  });

  it('starts answered when the owner reply is already on the page', () => {
    const item = mergeScanned(undefined, scanned({ ownerReplied: true }), 5_000);
    expect(item).toMatchObject({ status: 'answered', answeredVia: 'seen-reply', answeredAt: 5_000 });
  });

  it('orders by first sight when the site shows no time', () => {
    expect(mergeScanned(undefined, scanned({ createdAt: null }), 7_000).sortAt).toBe(7_000);
  });

  it('moves pending and snoozed items to answered when the reply is seen', () => {
    const pending = mergeScanned(undefined, scanned(), 5_000);
    expect(mergeScanned(pending, scanned({ ownerReplied: true }), 6_000).status).toBe('answered');
    const snoozed = snooze(pending, 99_000, 5_500);
    expect(mergeScanned(snoozed, scanned({ ownerReplied: true }), 6_000)).toMatchObject({
      status: 'answered',
      snoozeUntil: null,
    });
  });

  it('never turns an answered or dismissed item back to pending on a rescan', () => {
    const answered = answer(mergeScanned(undefined, scanned(), 5_000), 'manual', 5_100);
    const rescanned = mergeScanned(answered, scanned({ ownerReplied: false }), 9_000);
    expect(rescanned).toMatchObject({ status: 'answered', answeredVia: 'manual', lastSeenAt: 9_000 });
    const dismissed = dismiss(mergeScanned(undefined, scanned(), 5_000), 5_100);
    expect(mergeScanned(dismissed, scanned({ ownerReplied: true }), 9_000).status).toBe('dismissed');
  });

  it('keeps first sight and bounds stored text', () => {
    const first = mergeScanned(undefined, scanned(), 5_000);
    const long = mergeScanned(first, scanned({ text: 'x'.repeat(ITEM_LIMITS.text + 500) }), 6_000);
    expect(long.firstSeenAt).toBe(5_000);
    expect(Array.from(long.text)).toHaveLength(ITEM_LIMITS.text);
    expect(long.text.endsWith('…')).toBe(true);
  });
});

describe('user actions', () => {
  const base: Item = mergeScanned(undefined, scanned(), 5_000);

  it('answer is idempotent and keeps the first answer time', () => {
    const once = answer(base, 'snippet', 6_000);
    expect(answer(once, 'manual', 7_000)).toBe(once);
  });

  it('snooze needs a time in the future and wakes back to pending', () => {
    expect(() => snooze(base, 4_000, 5_000)).toThrow(RangeError);
    const snoozed = snooze(base, 10_000, 5_000);
    expect(wake(snoozed, 9_999)).toBe(snoozed);
    expect(wake(snoozed, 10_000)).toMatchObject({ status: 'pending', snoozeUntil: null });
  });

  it('reopen brings any item back to pending and clears how it was answered', () => {
    const reopened = reopen(answer(base, 'snippet', 6_000), 8_000);
    expect(reopened).toMatchObject({
      status: 'pending',
      answeredAt: null,
      answeredVia: null,
      statusAt: 8_000,
    });
  });

  it('a sent snippet answers, and claims a reply seen moments before as its own', () => {
    expect(answerBySnippet(base, 6_000)).toMatchObject({
      status: 'answered',
      answeredVia: 'snippet',
      answeredAt: 6_000,
    });
    const seen = answer(base, 'seen-reply', 6_000);
    expect(answerBySnippet(seen, 7_000)).toMatchObject({ answeredVia: 'snippet', answeredAt: 6_000 });
    // A reply seen long before, or an answer the user marked, stays as it was.
    expect(answerBySnippet(seen, 6_000 + 10 * 60_000)).toBe(seen);
    const manual = answer(base, 'manual', 6_000);
    expect(answerBySnippet(manual, 7_000)).toBe(manual);
    const dismissed = dismiss(base, 6_000);
    expect(answerBySnippet(dismissed, 7_000)).toBe(dismissed);
  });

  it('clip counts characters, not UTF-16 units', () => {
    expect(clip('👋👋👋', 2)).toBe('👋…');
    expect(clip('short', 10)).toBe('short');
  });
});
