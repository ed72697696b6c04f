/** The item log: what pages report, what the user does to items, and each site's health. */
import { attributionOf } from '../core/attribution';
import { needsAttention } from '../core/health';
import { t } from '../core/i18n';
import { answer, answerBySnippet, dismiss, mergeScanned, reopen, snooze, wake, worthWriting } from '../core/status';
import type { TeamItem } from '../core/team-doc';
import type { Item, ItemStatus, ScannedItem, SiteId } from '../core/types';
import { itemKey } from '../core/types';
import type { Attributions, ItemAction, ReportResult } from '../shared/protocol';
import { scannedItem } from '../shared/protocol-checks';
import { teammates } from './side-work';
import { changesEntry } from './catalog-entry';
import type { ItemsWrite } from './catalog';
import type { HandlerGroup, WorkerContext } from './worker-context';

function applyAction(item: Item, action: ItemAction, now: number): Item {
  switch (action.action) {
    case 'answer':
      return answer(item, 'manual', now);
    case 'dismiss':
      return dismiss(item, now);
    case 'reopen':
      return reopen(item, now);
    case 'snooze':
      return snooze(item, action.until, now);
  }
}

/** A status this browser's user set is their own: a teammate's name on the former one goes (core/attribution.ts). */
function asOwn(before: Item, next: Item): Item {
  return next === before ? next : withoutBy(next);
}

function withoutBy<T extends Item>(item: T): T {
  if (!('by' in item)) return item;
  const own = { ...item } as T & TeamItem;
  delete own.by;
  return own;
}

type ItemMessages =
  | 'items/report' | 'items/statuses' | 'items/act' | 'items/actMany' | 'items/sent' | 'items/get'
  | 'site/health' | 'health/list';

/** A transaction that writes items, and the catalog's journal (and head) with them (catalog.ts). */
const writeItems = ({ db }: WorkerContext): ItemsWrite => db.transaction(['items', 'journal', 'catalog'], 'readwrite');

/**
 * Applies a user's action to one item. Idempotent: the same action again changes nothing, and its
 * result is told to every tab all the same, so an action retried after a lost answer still
 * reaches the badges.
 */
async function updateItem(
  ctx: WorkerContext,
  key: string,
  change: (item: Item, now: number) => Item,
): Promise<Item | null> {
  const { fx, side, catalog } = ctx;
  const tx = writeItems(ctx);
  const item = await tx.objectStore('items').get(key);
  if (!item) {
    await tx.done;
    return null;
  }
  const next = asOwn(item, change(item, fx.now()));
  if (next !== item) {
    await Promise.all([tx.objectStore('items').put(next), catalog.note(tx, changesEntry(item, next) ? [next] : [])]);
  }
  await tx.done;
  if (next !== item) side.afterChange([next]);
  else side.afterChange([], [next]);
  return next;
}

/** Stores what a page found. Each item is checked on its own: one that fails costs that item, not the report. */
async function report(ctx: WorkerContext, site: SiteId, items: ScannedItem[]): Promise<ReportResult> {
  const { fx, side, catalog } = ctx;
  const now = fx.now();
  const valid = items.filter((scanned) => scannedItem(scanned) && scanned.site === site);
  const tx = writeItems(ctx);
  const store = tx.objectStore('items');
  const changed: Item[] = [];
  const statuses: Record<string, ItemStatus> = {};
  const by: Attributions = {};
  // Reads first, all at once, then the writes: one round trip each instead of one per item.
  const keys = valid.map((scanned) => itemKey(site, scanned.id));
  const existing = await Promise.all(keys.map((key) => store.get(key)));
  const merged = new Map<string, Item>();
  const entryChanged = new Set<string>();
  valid.forEach((scanned, i) => {
    const key = keys[i]!;
    const before = merged.get(key) ?? existing[i];
    const next = mergeScanned(before, scanned, now);
    merged.set(key, next);
    statuses[key] = next.status;
    const attribution = attributionOf(next);
    if (attribution) by[key] = attribution;
    else delete by[key];
    if (!before || before.status !== next.status) changed.push(next);
    if (changesEntry(before, next)) entryChanged.add(key);
  });
  const noted = [...entryChanged].map((key) => merged.get(key)!);
  const written = keys.flatMap((key, i) => (worthWriting(existing[i], merged.get(key)!) ? [merged.get(key)!] : []));
  await Promise.all([...[...new Set(written)].map((item) => store.put(item)), catalog.note(tx, noted)]);
  await tx.done;
  side.afterChange(changed);
  ctx.team.afterReport([...merged.values()]);
  const me = async () => (await ctx.team.status()).team?.name ?? null;
  return { statuses, by: await teammates(by, me), refused: items.length - valid.length };
}

/** One action on many items, in one transaction; the number changed. */
async function actOnMany(ctx: WorkerContext, keys: string[], action: ItemAction): Promise<number> {
  const { fx, side, catalog } = ctx;
  const now = fx.now();
  if (action.action === 'snooze' && action.until <= now) throw new RangeError(t('snoozeInPast'));
  const tx = writeItems(ctx);
  const store = tx.objectStore('items');
  const changed: Item[] = [];
  const unchanged: Item[] = [];
  // Reads first, all at once, then the writes: one round trip each instead of one per item.
  const found = await Promise.all([...new Set(keys)].map((key) => store.get(key)));
  for (const item of found) {
    if (!item) continue;
    const next = asOwn(item, applyAction(item, action, now));
    if (next === item) unchanged.push(next);
    else changed.push(next);
  }
  await Promise.all([...changed.map((item) => store.put(item)), catalog.note(tx, changed)]);
  await tx.done;
  side.afterChange(changed, unchanged);
  return changed.length;
}

/** Snoozed items whose time has come go back to pending. */
export async function wakeDue(ctx: WorkerContext): Promise<Item[]> {
  const { fx, side, catalog } = ctx;
  const now = fx.now();
  const tx = writeItems(ctx);
  const woken: Item[] = [];
  let cursor = await tx.objectStore('items').index('by-snooze').openCursor(IDBKeyRange.upperBound(now));
  while (cursor) {
    const next = wake(cursor.value, now);
    if (next !== cursor.value) {
      await cursor.update(next);
      woken.push(next);
    }
    cursor = await cursor.continue();
  }
  await catalog.note(tx, woken);
  await tx.done;
  side.afterChange(woken);
  await side.rescheduleWake();
  return woken;
}

/** An item as pages and the popup get it: `by` only when a teammate set its status (not this browser's member). */
export async function asShown<T extends Item | null | undefined>(ctx: WorkerContext, item: T): Promise<T> {
  if (!item || !('by' in item)) return item;
  const me = (await ctx.team.status()).team?.name ?? null;
  return (item as TeamItem).by === me ? withoutBy(item) : item;
}

export function itemHandlers(ctx: WorkerContext): HandlerGroup<ItemMessages> {
  const { db, side } = ctx;
  return {
    'items/report': ({ site, items }) => report(ctx, site, items),

    async 'items/statuses'({ keys }) {
      const tx = db.transaction('items');
      const found = await Promise.all(keys.map((key) => tx.store.get(key)));
      await tx.done;
      return Object.fromEntries(found.flatMap((item) => (item ? [[item.key, item.status]] : [])));
    },

    async 'items/act'(req) {
      await ctx.team.beforeActions([req.key], req);
      return asShown(ctx, await updateItem(ctx, req.key, (item, now) => applyAction(item, req, now)));
    },
    async 'items/actMany'({ keys, ...action }) {
      await ctx.team.beforeActions(keys, action);
      return actOnMany(ctx, keys, action);
    },
    async 'items/sent'({ key }) {
      await ctx.team.beforeActions([key], { action: 'snippet' });
      return asShown(ctx, await updateItem(ctx, key, answerBySnippet));
    },
    'items/get': async ({ key }) => asShown(ctx, (await db.get('items', key)) ?? null),

    async 'site/health'(health) {
      // The router takes this from content scripts on supported sites only (BACKGROUND_MESSAGES).
      const before = await db.get('health', health.site);
      await db.put('health', health);
      if (needsAttention(before) !== needsAttention(health)) await side.refreshToolbar();
      return null;
    },

    async 'health/list'() {
      const all = await db.getAll('health');
      return Object.fromEntries(all.map((h) => [h.site, h]));
    },
  };
}
