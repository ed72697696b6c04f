import { t } from './i18n';
import type { AnsweredVia, Item, ScannedItem } from './types';
import { ITEM_LIMITS, itemKey } from './types';

/** Page text is kept bounded: the log stores excerpts, not whole threads. */
export function clip(text: string, max: number): string {
  // Cheap for the common case; code points are counted only when the text may be over.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** What the log keeps of what a page shows (ITEM_LIMITS). */
type Excerpted = { author: { name: string; handle: string }; text: string; url: string };

export function clipFacts<T extends Excerpted>(facts: T): T {
  return {
    ...facts,
    author: { name: clip(facts.author.name, ITEM_LIMITS.name), handle: clip(facts.author.handle, ITEM_LIMITS.name) },
    text: clip(facts.text, ITEM_LIMITS.text),
    url: clip(facts.url, ITEM_LIMITS.url),
  };
}

/**
 * Folds what a page showed into the log. Status only moves forward on its own:
 * a new item starts pending (or answered when the owner's reply is already there),
 * a pending or snoozed item becomes answered when the owner's reply is seen,
 * and nothing a page shows turns an answered or dismissed item back to pending.
 */
export function mergeScanned(existing: Item | undefined, scanned: ScannedItem, now: number): Item {
  const clipped = clipFacts(scanned);
  const fresh = {
    kind: scanned.kind,
    author: clipped.author,
    text: clipped.text,
    url: clipped.url,
    thread: scanned.thread,
  };
  if (!existing) {
    const createdAt = scanned.createdAt;
    const answered = scanned.ownerReplied;
    return {
      key: itemKey(scanned.site, scanned.id),
      site: scanned.site,
      id: scanned.id,
      ...fresh,
      createdAt,
      firstSeenAt: now,
      lastSeenAt: now,
      sortAt: createdAt ?? now,
      status: answered ? 'answered' : 'pending',
      answeredAt: answered ? now : null,
      answeredVia: answered ? 'seen-reply' : null,
      snoozeUntil: null,
      statusAt: now,
    };
  }
  const createdAt = existing.createdAt ?? scanned.createdAt;
  const merged: Item = {
    ...existing,
    ...fresh,
    // A mention seen first on the notifications page keeps "mention" once the thread shows more.
    kind: existing.kind === 'mention' && scanned.kind !== 'mention' ? scanned.kind : existing.kind,
    createdAt,
    sortAt: createdAt ?? existing.firstSeenAt,
    lastSeenAt: now,
  };
  if (scanned.ownerReplied && (existing.status === 'pending' || existing.status === 'snoozed')) {
    return answer(merged, 'seen-reply', now);
  }
  return merged;
}

/** How stale an item's lastSeenAt may be before seeing it again is written for that alone. */
export const SEEN_STEP_MS = 3_600_000;

/**
 * Whether `next` (a page's new reading merged into `before`) needs writing: something of it changed
 * other than lastSeenAt, or that is SEEN_STEP_MS old. A revisited page of thousands of comments
 * writes nothing that changed nothing.
 */
export function worthWriting(before: Item | undefined, next: Item): boolean {
  if (!before || next.lastSeenAt - before.lastSeenAt >= SEEN_STEP_MS) return true;
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
  for (const key of keys) {
    if (key === 'lastSeenAt') continue;
    const [a, b] = [before[key as keyof Item], next[key as keyof Item]];
    if (a === b) continue;
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return true;
    if (JSON.stringify(a) !== JSON.stringify(b)) return true;
  }
  return false;
}

export function answer(item: Item, via: AnsweredVia, now: number): Item {
  if (item.status === 'answered') return item;
  return { ...item, status: 'answered', answeredAt: now, answeredVia: via, snoozeUntil: null, statusAt: now };
}

export function dismiss(item: Item, now: number): Item {
  if (item.status === 'dismissed') return item;
  return { ...item, status: 'dismissed', snoozeUntil: null, statusAt: now };
}

export function snooze(item: Item, until: number, now: number): Item {
  if (until <= now) throw new RangeError(t('snoozeInPast'));
  return { ...item, status: 'snoozed', snoozeUntil: until, statusAt: now };
}

/** Only the user reopens: back to pending, whatever the item was. */
export function reopen(item: Item, now: number): Item {
  return {
    ...item,
    status: 'pending',
    answeredAt: null,
    answeredVia: null,
    snoozeUntil: null,
    statusAt: now,
  };
}

/** A snoozed item whose time has come is pending again. */
export function wake(item: Item, now: number): Item {
  if (item.status !== 'snoozed' || item.snoozeUntil === null || item.snoozeUntil > now) return item;
  return { ...item, status: 'pending', snoozeUntil: null, statusAt: now };
}

/** How long after the owner's reply was seen a detected send still claims it as the snippet's. */
export const SENT_REPLY_WINDOW = 2 * 60_000;

/**
 * A reply sent from a snippet answers the item. The page may show the sent reply (answering it
 * as "seen") a moment before the send is confirmed: that reply was the snippet.
 */
export function answerBySnippet(item: Item, now: number): Item {
  if (item.status === 'pending' || item.status === 'snoozed') return answer(item, 'snippet', now);
  if (
    item.status === 'answered'
    && item.answeredVia === 'seen-reply'
    && item.answeredAt !== null
    && now - item.answeredAt <= SENT_REPLY_WINDOW
  ) {
    return { ...item, answeredVia: 'snippet' };
  }
  return item;
}
