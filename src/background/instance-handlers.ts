/** The Mastodon instances the user adds in Options: access asked by the page, scripts registered here. */
import { t } from '../core/i18n';
import { MAX_INSTANCES } from '../core/instances';
import type { Settings } from '../core/types';
import type { HandlerGroup, WorkerContext } from './worker-context';

export function instanceHandlers(ctx: WorkerContext): HandlerGroup<'instances/list' | 'instances/add' | 'instances/remove'> {
  const { fx } = ctx;
  return {
    async 'instances/list'() {
      const { mastodonHosts } = await ctx.readSettings();
      return Promise.all(mastodonHosts.map(async (host) => ({ host, access: await fx.instanceAccess(host) })));
    },

    async 'instances/add'({ host }) {
      const problem = ctx.instanceHostProblem(host);
      if (problem) throw new RangeError(problem);
      // The options page asked the browser for access first (a permission prompt needs the user's click).
      if (!(await fx.instanceAccess(host))) throw new RangeError(t('instanceNoAccess', host));
      const current = await ctx.readSettings();
      const known = current.mastodonHosts.includes(host);
      if (!known && current.mastodonHosts.length >= MAX_INSTANCES) {
        throw new RangeError(t('instanceLimit', MAX_INSTANCES));
      }
      const added = (s: Settings) => ({ ...s, mastodonHosts: [...s.mastodonHosts.filter((h) => h !== host), host] });
      const next = known ? current : await ctx.changeSettings(added);
      await ctx.syncInstancesInTurn();
      return next;
    },

    async 'instances/remove'({ host }) {
      const removed = (s: Settings) => ({ ...s, mastodonHosts: s.mastodonHosts.filter((h) => h !== host) });
      const next = await ctx.changeSettings(removed);
      await ctx.syncInstancesInTurn();
      // Only a host the user added is ever given back: a built-in site's access is the manifest's.
      if (!ctx.instanceHostProblem(host)) await fx.withdrawInstance(host);
      return next;
    },
  };
}
