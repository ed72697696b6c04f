/**
 * What the popup reads of the log: pages of its list with the counts, the keys a selection takes,
 * and the stats, all answered from the catalog (catalog.ts) and bounded whatever the log holds.
 */
import { computeStats } from '../core/stats';
import { LIST_LIMIT, type PageRow } from '../shared/protocol';
import type { HeadRow } from './catalog-head';
import { groupKeys } from './catalog-view';
import { statusRange } from './db';
import { asShown } from './items';
import type { HandlerGroup, WorkerContext } from './worker-context';

type QueryMessages = 'items/list' | 'items/page' | 'items/keys' | 'items/stats';

export function popupQueryHandlers(ctx: WorkerContext): HandlerGroup<QueryMessages> {
  const { db, fx, catalog } = ctx;
  /**
   * The rows with their items, read in one transaction. An item the catalog lists but the log no
   * longer holds (deleted a moment ago) is left out.
   */
  async function withItems(rows: HeadRow[]): Promise<PageRow[]> {
    const tx = db.transaction('items');
    const read = await Promise.all(rows.map((row) => (row.type === 'item' ? tx.store.get(row.key) : null)));
    await tx.done;
    const found = await Promise.all(read.map((item) => asShown(ctx, item)));
    return rows.flatMap((row, i): PageRow[] => {
      const item = found[i];
      if (row.type === 'group') return [row];
      return item ? [{ type: 'item', item, grouped: row.grouped }] : [];
    });
  }

  return {
    async 'items/list'({ statuses }) {
      const tx = db.transaction('items');
      const index = tx.store.index('by-status-sort');
      const lists = await Promise.all(statuses.map((s) => index.getAll(statusRange(s), LIST_LIMIT)));
      return lists.flat().sort((a, b) => a.sortAt - b.sortAt).slice(0, LIST_LIMIT);
    },

    async 'items/page'({ query, offset, limit }) {
      // A worker just started: the first page from the stored head, not after reading the whole catalog.
      const fromHead = await catalog.fromHead(query, offset, limit, async ({ head, version }) => {
        const { total, matched, counts } = head;
        // The stored head is the list without a member signed in (HEAD_QUERY): none is "mine".
        return { version, total, matched, counts, mine: 0, offset, rows: await withItems(head.rows.slice(0, limit)) };
      });
      if (fromHead) return fromHead;
      const { view, version, counts, mine } = await catalog.view(query);
      const rows: HeadRow[] = [];
      for (let i = offset; i < Math.min(view.total, offset + limit); i++) {
        const row = view.row(i);
        rows.push(row.type === 'group' ? row : { type: 'item', key: row.entry.key, grouped: row.grouped });
      }
      const matched = view.matched.length;
      return { version, total: view.total, matched, counts, mine, offset, rows: await withItems(rows) };
    },

    async 'items/keys'({ query, group }) {
      const { view } = await catalog.view(query);
      return group === null ? view.matched.map((e) => e.key) : groupKeys(view, group);
    },

    async 'items/stats'() {
      return computeStats(await catalog.entries(), fx.now());
    },
  };
}
