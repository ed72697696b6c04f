/**
 * A popup closed while its action still waits for the worker (issue 11): the action was kept in the
 * session's storage before it was sent, and the next start of the worker applies it. The popup's
 * messages are made to go nowhere (what a worker being stopped and started does to them), the popup
 * is closed before any answer, and the worker is stopped: the next worker, started by a page, applies it.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badges } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();
const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

/** The outbox's entries, and an item's status, read in an extension page (same origin as the worker). */
function readState(page: Page, key: string) {
  return page.evaluate(async (k) => {
    const kept = Object.keys(await chrome.storage.session.get(null)).filter((name) => name.startsWith('outbox:'));
    const status = await new Promise<unknown>((done, fail) => {
      const open = indexedDB.open('replyline');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('items').objectStore('items').get(k);
        get.onsuccess = () => {
          done((get.result as { status?: string } | undefined)?.status ?? null);
          open.result.close();
        };
        get.onerror = () => fail(get.error);
      };
    });
    return { kept: kept.length, status };
  }, key);
}

describe('an action from a popup closed before its answer', () => {
  it('is applied by the next worker, and the badges follow', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);

    const popup = await session.extensionPage('popup');
    const row = popup.locator('li.item').first();
    await row.waitFor();
    const key = (await row.getAttribute('data-key'))!;
    // From now on the popup's messages never arrive, and never get an answer.
    await popup.evaluate(() => {
      chrome.runtime.sendMessage = (() => new Promise(() => undefined)) as typeof chrome.runtime.sendMessage;
    });
    await row.getByRole('button', { name: 'Mark answered' }).click();
    await expect.poll(async () => (await readState(popup, key)).kept).toBe(1);
    await popup.close();

    const look = await session.extensionPage('options');
    expect(await readState(look, key)).toEqual({ kept: 1, status: 'pending' });
    const cdp: CDPSession = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // A page loaded starts a worker; its start applies the kept action and tells every tab.
    const again = await session.context.newPage();
    await again.goto(`${CONVERSATION}?again=1`);
    await expect.poll(() => readState(look, key), { timeout: 15_000 }).toEqual({ kept: 0, status: 'answered' });
    for (const shown of [page, again]) {
      await expect.poll(async () => new Map(await badges(shown)).get(key), { timeout: 15_000 }).toBe('answered');
    }
  });
});
