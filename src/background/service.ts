/**
 * The background's handlers, one group per domain (items, settings, saved replies, data,
 * instances, tabs) over one shared context. `satisfies BackgroundHandlers` keeps a message without
 * a handler a compile error.
 */
import { t } from '../core/i18n';
import type { BackgroundHandlers } from '../shared/router';
import { dataHandlers } from './data';
import type { ReplylineDb } from './db';
import type { BackgroundEffects } from './effects';
import { instanceHandlers } from './instance-handlers';
import { itemHandlers, wakeDue } from './items';
import { popupQueryHandlers } from './popup-queries';
import { settingsHandlers } from './settings';
import { snippetHandlers } from './snippets';
import type { TeamPort } from './team-port';
import { createWorkerContext, type WorkerContext } from './worker-context';

export type { BackgroundEffects };

/** Whether a page is one Replyline runs on: a built-in site's, or an instance the user added. */
async function isContentUrl(ctx: WorkerContext, url: string): Promise<boolean> {
  if (ctx.fx.isSiteUrl(url)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && (await ctx.knownInstances()).has(parsed.hostname);
  }
  catch {
    return false;
  }
}

/** `team` plugs in the team's sync (main.ts: PouchDB); without it nothing is shared. */
export function createService(db: ReplylineDb, fx: BackgroundEffects, team?: (ctx: WorkerContext) => TeamPort) {
  const ctx = createWorkerContext(db, fx);
  if (team) ctx.team = team(ctx);
  const handlers = {
    ...itemHandlers(ctx),
    ...popupQueryHandlers(ctx),
    ...settingsHandlers(ctx),
    ...snippetHandlers(ctx),
    ...dataHandlers(ctx),
    ...instanceHandlers(ctx),
    'team/status': () => ctx.team.status(),
    'team/test': (req) => ctx.team.test(req),
    'team/join': (req) => ctx.team.join(req),
    'team/signin': ({ password }) => ctx.team.signIn(password),
    'team/leave': () => ctx.team.leave(),
    'team/members': () => ctx.team.members(),
    'items/assign': ({ key, to }) => ctx.team.assign(key, to),
    async 'tabs/open'({ url }) {
      if (!(await isContentUrl(ctx, url))) throw new RangeError(t('onlySupportedPages'));
      await fx.openUrl(url);
      return null;
    },
    /** Only into the frame that asked (the router took it from a content script on one of our pages). */
    async 'tools/inject'(_req, { sender, tabId }) {
      if (tabId === null) throw new RangeError(t('wrongSender', 'tools/inject'));
      await fx.injectTools(tabId, sender.frameId ?? 0);
      return null;
    },
    async 'options/open'() {
      await fx.openOptions();
      return null;
    },
    'i18n/catalogs': () => fx.readCatalogs(),
  } satisfies BackgroundHandlers;

  return {
    handlers: handlers as BackgroundHandlers,
    pendingCount: ctx.side.pendingCount,
    wakeDue: () => wakeDue(ctx),
    isContentUrl: (url: string) => isContentUrl(ctx, url),
    /** The Mastodon hosts the user added. */
    instanceHosts: async () => [...(await ctx.knownInstances())],
    /** At start and whenever the browser's permissions change: scripts run where access is granted. */
    syncInstances: ctx.syncInstancesInTurn,
    refreshBadge: ctx.side.refreshToolbar,
    /** Resolves once the side work of the changes so far (count, tabs, alarm) has run. */
    settled: ctx.side.settled,
    team: ctx.team,
  };
}

export type Service = ReturnType<typeof createService>;
