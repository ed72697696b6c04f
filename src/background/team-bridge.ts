/**
 * How the team's copy in this browser (PouchDB, replicated with the server) and the log (idb, which
 * the popup, badges and stats read) are kept in step (issue 16):
 *
 * - Out: a user's action is written to the team's copy first, then to the log (items.ts). What pages
 *   report is written to the log, then to the team's copy (afterReport): a comment seen, or its
 *   owner's reply seen.
 * - In: every change of the team's copy (a teammate's, replicated, or this browser's own) is read
 *   from PouchDB's changes feed from a checkpoint kept in the copy (`_local/replyline-bridge`),
 *   conflicts resolved by the merge rule (losing revisions deleted), and the winner applied to the
 *   log. The checkpoint moves only once the log's transaction is done: a worker stopped in between
 *   applies the same changes again, which changes nothing the second time.
 */
import type {} from 'pouchdb-browser';
import { changesNothing, factsOf, itemDocId, keyOfDocId, type LocalAction, seenState, stateOf, applyTeamState, type TeamItem, type TeamItemDoc } from '../core/team-doc';
import { compareStates, type TeamState } from '../core/team-merge';
import type { Item } from '../core/types';
import { changesEntry } from './catalog-entry';
import { keepWinner, type Leaf } from './team-leaves';
import type { WorkerContext } from './worker-context';

export type TeamDb = PouchDB.Database<Omit<TeamItemDoc, '_id' | '_rev'>>;
type Stored = PouchDB.Core.ExistingDocument<Omit<TeamItemDoc, '_id' | '_rev'>>;

const CHECKPOINT = '_local/replyline-bridge';
const BATCH = 500;

async function readLocal<T extends object>(db: TeamDb, id: string): Promise<(T & { _rev?: string }) | null> {
  try {
    return (await db.get(id)) as unknown as T & { _rev?: string };
  }
  catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/** Writes a `_local` document (not replicated): the checkpoint, the team's address. */
export async function writeLocal(db: TeamDb, id: string, body: object): Promise<void> {
  const existing = await readLocal(db, id);
  await db.put({ ...body, _id: id, ...(existing?._rev ? { _rev: existing._rev } : {}) } as never);
}

export { readLocal };

/** Keeps the winner by the rule and deletes the other live revisions (they replicate as deletions). */
async function resolveConflicts(db: TeamDb, doc: Leaf<Stored>): Promise<Stored> {
  return (await keepWinner(db, doc, (a, b) => compareStates(a.state, b.state)))!;
}

/** Applies the team's registers to the log, in one transaction; the items whose status changed are told. */
async function applyToLog(ctx: WorkerContext, docs: Map<string, Stored>): Promise<void> {
  const { db, fx, side, catalog } = ctx;
  const now = fx.now();
  const tx = db.transaction(['items', 'journal', 'catalog'], 'readwrite');
  const store = tx.objectStore('items');
  const keys = [...docs.keys()];
  const found = (await Promise.all(keys.map((key) => store.get(key)))) as (TeamItem | undefined)[];
  const changed: Item[] = [];
  const noted: Item[] = [];
  keys.forEach((key, i) => {
    const before = found[i];
    const next = applyTeamState(before, docs.get(key)!, key, now);
    if (before && next === before) return;
    changed.push(next);
    if (changesEntry(before, next)) noted.push(next);
  });
  await Promise.all([...changed.map((item) => store.put(item)), catalog.note(tx, noted)]);
  await tx.done;
  side.afterChange(changed);
}

/** Writes registers that win over what the team's copy holds; a revision changed meanwhile is read again. */
async function writeStates(
  db: TeamDb | null,
  items: readonly Item[],
  stateFor: (item: Item) => TeamState,
): Promise<void> {
  if (!db || items.length === 0) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows = (await db.allDocs({ keys: items.map((item) => itemDocId(item.key)), include_docs: true })).rows;
    const writes = items.flatMap((item, i) => {
      const row = rows[i] as { doc?: Stored | null; value?: { deleted?: boolean } } | undefined;
      const existing = row?.doc && !row.value?.deleted ? row.doc : null;
      const state = stateFor(item);
      if (existing ? compareStates(state, existing.state) <= 0 : false) return [];
      if (!existing && state.action === 'none' && attempt > 0) return [];
      const rev = existing ? { _rev: existing._rev } : {};
      return [{ _id: itemDocId(item.key), ...rev, facts: existing?.facts ?? factsOf(item), state }];
    });
    if (writes.length === 0) return;
    const results = await db.bulkDocs(writes as never[]);
    const retry = new Set(results.flatMap((r) => ('error' in r && r.status === 409 ? [r.id] : [])));
    items = items.filter((item) => retry.has(itemDocId(item.key)));
    if (items.length === 0) return;
  }
}

/** Team documents other than the log's (replies, handles: team-library.ts), as the changes feed gives them. */
export type OtherDocs = (db: TeamDb, docs: readonly object[]) => Promise<void>;
type Who = () => string | null;

export function createBridge(ctx: WorkerContext, local: () => TeamDb | null, member: Who, others?: OtherDocs) {
  let running: Promise<void> | null = null;
  let again = false;

  /** One batch of changes from the checkpoint; whether more may follow. */
  async function applyBatch(db: TeamDb): Promise<boolean> {
    const since = (await readLocal<{ seq: number | string }>(db, CHECKPOINT))?.seq ?? 0;
    const changes = await db.changes({ since, include_docs: true, conflicts: true, limit: BATCH });
    const docs = new Map<string, Stored>();
    const other: object[] = [];
    for (const change of changes.results) {
      if (!change.doc || change.deleted) continue;
      const key = keyOfDocId(change.id);
      if (!key) other.push(change.doc);
      else docs.set(key, await resolveConflicts(db, change.doc as Leaf<Stored>));
    }
    if (docs.size > 0) await applyToLog(ctx, docs);
    if (other.length > 0) await others?.(db, other);
    await writeLocal(db, CHECKPOINT, { seq: changes.last_seq });
    return changes.results.length === BATCH;
  }

  /** Brings the log up to the team's copy; one run at a time, and once more if asked meanwhile. */
  function catchUp(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const db = local();
          if (!db) return;
          while (await applyBatch(db));
        } while (again);
      }
      finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    catchUp,
    /** A user's action, before the log is written. */
    async recordActions(keys: readonly string[], action: LocalAction): Promise<void> {
      const name = member();
      if (!name) return;
      const at = ctx.fx.now();
      if (action.action === 'snooze' && action.until <= at) return;
      const found = await Promise.all([...new Set(keys)].map((key) => ctx.db.get('items', key)));
      const acted = found.filter((item): item is Item => !!item && !changesNothing(item, action));
      await writeStates(local(), acted, () => stateOf(action, name, at));
    },
    /** What pages showed: comments the team's copy lacks, and owners' replies seen. */
    async recordSeen(items: readonly Item[]): Promise<void> {
      const name = member();
      if (!name) return;
      await writeStates(local(), items, (item) => seenState(item, name));
    },
    /** On joining: the log's own actions and comments, those the team's copy does not know better. */
    async recordAll(stateFor: (item: TeamItem) => TeamState): Promise<number> {
      let count = 0;
      let last: string | undefined;
      for (;;) {
        const range = last === undefined ? undefined : IDBKeyRange.lowerBound(last, true);
        const page = (await ctx.db.getAll('items', range, BATCH)) as TeamItem[];
        if (page.length === 0) return count;
        await writeStates(local(), page, stateFor);
        count += page.length;
        last = page[page.length - 1]!.key;
      }
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;
