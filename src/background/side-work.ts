/**
 * What follows a commit: the toolbar count, telling open tabs the new statuses and open pages that
 * the log changed, the wake alarm.
 * It runs after the answer, gathered over one turn, so a commit's answer never waits for it. A
 * worker stopped before it ran loses nothing that matters: at its next start the count is read
 * again and every tab asks again for its statuses. So that there is a next start even when nothing
 * else comes (the last action of a session, answered from the popup), an alarm is armed before the
 * answer leaves and disarmed once the tabs were told.
 */
import { attributionOf } from '../core/attribution';
import { needsAttention } from '../core/health';
import type { Attributions } from '../shared/protocol';
import type { Item, ItemStatus } from '../core/types';
import { SITE_NAMES } from '../core/types';
import type { Catalog } from './catalog';
import type { ReplylineDb } from './db';
import type { BackgroundEffects } from './effects';

/** The toolbar's count (from the catalog: counting by an index reads a second at 100,000) and its warning. */
async function refreshToolbar(db: ReplylineDb, fx: BackgroundEffects, catalog: Catalog): Promise<void> {
  const attention = (await db.getAll('health')).filter(needsAttention).map((h) => SITE_NAMES[h.site]);
  await fx.setPendingCount((await catalog.counts()).pending, attention);
}

async function rescheduleWake(db: ReplylineDb, fx: BackgroundEffects): Promise<void> {
  const cursor = await db.transaction('items').store.index('by-snooze').openCursor();
  await fx.scheduleWake(cursor?.value.snoozeUntil ?? null);
}

/** The statuses a teammate set, without those of `me` (this browser's member). */
export async function teammates(by: Attributions, me: Me): Promise<Attributions> {
  if (Object.keys(by).length === 0) return by;
  const name = await me();
  return Object.fromEntries(Object.entries(by).filter(([, a]) => a.by !== name));
}

type Me = () => Promise<string | null>;

export function createSideWork(db: ReplylineDb, fx: BackgroundEffects, catalog: Catalog, me: Me) {
  let unsent: Record<string, ItemStatus> = {};
  let unsentBy: Attributions = {};
  let countChanged = false;
  let running: Promise<void> | null = null;
  let armed: Promise<void> | null = null;

  /** Toolbar, wake alarm and tabs, until nothing is left to tell. */
  async function tellAll(): Promise<void> {
    while (countChanged || Object.keys(unsent).length > 0) {
      const statuses = unsent;
      const by = unsentBy;
      const recount = countChanged;
      unsent = {};
      unsentBy = {};
      countChanged = false;
      if (recount) {
        await refreshToolbar(db, fx, catalog);
        // A snooze set, changed or ended moves the next wake-up.
        await rescheduleWake(db, fx);
      }
      if (Object.keys(statuses).length > 0) await fx.broadcastStatuses(statuses, await teammates(by, me));
      if (recount) await fx.noteLogChanged();
    }
  }

  /** One runner at a time: what changes while it works is taken in its next round. A failure leaves the alarm armed. */
  async function run(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    try {
      await armed;
      do {
        await tellAll();
        // Told (a change meanwhile arms it again, and is told in the next round).
        armed = null;
        await fx.retellLater(false);
      } while (countChanged || Object.keys(unsent).length > 0);
    }
    catch (error) {
      armed = null;
      console.error('Replyline: after a change', error);
    }
    finally {
      running = null;
    }
  }

  return {
    pendingCount: async () => (await catalog.counts()).pending,
    refreshToolbar: () => refreshToolbar(db, fx, catalog),
    rescheduleWake: () => rescheduleWake(db, fx),
    /** Items whose status changed, and others whose (unchanged) status the tabs should hear again. */
    afterChange(changed: Item[], alsoTell: Item[] = []): void {
      if (changed.length === 0 && alsoTell.length === 0) return;
      for (const item of [...changed, ...alsoTell]) {
        unsent[item.key] = item.status;
        const attribution = attributionOf(item);
        if (attribution) unsentBy[item.key] = attribution;
        else delete unsentBy[item.key];
      }
      if (changed.length > 0) countChanged = true;
      // Synchronous, before the answer leaves: the browser holds the alarm even if this worker stops now.
      armed ??= Promise.resolve(fx.retellLater(true));
      running ??= run();
    },
    /** After an import or a clear: the catalog, the count, the pages and the alarms follow the new data. */
    async afterBulkChange(): Promise<void> {
      await catalog.rebuild();
      await refreshToolbar(db, fx, catalog);
      await fx.broadcastRefresh();
      await fx.noteLogChanged();
      await rescheduleWake(db, fx);
    },
    /** Resolves once the side work of the changes so far has run. */
    async settled(): Promise<void> {
      while (running) await running;
    },
  };
}

export type SideWork = ReturnType<typeof createSideWork>;
