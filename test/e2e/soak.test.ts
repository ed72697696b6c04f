/**
 * Nothing lost: three tabs of X conversations receive thousands of replies over time while Chrome
 * stops the extension's service worker again and again (CDP ServiceWorker.stopAllWorkers, what
 * Chrome does to an idle or busy worker at any moment), and the user acts from badges and the
 * popup meanwhile. Every reply must reach the log once, no status may go back, and every badge
 * must end equal to the stored status, without reloading any page.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
import { browserPerFile } from './session';

const TABS = 3;
const PER_TAB = 1000;
const MIN_STOPS = 20;

const browser = browserPerFile();

describe('nothing lost while Chrome stops the worker', () => {
  it(`logs ${TABS * PER_TAB} replies over ${TABS} tabs with the worker stopped ${MIN_STOPS}+ times, and every badge ends right`, async () => {
    const session = browser();
    const rand = random(20261126);
    const pages: Page[] = [];
    for (let tab = 0; tab < TABS; tab++) {
      const page = await session.context.newPage();
      await page.goto(`${CONVERSATION}?tab=${tab}`);
      await expect.poll(() => page.locator('[data-replyline-key]').count(), { timeout: 20_000 }).toBe(5);
      pages.push(page);
    }
    const popup = await session.extensionPage('popup');
    const cdp: CDPSession = await session.context.newCDPSession(pages[0]!);
    await cdp.send('ServiceWorker.enable');

    let producing = true;
    let stops = 0;
    const stopper = (async () => {
      while (producing || stops < MIN_STOPS) {
        await new Promise((resolve) => setTimeout(resolve, 150 + rand() * 500));
        await cdp.send('ServiceWorker.stopAllWorkers');
        stops++;
      }
    })();

    /** What the user did, and so what the log must say of those items at the end. */
    const acted = new Map<string, 'answered' | 'dismissed'>();
    const badgeActions = { tried: 0, applied: 0 };
    const popupActions = { tried: 0, applied: 0 };
    const actor = (async () => {
      while (producing) {
        await new Promise((resolve) => setTimeout(resolve, 200 + rand() * 300));
        const page = pages[Math.floor(rand() * TABS)]!;
        const waiting = page.locator('[data-replyline-status="pending"][data-replyline-key^="x:17"]');
        const count = await waiting.count();
        if (count === 0) continue;
        const key = await waiting.nth(Math.floor(rand() * count)).getAttribute('data-replyline-key').catch(() => null);
        if (!key || acted.has(key)) continue;
        const host = page.locator(`[data-replyline-key="${key}"]`);
        const dismiss = rand() < 0.3;
        badgeActions.tried++;
        // The user acts in the tab in front (a hidden tab paints nothing to click on).
        await page.bringToFront();
        await host.locator('button.badge').click();
        await host.getByRole('menuitem', { name: dismiss ? 'Dismiss' : 'Mark answered' }).click();
        const wanted = dismiss ? 'dismissed' : 'answered';
        acted.set(key, wanted);
        // As the user sees it: the badge turns to what was applied (the log's answer).
        await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 20_000, interval: 100 }).toBe(wanted);
        badgeActions.applied++;

        // Every third action, one from the popup: the first waiting reply of ours it lists.
        if (badgeActions.tried % 3 !== 0) continue;
        popupActions.tried++;
        await popup.bringToFront();
        await popup.reload();
        const row = popup.locator('li.item[data-key^="x:17"]').first();
        const rowKey = await row.getAttribute('data-key');
        if (!rowKey || acted.has(rowKey)) continue;
        await row.getByRole('button', { name: 'Mark answered' }).click();
        acted.set(rowKey, 'answered');
        // The popup says it was done (the background's answer) before the user moves on (or closes it).
        await expect
          .poll(() => popup.locator('[role=status]').first().textContent(), { timeout: 20_000, interval: 100 })
          .toMatch(/answered/i);
        popupActions.applied++;
      }
    })();

    const started = Date.now();
    await Promise.all(
      pages.map((page, tab) =>
        page.evaluate(addRepliesInPage, { tab, count: PER_TAB, burst: 10, pauseMs: 100 + tab * 20 }),
      ),
    );
    // The user keeps acting a little after the last replies arrived.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    producing = false;
    await actor;
    await stopper;
    const arrival = Date.now() - started;

    // Nothing lost: every reply of every tab reaches the log, each once (keys are unique: no duplicates).
    const expected = expectedKeys(TABS, PER_TAB);
    let stored: StoredStatuses = {};
    const missing = async () => {
      stored = await popup.evaluate(readLogInPage);
      return expected.filter((key) => !stored[key]).length;
    };
    await expect.poll(missing, { timeout: 120_000, interval: 1000 }).toBe(0);

    // No status went back: every action the user took is what the log says.
    const regressions = [...acted].filter(([key, status]) => stored[key] !== status);
    expect(regressions).toEqual([]);

    // Every badge equals the stored status, on every page, without a reload; one badge per reply.
    const checked = Date.now();
    for (const page of pages) {
      await expect
        .poll(async () => compareBadges(await page.evaluate(readBadgesInPage), await popup.evaluate(readLogInPage)), {
          timeout: 120_000,
          interval: 1000,
        })
        .toEqual({ badges: PER_TAB + 5, wrong: [], doubled: [] });
    }
    const badgesRight = Date.now() - checked;

    expect(stops).toBeGreaterThanOrEqual(MIN_STOPS);
    expect(badgeActions.applied).toBeGreaterThan(5);
    expect(popupActions.applied).toBeGreaterThan(1);
    console.log(
      `soak (Chromium): ${expected.length} replies over ${TABS} tabs in ${(arrival / 1000).toFixed(1)} s, `
      + `worker stopped ${stops} times; ${badgeActions.applied} badge and ${popupActions.applied} popup actions; `
      + `lost 0, status regressions 0, duplicates 0; every badge equal to the log within ${(badgesRight / 1000).toFixed(1)} s`,
    );
    await cdp.detach();
    for (const page of pages) await page.close();
    await popup.close();
  }, 600_000);
});
