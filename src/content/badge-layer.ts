/**
 * The badges of a page: one per relevant item shown, drawn from what the log holds (the answer to
 * a report, a status the worker tells, or a resync), never from a guess of the page's.
 */
import type { ItemStatus, Person, ScannedItem, Snippet } from '../core/types';
import { itemKey } from '../core/types';
import { type Attribution, attributionOf } from '../core/attribution';
import type { Attributions, BackgroundProtocol, Req } from '../shared/protocol';
import { type Badge, type BadgeActions, createBadge } from './badge';
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

/** The elements tracked under each key: a status told reaches its own badges, not every badge of the page. */
function keyIndex() {
  const byKey = new Map<string, Set<Element>>();
  return {
    add(key: string, el: Element) {
      let els = byKey.get(key);
      if (!els) byKey.set(key, (els = new Set()));
      els.add(el);
    },
    remove(key: string, el: Element) {
      const els = byKey.get(key);
      els?.delete(el);
      if (els?.size === 0) byKey.delete(key);
    },
    /** A copy: what is looked at may be forgotten on the way. */
    get: (key: string): Element[] => [...(byKey.get(key) ?? [])],
    keys: () => [...byKey.keys()],
  };
}

/** `each` over `list`, yielding to the page when a slice of DRAW_SLICE_MS is used up; stops when `signal` aborts. */
async function inSlices<T>(list: T[], signal: AbortSignal, each: (value: T) => void) {
  let start = performance.now();
  for (const value of list) {
    if (signal.aborted) return;
    if (performance.now() - start > DRAW_SLICE_MS) {
      await yieldToPage();
      start = performance.now();
    }
    each(value);
  }
}

/** Who of the team set a stored item's status, as a status message says it. */
export function byOf(item: Parameters<typeof attributionOf>[0] & { key: string }): Attributions {
  const attribution = attributionOf(item);
  return attribution ? { [item.key]: attribution } : {};
}

/** One item's badge: its actions go to the worker, and the stored answer is what the badges show. */
function badgeFor(
  ctx: PageContext,
  key: string,
  status: ItemStatus,
  by: Attribution | null,
  author: Person,
  to: { applied: BadgeLayer['apply']; replyWith: (snippet: Snippet) => void },
): Badge {
  // The answer is the stored item: the badge shows what was applied (send asks again when an answer is lost).
  const act = (payload: Req<BackgroundProtocol, 'items/act'>) =>
    void ctx.send('items/act', payload).then(
      (item) => item && to.applied({ [item.key]: item.status }, byOf(item)),
      (e: Error) => ctx.notify(e.message, 'error'),
    );
  const actions: BadgeActions = {
    answer: () => act({ key, action: 'answer' }),
    dismiss: () => act({ key, action: 'dismiss' }),
    reopen: () => act({ key, action: 'reopen' }),
    snooze: (until) => act({ key, action: 'snooze', until }),
    loadSnippets: () => ctx.send('snippets/list', {}),
    replyWith: to.replyWith,
  };
  return createBadge(ctx.doc, key, status, author, actions, by);
}

export function createBadgeLayer(ctx: PageContext, replyWith: (el: Element, snippet: Snippet) => void) {
  const tracked = new Map<Element, Tracked>();
  const byKey = keyIndex();
  let sweepAt = SWEEP_FLOOR;
  const sweep = () => {
    if (tracked.size >= sweepAt) sweepAt = forgetRemoved(tracked, forget);
  };

  function track(el: Element, entry: Tracked) {
    const before = tracked.get(el);
    if (before && before.key !== entry.key) byKey.remove(before.key, el);
    tracked.set(el, entry);
    byKey.add(entry.key, el);
  }

  /** Statuses the log holds, and who set them (content/statuses): the badges of those keys follow. */
  function apply(statuses: Record<string, ItemStatus>, by?: Attributions) {
    for (const key of Object.keys(statuses)) {
      const status = statuses[key];
      if (!status) continue;
      for (const el of byKey.get(key)) {
        const entry = tracked.get(el);
        if (!entry) continue;
        if (!el.isConnected) forget(el);
        else show(el, entry, status, by ? (by[key] ?? null) : undefined);
      }
    }
  }

  function show(el: Element, entry: Tracked, status: ItemStatus, by: Attribution | null | undefined) {
    if (entry.badge?.host.isConnected) {
      entry.badge.update(status, by);
      return;
    }
    entry.badge?.destroy();
    const anchor = ctx.adapter.badgeAnchor(el);
    if (!anchor) return;
    entry.badge = badgeFor(ctx, entry.key, status, by ?? null, entry.item.author, {
      applied: apply,
      replyWith: (snippet) => replyWith(el, snippet),
    });
    anchor.append(entry.badge.host);
  }

  function forget(el: Element) {
    const entry = tracked.get(el);
    if (!entry) return;
    entry.badge?.destroy();
    tracked.delete(el);
    byKey.remove(entry.key, el);
  }

  return {
    /** Draws the badges of a report's items from the log's statuses, yielding to the page every few ms. */
    async draw(found: [Element, ScannedItem][], statuses: Record<string, ItemStatus>, by: Attributions = {}) {
      // Each badge is a shadow root with its style: the page gets its turn every few milliseconds.
      await inSlices(found, ctx.signal, ([el, item]) => {
        const key = itemKey(item.site, item.id);
        const status = statuses[key];
        if (!status || !el.isConnected) return;
        const entry = tracked.get(el);
        if (entry && entry.key !== key) entry.badge?.destroy();
        const next: Tracked = entry && entry.key === key ? { ...entry, item } : { key, item, badge: null };
        track(el, next);
        show(el, next, status, by[key] ?? null);
      });
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
    keys: () => byKey.keys(),
  };
}

export type BadgeLayer = ReturnType<typeof createBadgeLayer>;
