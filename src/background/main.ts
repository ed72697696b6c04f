/**
 * The service worker: it writes the log (only an import, all in one transaction, is written by the
 * Options page that read the file). MV3 may stop it at any moment, so nothing that matters lives
 * in memory; listeners are registered synchronously at start.
 */

import { browser, type Runtime } from '../shared/browser';
import { t } from '../core/i18n';
import { sendToTab } from '../shared/messaging';
import type { InsertResult } from '../shared/protocol';
import { createRouter } from '../shared/router';
import { SITE_HOSTS, siteForUrl, SITES } from '../core/sites';
import { instancePattern } from '../core/instances';
import { openReplylineDb } from './db';
import { syncInstanceScripts } from './instances';
import { createService, type Service } from './service';

const WAKE_ALARM = 'replyline-wake';
const SITE_PATTERNS = [...SITE_HOSTS];

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

/** Tabs of every site Replyline runs on, the user's Mastodon instances included. */
async function siteTabs() {
  const hosts = await (await getService()).instanceHosts();
  return browser.tabs.query({ url: [...SITE_PATTERNS, ...hosts.map(instancePattern)] });
}

async function isContentUrl(url: string | undefined): Promise<boolean> {
  return !!url && (await getService()).isContentUrl(url);
}

async function broadcast(send: (tabId: number) => Promise<unknown>): Promise<void> {
  const tabs = await siteTabs();
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : send(tab.id).catch(() => null))));
}

function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return (
      x.origin === y.origin
      && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '')
      && x.search === y.search
    );
  }
  catch {
    return false;
  }
}

/** The tab to insert into: the active one, or, when that is our own page opened as a tab, the last site tab used. */
async function targetTab() {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active && (await isContentUrl(active.url))) return active;
  const ownPage = active?.url?.startsWith(browser.runtime.getURL(''));
  if (!ownPage) return null;
  const tabs = await siteTabs();
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ?? null;
}

const hasAccess = (pattern: string) => browser.permissions.contains({ origins: [pattern] });

let service: Promise<Service> | null = null;

function getService(): Promise<Service> {
  service ??= openReplylineDb().then((db) =>
    createService(db, {
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      async setPendingCount(count, attention) {
        await browser.action.setBadgeText({ text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
        await browser.action.setBadgeBackgroundColor({ color: '#c2410c' });
        await browser.action.setTitle({
          title: [count === 1 ? t('actionTitleOne') : t('actionTitleMany', count), ...attention.map((site) => t('needsAttentionShort', site))].join(' · '),
        });
      },
      broadcastStatuses: (statuses) => broadcast((id) => sendToTab(id, 'content/statuses', { statuses })),
      broadcastRefresh: () => broadcast((id) => sendToTab(id, 'content/refresh', {})),
      async scheduleWake(at) {
        if (at === null) await browser.alarms.clear(WAKE_ALARM);
        else browser.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now() + 1000) });
      },
      async openUrl(url) {
        const existing = (await siteTabs()).find((tab) => tab.url && sameUrl(tab.url, url));
        if (existing?.id !== undefined) {
          await browser.tabs.update(existing.id, { active: true });
          if (existing.windowId !== undefined)
            await browser.windows.update(existing.windowId, { focused: true });
        }
        else {
          await browser.tabs.create({ url });
        }
      },
      openOptions: () => browser.runtime.openOptionsPage(),
      async insertIntoActiveTab(body): Promise<InsertResult> {
        const tab = await targetTab();
        if (tab?.id === undefined) {
          return { ok: false, reason: t('openBoxFirst'), copied: false };
        }
        try {
          return await sendToTab(tab.id, 'content/insert', { body });
        }
        catch {
          return {
            ok: false,
            reason: t('pageNotReady'),
            copied: false,
          };
        }
      },
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
    }),
  );
  return service;
}

const route = createRouter(async () => (await getService()).handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  isContentUrl,
  onError: (type, error) => console.error(`Replyline: ${type} failed`, error),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === WAKE_ALARM) void getService().then((s) => s.wakeDue());
});

/**
 * Once per worker start (MV3 stops and starts it at will): snoozes due, the count read again, and
 * every open site tab told to send what it could not deliver and to check its badges against the
 * log, since whatever the last worker was telling tabs when it was stopped may never have arrived.
 */
let started: Promise<void> | null = null;
const start = () => {
  started ??= getService().then(async (s) => {
    await s.wakeDue();
    await s.refreshBadge();
    await broadcast((id) => sendToTab(id, 'content/resync', {}));
    await s.syncInstances().catch((error: Error) => console.error('Replyline: instance scripts', error));
  });
};

// Access to an instance granted or withdrawn in the browser's own settings: its script follows.
const resync = () => void getService().then((s) => s.syncInstances()).catch((error: Error) => console.error('Replyline: instance scripts', error));
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);
browser.runtime.onStartup.addListener(start);
browser.runtime.onInstalled.addListener(start);
start();
