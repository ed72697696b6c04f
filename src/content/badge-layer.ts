/**
 * The badges of a page: one per relevant item shown, drawn from what the log holds (the answer to
 * a report, a status the worker tells, or a resync), never from a guess of the page's.
 */
import type { TeamItem } from '../core/team-doc';
import type { ItemStatus, Person, ScannedItem, Snippet } from '../core/types';
import { itemKey } from '../core/types';
import { type Attribution, attributionOf } from '../core/attribution';
import type { Attributions, BackgroundProtocol, Req } from '../shared/protocol';
import { type Badge, type BadgeActions, createBadge } from './badge';
import type { PageContext } from './context';
import { type DrawSteps, drawQueue } from './badge-queue';

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
    loadAssign: async () => {
      const [team, item] = await Promise.all([ctx.send('team/members', {}), ctx.send('items/get', { key })]);
      if (!team.me || !item) return { members: [], me: null, assignee: null };
      return { members: team.members, me: team.me, assignee: (item as TeamItem).assignee ?? null };
    },
    assign: (who) => void ctx.send('items/assign', { key, to: who }).catch((e: Error) => ctx.notify(e.message, 'error')),
  };
  return createBadge(ctx.doc, key, status, author, actions, by);
}

type ReplyWith = (el: Element, snippet: Snippet) => void;
type MakeBadge = (el: Element, entry: Tracked, status: ItemStatus, by: Attribution | null) => Badge;

/** The two steps of drawing a tracked item's badge: made off the page where it goes, then put there. */
function drawSteps(ctx: PageContext, tracked: Map<Element, Tracked>, makeBadge: MakeBadge): DrawSteps {
  /** Where each prepared badge goes, found when it was made. */
  const anchors = new WeakMap<Element, Element>();
  return {
    prepare(el, status, by) {
      const entry = tracked.get(el);
      if (!entry || !el.isConnected) return false;
      if (entry.badge?.host.isConnected) {
        entry.badge.update(status, by);
        return false;
      }
      const anchor = ctx.adapter.badgeAnchor(el);
      if (!anchor) return false;
      anchors.set(el, anchor);
      if (entry.badge) entry.badge.update(status, by);
      else entry.badge = makeBadge(el, entry, status, by ?? null);
      return true;
    },
    attach(el) {
      const badge = tracked.get(el)?.badge;
      const anchor = anchors.get(el);
      if (!badge || badge.host.isConnected || !anchor || !el.isConnected) return;
      // The page may have put the item's header anew since the badge was made.
      (anchor.isConnected && el.contains(anchor) ? anchor : ctx.adapter.badgeAnchor(el))?.append(badge.host);
    },
  };
}

/** `moreComing`: whether answers that will draw more badges are on their way (reports not answered yet). */
export function createBadgeLayer(ctx: PageContext, replyWith: ReplyWith, moreComing = () => false) {
  const tracked = new Map<Element, Tracked>();
  const byKey = keyIndex();
  let sweepAt = SWEEP_FLOOR;
  const sweep = () => void (tracked.size >= sweepAt && (sweepAt = forgetRemoved(tracked, forget)));
  const queue = drawQueue(ctx, moreComing, drawSteps(ctx, tracked, (el, entry, status, by) =>
    badgeFor(ctx, entry.key, status, by, entry.item.author, {
      applied: apply,
      replyWith: (snippet) => replyWith(el, snippet),
    })));

  /** Statuses the log holds, and who set them (content/statuses): the badges of those keys follow. */
  function apply(statuses: Record<string, ItemStatus>, by?: Attributions) {
    for (const [key, status] of Object.entries(statuses)) {
      // A message without attributions (a resync) leaves the one shown as it is.
      const who = by ? (by[key] ?? null) : undefined;
      for (const el of byKey.get(key)) {
        const entry = tracked.get(el);
        if (!entry) continue;
        if (!el.isConnected) forget(el);
        else if (entry.badge?.host.isConnected) entry.badge.update(status, who);
        else if (!queue.update(el, status, who)) {
          queue.add(el, status, who);
          queue.ready();
        }
      }
    }
  }

  function forget(el: Element) {
    const entry = tracked.get(el);
    if (!entry) return;
    entry.badge?.destroy();
    queue.drop(el);
    tracked.delete(el);
    byKey.remove(entry.key, el);
  }

  return {
    /** The badges of a report's items, from the log's statuses: drawn with the others waiting (resolves once drawn). */
    draw(found: [Element, ScannedItem][], statuses: Record<string, ItemStatus>, by: Attributions = {}): Promise<void> {
      for (const [el, item] of found) {
        const key = itemKey(item.site, item.id);
        const status = statuses[key];
        if (!status || !el.isConnected) continue;
        const entry = tracked.get(el);
        if (entry && entry.key !== key) {
          entry.badge?.destroy();
          byKey.remove(entry.key, el);
        }
        tracked.set(el, entry && entry.key === key ? { ...entry, item } : { key, item, badge: null });
        byKey.add(key, el);
        queue.add(el, status, by[key] ?? null);
      }
      queue.ready();
      sweep();
      return queue.done();
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
