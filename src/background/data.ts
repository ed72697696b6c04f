/**
 * Everything at once: what follows an import written by the Options page, and deleting it all.
 * Exports are written by the Options page itself (exporter.ts): no message carries the log.
 */
import type { HandlerGroup, WorkerContext } from './worker-context';

export function dataHandlers(ctx: WorkerContext): HandlerGroup<'data/imported' | 'data/clear'> {
  const { db, side } = ctx;
  return {
    async 'data/imported'({ hostsBefore }) {
      // The Options page wrote the import in one transaction (importer.ts); the worker follows it. Only
      // hosts that can be instances are ever given back: never a built-in site's access.
      await ctx.afterInstancesReplaced(hostsBefore.filter((host) => !ctx.instanceHostProblem(host)));
      await side.afterBulkChange();
      return null;
    },

    async 'data/clear'() {
      const hostsBefore = (await ctx.readSettings()).mastodonHosts;
      // The popup's catalog goes with the log, in the same transaction (a worker stopped before
      // the rebuild below builds it anew at its next start).
      const tx = db.transaction(['items', 'snippets', 'settings', 'health', 'catalog', 'journal'], 'readwrite');
      await Promise.all([
        tx.objectStore('catalog').clear(),
        tx.objectStore('journal').clear(),
        tx.objectStore('items').clear(),
        tx.objectStore('snippets').clear(),
        tx.objectStore('settings').clear(),
        tx.objectStore('health').clear(),
      ]);
      await tx.done;
      await ctx.afterInstancesReplaced(hostsBefore);
      await side.afterBulkChange();
      return null;
    },
  };
}
