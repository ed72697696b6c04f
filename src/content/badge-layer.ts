/**
 * The badges of a page: one per relevant item shown, drawn from what the log holds (the answer to
 * a report, a status the worker tells, or a resync), never from a guess of the page's.
 */
import type { ItemStatus, ScannedItem, Snippet } from '../core/types';
import { itemKey } from '../core/types';
import type { BackgroundProtocol, Req } from '../shared/protocol';
import { type Badge, createBadge } from './badge';
import type { PageContext } from './context';
import { yieldToPage } from './watcher';

/** How long badge drawing may hold the page before it yields. */
const DRAW_SLICE_MS = 8;

export interface Tracked {
  key: string;
  item: ScannedItem;
  badge: Badge | null;
}

/** Fewest tracked items before those that left the page are looked for. */
const SWEEP_FLOOR = 256;

/**
 * Items the page took away (X recycles its cells) are let go, so no removed node is kept: looked for
 * each time the tracked items double, a cost of one check per item drawn. Returns the next size to look at.
 */
function forgetRemoved(tracked: Map<Element, Tracked>, forget: (el: Element) => void): number {
  for (const el of [...tracked.keys()]) if (!el.isConnected) forget(el);
  return Math.max(SWEEP_FLOOR, 2 * tracked.size);
}

export function createBadgeLayer(ctx: PageContext, replyWith: (el: Element, snippet: Snippet) => void) {
  const tracked = new Map<Element, Tracked>();
  let sweepAt = SWEEP_FLOOR;
  const sweep = () => {
    if (tracked.size >= sweepAt) sweepAt = forgetRemoved(tracked, forget);
  };

  function apply(statuses: Record<string, ItemStatus>) {
    for (const [el, entry] of tracked) {
      const status = statuses[entry.key];
      if (!status) continue;
      if (!el.isConnected) forget(el);
      else show(el, entry, status);
    }
  }

  function show(el: Element, entry: Tracked, status: ItemStatus) {
    if (entry.badge?.host.isConnected) {
      entry.badge.update(status);
      return;
    }
    entry.badge?.destroy();
    const anchor = ctx.adapter.badgeAnchor(el);
    if (!anchor) return;
    const key = entry.key;
    // The answer is the stored item: the badge shows what was applied (send asks again when an answer is lost).
    const act = (payload: Req<BackgroundProtocol, 'items/act'>) =>
      void ctx.send('items/act', payload).then(
        (item) => item && apply({ [item.key]: item.status }),
        (e: Error) => ctx.notify(e.message, 'error'),
      );
    entry.badge = createBadge(ctx.doc, key, status, entry.item.author, {
      answer: () => act({ key, action: 'answer' }),
      dismiss: () => act({ key, action: 'dismiss' }),
      reopen: () => act({ key, action: 'reopen' }),
      snooze: (until) => act({ key, action: 'snooze', until }),
      loadSnippets: () => ctx.send('snippets/list', {}),
      replyWith: (snippet) => replyWith(el, snippet),
    });
    anchor.append(entry.badge.host);
  }

  function forget(el: Element) {
    tracked.get(el)?.badge?.destroy();
    tracked.delete(el);
  }

  return {
    /** Draws the badges of a report's items from the log's statuses, yielding to the page every few ms. */
    async draw(found: [Element, ScannedItem][], statuses: Record<string, ItemStatus>) {
      let start = performance.now();
      for (const [el, item] of found) {
        if (ctx.signal.aborted) return;
        // Each badge is a shadow root with its style: yield to the page every few milliseconds.
        if (performance.now() - start > DRAW_SLICE_MS) {
          await yieldToPage();
          start = performance.now();
        }
        const key = itemKey(item.site, item.id);
        const status = statuses[key];
        if (!status || !el.isConnected) continue;
        const entry = tracked.get(el);
        if (entry && entry.key !== key) entry.badge?.destroy();
        const next: Tracked = entry && entry.key === key ? { ...entry, item } : { key, item, badge: null };
        tracked.set(el, next);
        show(el, next, status);
      }
      sweep();
    },
    apply,
    forget,
    forgetAll() {
      for (const el of [...tracked.keys()]) forget(el);
    },
    get: (el: Element) => tracked.get(el),
    entries: () => tracked.entries(),
    /** The keys of the items badged on the page. */
    keys: () => [...new Set([...tracked.values()].map((entry) => entry.key))],
  };
}

export type BadgeLayer = ReturnType<typeof createBadgeLayer>;
