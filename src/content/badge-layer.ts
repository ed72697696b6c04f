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
import { type PageContext, whenIdle } from './context';

/**
 * How long one task of badge drawing may take. Every task that adds badges is followed by a frame
 * the page renders, and on a page of thousands of items that frame takes hundreds of ms whatever
 * the number of badges added: so the badges waiting are drawn many at once, when our other work is
 * done, within a task that stays well under 50 ms.
 */
const DRAW_BUDGET_MS = 20;

/** A badge waiting to be drawn: its status, and who of the team set it (undefined: as it was). */
interface Shown {
  status: ItemStatus;
  by: Attribution | null | undefined;
}

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

/**
 * Badges waiting to be drawn, with the status each shows: drawn when our other work is done, as many
 * as DRAW_BUDGET_MS allows per task. `done` resolves once none waits.
 */
function drawQueue(ctx: PageContext, show: (el: Element, status: ItemStatus, by: Shown['by']) => void) {
  const waiting = new Map<Element, Shown>();
  let scheduled = false;
  const settled: (() => void)[] = [];
  const schedule = () => {
    if (scheduled || ctx.signal.aborted) return;
    scheduled = true;
    whenIdle(ctx.win, ctx.signal, () => {
      scheduled = false;
      drawSome();
    });
  };
  function drawSome() {
    const start = performance.now();
    for (const [el, { status, by }] of waiting) {
      if (performance.now() - start > DRAW_BUDGET_MS) break;
      waiting.delete(el);
      show(el, status, by);
    }
    if (waiting.size > 0) return schedule();
    for (const resolve of settled.splice(0)) resolve();
  }
  ctx.signal.addEventListener('abort', () => settled.splice(0).forEach((resolve) => resolve()), { once: true });
  return {
    add(el: Element, status: ItemStatus, by: Attribution | null) {
      waiting.set(el, { status, by });
      schedule();
    },
    /** A newer status for a badge still waiting. */
    update(el: Element, status: ItemStatus, by: Attribution | null | undefined): boolean {
      const before = waiting.get(el);
      if (!before) return false;
      waiting.set(el, { status, by: by === undefined ? before.by : by });
      return true;
    },
    drop: (el: Element) => waiting.delete(el),
    done: () =>
      waiting.size === 0 || ctx.signal.aborted ? Promise.resolve() : new Promise<void>((r) => settled.push(r)),
  };
}

export function createBadgeLayer(ctx: PageContext, replyWith: (el: Element, snippet: Snippet) => void) {
  const tracked = new Map<Element, Tracked>();
  const byKey = keyIndex();
  let sweepAt = SWEEP_FLOOR;
  const sweep = () => {
    if (tracked.size >= sweepAt) sweepAt = forgetRemoved(tracked, forget);
  };
  const queue = drawQueue(ctx, (el, status, by) => {
    const entry = tracked.get(el);
    if (entry && el.isConnected) show(el, entry, status, by);
  });

  /** Statuses the log holds, and who set them (content/statuses): the badges of those keys follow. */
  function apply(statuses: Record<string, ItemStatus>, by?: Attributions) {
    for (const [key, status] of Object.entries(statuses)) {
      // A message without attributions (a resync) leaves the one shown as it is.
      const who = by ? (by[key] ?? null) : undefined;
      for (const el of byKey.get(key)) {
        const entry = tracked.get(el);
        if (!entry) continue;
        if (!el.isConnected) forget(el);
        else if (!queue.update(el, status, who)) show(el, entry, status, who);
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
