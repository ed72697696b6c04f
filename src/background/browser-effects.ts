/**
 * The browser's side of the background: the toolbar, the tabs, the alarms, the instances' scripts
 * and access, each behind BackgroundEffects so that the service's logic runs in Node tests.
 */
import { t } from '../core/i18n';
import { instancePattern } from '../core/instances';
import { browser } from '../shared/browser';
import { sendToTab } from '../shared/messaging';
import { packagedCatalogs } from '../shared/page-messages';
import { type ContentProtocol, type ContentType, type InsertResult, LOG_CHANGED_KEY, type Req } from '../shared/protocol';
import { SITE_HOSTS, siteForUrl, SITES } from '../core/sites';
import { TOOLS_SCRIPT_FILE } from '../core/sites/manifest';
import type { BackgroundEffects } from './effects';
import { syncInstanceScripts } from './instances';

export const WAKE_ALARM = 'replyline-wake';
/** Wakes a background stopped between a change and telling the tabs (its start tells them). */
export const RETELL_ALARM = 'replyline-retell';
/** Built from its own input in vite.config.ts: no manifest key names it. */
const WELCOME_PAGE = 'src/welcome/index.html';
const SITE_PATTERNS = [...SITE_HOSTS];

/** The content scripts' tools, run in one frame of one tab, in the content scripts' isolated world. */
async function injectTools(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [TOOLS_SCRIPT_FILE] });
}

/** A page of a site Replyline ships with (Mastodon instances are the user's: see isContentUrl). */
function isSiteUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return siteForUrl(new URL(url)) !== null;
  }
  catch {
    return false;
  }
}

/**
 * Whether a tab at `tabUrl` already shows the page of an item at `itemUrl`: the same origin and
 * path, and each query parameter of the tab's address in the item's too. An item's address may
 * add one that points at the comment on that page (YouTube's lc), which the tab need not have.
 */
function showsPage(tabUrl: string, itemUrl: string): boolean {
  try {
    const x = new URL(tabUrl);
    const y = new URL(itemUrl);
    return (
      x.origin === y.origin
      && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '')
      && [...x.searchParams].every(([name, value]) => y.searchParams.getAll(name).includes(value))
    );
  }
  catch {
    return false;
  }
}

/** The welcome page, in a tab of its own: opened once, when Replyline is installed. */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

const hasAccess = (pattern: string) => browser.permissions.contains({ origins: [pattern] });

/** What the browser's side needs to know of the service (the instances the user added). */
export interface ServiceView {
  instanceHosts(): Promise<string[]>;
  isContentUrl(url: string): Promise<boolean>;
}

/** The background's alarms: a snoozed comment's wake-up, and the retelling of a change to the tabs. */
const ALARMS: Pick<BackgroundEffects, 'scheduleWake' | 'retellLater'> = {
  async scheduleWake(at) {
    if (at === null) await browser.alarms.clear(WAKE_ALARM);
    else await browser.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now() + 1000) });
  },
  async retellLater(armed) {
    // Firefox keeps the second asked for; Chrome may wait up to 30 s for a packed extension.
    if (armed) await browser.alarms.create(RETELL_ALARM, { when: Date.now() + 1000 });
    else await browser.alarms.clear(RETELL_ALARM);
  },
};

/** Open pages of ours read the log again; a browser without session storage (Firefox before 115) shows what it read. */
const noteLogChanged = () => Promise.resolve()
  .then(() => browser.storage.session.set({ [LOG_CHANGED_KEY]: Date.now() }))
  .catch(() => undefined);

export function createBrowserSide(service: () => Promise<ServiceView>) {
  /** Tabs of every site Replyline runs on, the user's Mastodon instances included. */
  async function siteTabs() {
    const hosts = await (await service()).instanceHosts();
    return browser.tabs.query({ url: [...SITE_PATTERNS, ...hosts.map(instancePattern)] });
  }

  /** One message to every site tab; a tab that does not answer is left alone. */
  async function tellTabs<K extends ContentType>(type: K, payload: Req<ContentProtocol, K>) {
    const tabs = await siteTabs();
    const sendTo = (id: number) => sendToTab(id, type, payload).catch(() => null);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : sendTo(tab.id))));
  }

  /** The tab to insert into: the active one, or, when that is our own page opened as a tab, the last site tab used. */
  async function targetTab() {
    const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (active?.url && (await (await service()).isContentUrl(active.url))) return active;
    const ownPage = active?.url?.startsWith(browser.runtime.getURL(''));
    if (!ownPage) return null;
    const tabs = await siteTabs();
    return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ?? null;
  }

  const effects: BackgroundEffects = {
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    async setPendingCount(count, attention) {
      await browser.action.setBadgeText({ text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
      await browser.action.setBadgeBackgroundColor({ color: '#c2410c' });
      const waiting = count === 1 ? t('actionTitleOne') : t('actionTitleMany', count);
      await browser.action.setTitle({
        title: [waiting, ...attention.map((site) => t('needsAttentionShort', site))].join(' · '),
      });
    },
    broadcastStatuses: (statuses, by) => tellTabs('content/statuses', { statuses, by }),
    broadcastRefresh: () => tellTabs('content/refresh', {}),
    noteLogChanged,
    ...ALARMS,
    async openUrl(url) {
      const existing = (await siteTabs()).find((tab) => tab.url && showsPage(tab.url, url));
      if (existing?.id === undefined) {
        await browser.tabs.create({ url });
        return;
      }
      await browser.tabs.update(existing.id, { active: true });
      if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    async insertIntoActiveTab(body): Promise<InsertResult> {
      const tab = await targetTab();
      if (tab?.id === undefined) return { ok: false, reason: t('openBoxFirst'), copied: false };
      try {
        return await sendToTab(tab.id, 'content/insert', { body });
      }
      catch {
        return { ok: false, reason: t('pageNotReady'), copied: false };
      }
    },
    injectTools,
    isSiteUrl,
    instanceAccess: (host) => hasAccess(instancePattern(host)),
    async syncInstances(hosts) {
      await syncInstanceScripts(hosts, {
        hasAccess,
        registered: () => browser.scripting.getRegisteredContentScripts(),
        register: (scripts) => browser.scripting.registerContentScripts(scripts),
        unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
      });
    },
    async withdrawInstance(host) {
      await browser.permissions.remove({ origins: [instancePattern(host)] });
    },
    defaultSelectors: (site) => SITES[site].selectors,
    readCatalogs: packagedCatalogs,
  };

  return { effects, tellTabs };
}
