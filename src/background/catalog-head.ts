/**
 * The head of the list a popup opens on (the waiting comments, oldest first, grouped), stored: its
 * first rows, with the counts. A worker just started (Chrome stops an idle one) answers a popup's
 * first page from it at once, while it reads the whole catalog. It is only ever current: every
 * write that changes an entry deletes it in the same transaction, and the worker writes it again
 * from memory once the writes have paused.
 */
import { DEFAULT_FILTER } from '../core/triage';
import type { ItemPage, ItemQuery, PageRow } from '../shared/protocol';
import type { Entries } from './catalog-memory';
import { queryId } from './catalog-view';
import type { ReplylineDb } from './db';

/** The query a popup asks first. */
export const HEAD_QUERY: ItemQuery = { ...DEFAULT_FILTER, grouped: true };
/** Rows kept: a popup's first page and more. */
const HEAD_ROWS = 60;

/** A row of the list as a page has it, a comment by its key alone. */
export type HeadRow = Extract<PageRow, { type: 'group' }> | { type: 'item'; key: string; grouped: boolean };

export interface CatalogHead extends Pick<ItemPage, 'total' | 'matched' | 'counts'> {
  /** The query it is the head of (JSON). */
  query: string;
  rows: HeadRow[];
}

export function headOf(entries: Entries): CatalogHead {
  const view = entries.view(HEAD_QUERY);
  const rows: HeadRow[] = [];
  for (let i = 0; i < Math.min(HEAD_ROWS, view.total); i++) {
    const row = view.row(i);
    rows.push(row.type === 'group' ? row : { type: 'item', key: row.entry.key, grouped: row.grouped });
  }
  const { total, matched } = view;
  return { query: queryId(HEAD_QUERY), total, matched: matched.length, counts: entries.counts(), rows };
}

/**
 * Writes the head of the entries in memory. Memory holds every write committed before this
 * transaction once its first request has answered: a write's entries are applied as it completes,
 * and its completion comes before this transaction's answers.
 */
export async function writeHead(db: ReplylineDb, current: () => Entries | null): Promise<void> {
  const tx = db.transaction('catalog', 'readwrite');
  const meta = await tx.store.get('meta');
  const entries = current();
  if (meta && entries) await tx.store.put(headOf(entries), 'head');
  await tx.done;
}

/** The stored head, when it answers a page of this query (the first rows, no more than it holds). */
export async function headFor(db: ReplylineDb, query: ItemQuery, offset: number, limit: number) {
  const head = (await db.get('catalog', 'head')) as CatalogHead | undefined;
  if (!head || head.query !== queryId(query) || offset !== 0) return null;
  return limit <= head.rows.length || head.rows.length === head.total ? head : null;
}
