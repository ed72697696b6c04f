/**
 * A team document's live revisions (CouchDB's winner and its `_conflicts`), and the one the merge
 * rule keeps: the comments' statuses (team-bridge.ts), assignments (team-assign.ts), team replies and
 * handles (team-library.ts) all resolve their conflicts this way. The losing revisions are deleted;
 * the deletions replicate, so every member ends with the same revision and none piles up.
 */
import type {} from 'pouchdb-core';
import { resolveLeaves } from '../core/team-merge';

/** A stored revision, with the revision ids of its conflicting siblings when they were asked for. */
export type Leaf<T> = T & { _id: string; _rev: string; _conflicts?: string[] };

type Db = PouchDB.Database<object>;

/** A document's live revisions: the winner PouchDB chose, then its conflicts. */
export async function leavesOf<T>(db: Db, doc: Leaf<T>): Promise<Leaf<T>[]> {
  const revs = doc._conflicts ?? [];
  const others = await Promise.all(revs.map((rev) => db.get(doc._id, { rev }) as Promise<Leaf<T>>));
  return [doc, ...others];
}

/** The deletion of a losing revision. */
export const deletionOf = (leaf: { _id: string; _rev: string }) => ({ _id: leaf._id, _rev: leaf._rev, _deleted: true });

/**
 * Keeps the revision `compare` prefers (the lowest revision id at a tie, as every member does) and
 * deletes the other live ones; null, and nothing deleted, when a revision is not the kind `is` accepts.
 */
export async function keepWinner<T>(
  db: Db,
  doc: Leaf<T>,
  compare: (a: Leaf<T>, b: Leaf<T>) => number,
  is: (leaf: Leaf<T>) => boolean = () => true,
): Promise<Leaf<T> | null> {
  const leaves = doc._conflicts?.length ? await leavesOf(db, doc) : [doc];
  if (!leaves.every(is)) return null;
  const { keep, remove } = resolveLeaves(leaves, compare);
  if (remove.length > 0) await db.bulkDocs(remove.map(deletionOf));
  return keep;
}
