/**
 * Nothing lost, in Firefox. Firefox's MV3 background is an event page that unloads when idle;
 * nothing outside the browser can stop it at a chosen moment (there is no CDP
 * ServiceWorker.stopAllWorkers), so the test sets Firefox's own idle timeout to a fifth of a second
 * (`extensions.background.idle.timeout`, 30 s by default): the event page unloads whenever the
 * replies pause, and starts again at the next message, all through the run. Replies arrive in three
 * tabs while the user acts from badges and from the popup; every reply must reach the log once, no
 * status may go back, and every badge must end equal to the log without a reload.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox';
import {
  addRepliesInPage,
  compareBadges,
  CONVERSATION,
  expectedKeys,
  random,
  readBadgesInPage,
  readLogInPage,
  type StoredStatuses,
} from './soak-pages';

const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';
const TABS = 3;
const PER_TAB = 400;
const MIN_UNLOADS = 10;

/** In the page: opens a badge's menu and chooses an entry, as a click would. */
function chooseInBadgeMenu({ key, entry }: { key: string; entry: string }): Promise<boolean> {
  const host = document.querySelector(`[data-replyline-key="${key}"]`);
  const badge = host?.shadowRoot?.querySelector<HTMLButtonElement>('button.badge');
  if (!host?.shadowRoot || !badge) return Promise.resolve(false);
  badge.click();
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      const item = [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find(
        (b) => b.textContent === entry,
      );
      if (item) {
        item.click();
        resolve(true);
      }
      else if (Date.now() - started > 5000) resolve(false);
      else setTimeout(tick, 20);
    };
    tick();
  });
}

/** Loads an extension page anew in the same tab (BiDi may not navigate to extension pages itself). */
async function reloadAt(page: Page, path: string): Promise<void> {
  const marker = `replyline-${Date.now()}`;
  await page.evaluate((m) => ((window as unknown as Record<string, boolean>)[m] = true), marker);
  await page.evaluate((p) => location.assign(p), path).catch(() => null);
  await expect
    .poll(
      () =>
        page
          .evaluate(
            (m) => !(m in window) && document.readyState === 'complete' && location.pathname,
            marker,
          )
          .catch(() => false),
      { timeout: 15_000, interval: 100 },
    )
    .toBe(path);
}

describe.runIf(haveFirefox)('Firefox: nothing lost while the event page unloads', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox({ 'extensions.background.idle.timeout': 200 });
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it(`logs ${TABS * PER_TAB} replies over ${TABS} tabs, the user acting meanwhile, and every badge ends right`, async () => {
    const rand = random(1126);
    // WebDriver BiDi may not open extension pages: the options page (opened from the picker) goes to the popup's.
    const popup = await firefox.openOptions();
    await reloadAt(popup, '/src/popup/index.html');
    // Another extension page watches the event page come and go (getViews lists it only while it is loaded).
    const options = await firefox.openOptions();
    await options.evaluate(() => {
      type Api = { extension: { getViews(o: object): unknown[] } };
      const w = window as unknown as { unloads: number; extensionApi: Api };
      const api = (globalThis as unknown as { browser: typeof w.extensionApi }).browser;
      w.unloads = 0;
      const background = () =>
        (api.extension.getViews({}) as Window[]).some((view) => /background/.test(view.location.pathname));
      let loaded = background();
      setInterval(() => {
        const now = background();
        if (loaded && !now) w.unloads++;
        loaded = now;
      }, 25);
    });
    const pages: Page[] = [];
    for (let tab = 0; tab < TABS; tab++) {
      const page = await firefox.newPage();
      await page.goto(`${CONVERSATION}?tab=${tab}`);
      const drawn = () => page.evaluate(() => document.querySelectorAll('[data-replyline-key]').length);
      await expect.poll(drawn, { timeout: 20_000 }).toBe(5);
      pages.push(page);
    }

    let producing = true;
    const acted = new Map<string, 'answered' | 'dismissed'>();
    let badgeActions = 0;
    let popupActions = 0;
    const actor = (async () => {
      while (producing) {
        await new Promise((resolve) => setTimeout(resolve, 300 + rand() * 400));
        const page = pages[Math.floor(rand() * TABS)]!;
        const waiting = await page.evaluate(() =>
          [...document.querySelectorAll('[data-replyline-status="pending"][data-replyline-key^="x:17"]')].map(
            (h) => h.getAttribute('data-replyline-key') ?? '',
          ),
        );
        const key = waiting[Math.floor(rand() * waiting.length)];
        if (!key || acted.has(key)) continue;
        const dismiss = rand() < 0.3;
        const entry = dismiss ? 'Dismiss' : 'Mark answered';
        expect(await page.evaluate(chooseInBadgeMenu, { key, entry })).toBe(true);
        const wanted = dismiss ? 'dismissed' : 'answered';
        acted.set(key, wanted);
        // As the user sees it: the badge turns to what was applied (the log's answer).
        const shown = () =>
          page.evaluate((k) => document.querySelector(`[data-replyline-key="${k}"]`)?.getAttribute('data-replyline-status'), key);
        await expect.poll(shown, { timeout: 20_000, interval: 100 }).toBe(wanted);
        badgeActions++;
        if (badgeActions % 3 !== 0) continue;
        // From the popup: the first waiting reply of ours it lists.
        await reloadAt(popup, '/src/popup/index.html');
        await popup.waitForSelector('li.item[data-key^="x:17"]');
        const rowKey = await popup.$eval('li.item[data-key^="x:17"]', (row) => row.getAttribute('data-key'));
        if (!rowKey || acted.has(rowKey)) continue;
        await popup.evaluate((k) => {
          const row = document.querySelector(`li.item[data-key="${k}"]`);
          [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Mark answered')?.click();
        }, rowKey);
        acted.set(rowKey, 'answered');
        // The popup says it was done (the background's answer) before the user moves on.
        const confirmed = () => popup.evaluate(() => document.querySelector('[role=status]')?.textContent ?? '');
        await expect.poll(confirmed, { timeout: 20_000, interval: 100 }).toMatch(/answered/i);
        popupActions++;
      }
    })();

    const started = Date.now();
    await Promise.all(
      // Pauses longer than the idle timeout now and then: the event page unloads between bursts.
      pages.map((page, tab) =>
        page.evaluate(addRepliesInPage, {
          ...{ tab, count: PER_TAB, burst: 10, pauseMs: 100 + tab * 30 },
          ...{ restMs: 900, restCycleMs: 2500 },
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    producing = false;
    await actor;
    const arrival = Date.now() - started;

    const expected = expectedKeys(TABS, PER_TAB);
    let stored: StoredStatuses = {};
    await expect
      .poll(
        async () => {
          stored = await options.evaluate(readLogInPage);
          return expected.filter((key) => !stored[key]).length;
        },
        { timeout: 120_000, interval: 1000 },
      )
      .toBe(0);
    expect([...acted].filter(([key, status]) => stored[key] !== status)).toEqual([]);
    for (const page of pages) {
      await expect
        .poll(async () => compareBadges(await page.evaluate(readBadgesInPage), await options.evaluate(readLogInPage)), {
          timeout: 120_000,
          interval: 1000,
        })
        .toEqual({ badges: PER_TAB + 5, wrong: [], doubled: [] });
    }
    const unloads = await options.evaluate(() => (window as unknown as { unloads: number }).unloads);
    expect(unloads).toBeGreaterThanOrEqual(MIN_UNLOADS);
    expect(badgeActions).toBeGreaterThan(5);
    expect(popupActions).toBeGreaterThan(0);
    console.log(
      `soak (Firefox): ${expected.length} replies over ${TABS} tabs in ${(arrival / 1000).toFixed(1)} s, the event page `
      + `unloaded ${unloads} times (idle timeout 200 ms); ${badgeActions} badge and ${popupActions} popup actions; lost 0, regressions 0, duplicates 0`,
    );
    for (const page of pages) await page.close();
    await popup.close();
    await options.close();
  }, 600_000);
});
