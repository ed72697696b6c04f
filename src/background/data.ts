/** Everything at once: export, what follows an import written by the Options page, and deleting it all. */
import { makeBackup } from '../core/backup';
import { SETTINGS_KEY, settingsFrom } from './db';
import type { HandlerGroup, WorkerContext } from './worker-context';

export function dataHandlers(ctx: WorkerContext): HandlerGroup<'data/export' | 'data/imported' | 'data/clear'> {
  const { db, fx, side } = ctx;
  return {
    async 'data/export'() {
      const tx = db.transaction(['items', 'snippets', 'settings']);
      const [items, snippets] = await Promise.all([tx.objectStore('items').getAll(), tx.objectStore('snippets').getAll()]);
      const stored = await tx.objectStore('settings').get(SETTINGS_KEY);
      await tx.done;
      return makeBackup({ items, snippets, settings: settingsFrom(stored) }, new Date(fx.now()));
    },

    async 'data/imported'({ hostsBefore }) {
      // The Options page wrote the import in one transaction (importer.ts); the worker follows it. Only
      // hosts that can be instances are ever given back: never a built-in site's access.
      await ctx.afterInstancesReplaced(hostsBefore.filter((host) => !ctx.instanceHostProblem(host)));
      await side.afterBulkChange();
      return null;
    },

    async 'data/clear'() {
      const hostsBefore = (await ctx.readSettings()).mastodonHosts;
      const tx = db.transaction(['items', 'snippets', 'settings', 'health'], 'readwrite');
      await Promise.all([
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
