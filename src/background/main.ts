/**
 * The service worker: it writes the log (only an import, all in one transaction, is written by the
 * Options page that read the file). MV3 may stop it at any moment, so nothing that matters lives
 * in memory; listeners are registered synchronously at start.
 */

import { browser, type Runtime } from '../shared/browser';
// The packaged catalogs when the browser gives no messages (page-messages.ts).
import '../shared/page-messages';
import { createRouter } from '../shared/router';
import { createBrowserSide, openWelcome, RETELL_ALARM, WAKE_ALARM } from './browser-effects';
import { openReplylineDb } from './db';
import { drainOutbox } from './outbox';
import { createService, type Service } from './service';
import { createTeamEngine } from './team-engine';
import { teamHostPattern } from '../core/team-config';

let service: Promise<Service> | null = null;
const side = createBrowserSide(() => getService());

/** The team's sync (team-engine.ts), started with the service: live while the worker lives, caught up on TEAM_ALARM. */
let team: ReturnType<typeof createTeamEngine> | null = null;
const TEAM_ALARM = 'replyline-team';
const hasAccess = (server: string) => browser.permissions.contains({ origins: [teamHostPattern(server)] });
/** Only a member's worker wakes every minute. */
async function followTeam(joined: boolean): Promise<void> {
  if (!joined) await browser.alarms.clear(TEAM_ALARM);
  else if (!(await browser.alarms.get(TEAM_ALARM))) await browser.alarms.create(TEAM_ALARM, { periodInMinutes: 1 });
}

function getService(): Promise<Service> {
  service ??= openReplylineDb().then((db) => {
    const created = createService(db, side.effects, (ctx) => (team = createTeamEngine(ctx, { hasAccess, followTeam })));
    void team?.start().catch((error: Error) => console.error('Replyline: team sync', error));
    return created;
  });
  return service;
}

const route = createRouter(async () => (await getService()).handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  isContentUrl: async (url) => (await getService()).isContentUrl(url),
  onError: (type, error) => console.error(`Replyline: ${type} failed`, error),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.alarms.onAlarm.addListener((alarm) => {
  // Waking the worker is the catch-up: its start runs the team's sync (live again until it stops).
  if (alarm.name === TEAM_ALARM) void getService();
  if (alarm.name === WAKE_ALARM) void getService().then((s) => s.wakeDue());
  // The tabs were not told of a change: the worker was stopped first (then starting tells them),
  // or telling them failed.
  if (alarm.name === RETELL_ALARM) {
    if (started) void side.tellTabs('content/resync', {});
    else start();
  }
});

/**
 * Once per worker start (MV3 stops and starts it at will): snoozes due, the count read again, and
 * every open site tab told to send what it could not deliver and to check its badges against the
 * log, since whatever the last worker was telling tabs when it was stopped may never have arrived.
 * Before all that, the actions a closed popup kept and never saw answered are applied (outbox.ts).
 */
let started: Promise<void> | null = null;
const start = () => {
  started ??= getService().then(async (s) => {
    // First what a closed popup asked for and never saw answered, through the router as if it came now.
    const popup = { id: browser.runtime.id, url: browser.runtime.getURL('src/popup/index.html') };
    await drainOutbox(browser.storage.session, (envelope) => route(envelope, popup), Date.now())
      .catch((error: Error) => console.error('Replyline: kept actions', error));
    await s.wakeDue();
    await s.refreshBadge();
    await side.tellTabs('content/resync', {});
    await s.syncInstances().catch((error: Error) => console.error('Replyline: instance scripts', error));
  });
};

// Access to an instance granted or withdrawn in the browser's own settings: its script follows.
const resync = () => void getService().then((s) => s.syncInstances()).catch((error: Error) => console.error('Replyline: instance scripts', error));
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);
browser.runtime.onStartup.addListener(start);
browser.runtime.onInstalled.addListener((details) => {
  start();
  // Only a new install: an update or a browser update keeps the user where they were.
  if (details.reason === 'install') void openWelcome().catch((error: Error) => console.error('Replyline: welcome page', error));
});
start();
