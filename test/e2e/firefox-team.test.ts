/**
 * Team sync in Firefox (issue 16): two Firefox ESR profiles as two members, ana (A) and leo (B), join
 * the team on PouchDB Server (started and stopped here, test/e2e/team-server.ts) from Options → Team.
 * A marks a comment answered on an X conversation → B's badge on it turns answered, by ana, and B's
 * popup, opened again, no longer lists it.
 *
 * The server's host is an optional permission, asked by Options when Join is clicked: Firefox's own
 * switch for tests grants it without its doorhanger (which a test cannot click), still only on the
 * user's click (see firefox-mastodon.test.ts).
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox';
import { CONVERSATION, key } from './team-members';
import { MEMBERS, startTeamServer, TEAM_DB, type TeamServer } from './team-server';

const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';
const PREFS = { 'extensions.webextOptionalPermissionPrompts': false };
const ANSWERED_TEXT = 'The contrast on buttons looks a bit low for me.';

const statusOf = (page: Page, n: number) =>
  page.$eval(`[data-replyline-key="${key(n)}"]`, (host) => host.getAttribute('data-replyline-status')).catch(() => null);

async function join(firefox: FirefoxSession, server: TeamServer, name: keyof typeof MEMBERS): Promise<void> {
  const options = await firefox.openOptions();
  await options.waitForSelector('#team-server');
  await options.type('#team-server', server.url);
  await options.type('#team-db', TEAM_DB);
  await options.type('#team-name', name);
  await options.type('#team-password', MEMBERS[name]);
  await options.click('section[aria-labelledby=team-title] button[type=submit].primary');
  await options.waitForFunction(
    (db) => document.body.innerText.includes(`Joined: this browser now shares its log with ${db}.`),
    { timeout: 60_000 },
    TEAM_DB,
  );
  await options.close();
}

async function openConversation(firefox: FirefoxSession): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(CONVERSATION);
  await expect.poll(() => page.$$eval('[data-replyline-key]', (hosts) => hosts.length), { timeout: 30_000 }).toBe(5);
  return page;
}

/** Opens the badge's menu and clicks an entry, as the user does (the menu is in the badge's shadow root). */
async function badgeMenu(page: Page, n: number, entry: string): Promise<void> {
  const badge = await page.waitForSelector(`[data-replyline-key="${key(n)}"] >>> button.badge`);
  await badge!.click();
  await page.waitForSelector('>>> [role=menuitem]');
  const items = await page.$$('>>> [role=menuitem]');
  const texts = await Promise.all(items.map((item) => item.evaluate((el) => el.textContent?.trim() ?? '')));
  const index = texts.indexOf(entry);
  if (index < 0) throw new Error(`no "${entry}" in the badge menu: ${texts.join(', ')}`);
  await items[index]!.click();
}

/** The popup's page in a tab: the options page goes to it (BiDi does not open extension pages itself). */
async function openPopup(firefox: FirefoxSession): Promise<Page> {
  const popup = await firefox.openOptions();
  await popup.evaluate(() => location.assign('/src/popup/index.html'));
  await popup.waitForFunction(() => location.href.includes('/popup/') && !!document.querySelector('li.item'), { timeout: 30_000 });
  return popup;
}

describe.runIf(haveFirefox)('Firefox: a team of two', () => {
  let server: TeamServer;
  let a: FirefoxSession;
  let b: FirefoxSession;

  beforeAll(async () => {
    server = await startTeamServer();
    a = await launchFirefox(PREFS);
    b = await launchFirefox(PREFS);
  }, 180_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });

  it('shows a teammate\'s answer on the other member\'s badge and drops it from their popup', async () => {
    await join(a, server, 'ana');
    await join(b, server, 'leo');
    const pageA = await openConversation(a);
    const pageB = await openConversation(b);
    expect(await statusOf(pageB, 4)).toBe('pending');
    const before = await openPopup(b);
    expect(await before.evaluate(() => document.body.innerText)).toContain(ANSWERED_TEXT);
    await before.close();

    await badgeMenu(pageA, 4, 'Mark answered');
    await expect.poll(() => statusOf(pageA, 4), { timeout: 10_000 }).toBe('answered');
    await expect.poll(() => statusOf(pageB, 4), { timeout: 30_000 }).toBe('answered');
    // The popup shows the list as it is when it opens (as the toolbar's popup, opened again).
    const after = await openPopup(b);
    const text = await after.evaluate(() => document.body.innerText);
    expect(text).toContain('@brightloop great, and the web app too?');
    expect(text).not.toContain(ANSWERED_TEXT);
    await after.close();
  }, 240_000);
});
