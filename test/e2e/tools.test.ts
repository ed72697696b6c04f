/**
 * The tools (the inline picker and insertion, assets/content-tools.js) are not in a site's page
 * until the user works in a comment box: then the worker runs them there, in the content scripts'
 * isolated world, even when the browser had stopped it just before.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOOLS_SCRIPT_FILE } from '../../src/core/sites/manifest';
import { TOOLS_GLOBAL } from '../../src/content/tools-api';
import { addSnippet, badges } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();
const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

const draftText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xFixture: { text(): string } }).__xFixture.text());
const options = (page: Page) => page.locator('[data-replyline-picker] [role=option]');

/** What of ours a page runs: the extension's scripts its frames parsed, and what its content scripts' world holds. */
async function watchScripts(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const parsed: string[] = [];
  const worlds: number[] = [];
  cdp.on('Debugger.scriptParsed', (event) => {
    if (event.url.startsWith(`chrome-extension://${extensionId}/`)) parsed.push(event.url.slice(event.url.indexOf('/', 19) + 1));
  });
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // The content scripts' world is the one of the extension's origin (Playwright has a world of its own).
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) worlds.push(context.id);
  });
  cdp.on('Runtime.executionContextsCleared', () => worlds.splice(0));
  await cdp.send('Debugger.enable');
  await cdp.send('Runtime.enable');
  return {
    cdp,
    count: (file: string) => parsed.filter((url) => url === file).length,
    /** typeof the tools' global in the content scripts' world of the page's frame. */
    async toolsInWorld(): Promise<string> {
      const world = worlds.at(-1);
      if (world === undefined) return 'no world';
      const { result } = await cdp.send('Runtime.evaluate', { expression: `typeof globalThis.${TOOLS_GLOBAL}`, contextId: world });
      return String(result.value);
    },
  };
}

describe('the tools of a page', () => {
  it('come when a comment box is used, with the worker stopped just before, and the reply goes in', async () => {
    const session = browser();
    await addSnippet(session, 'Shipping times', 'Orders ship within 2 days.');
    const page = await session.context.newPage();
    const scripts = await watchScripts(page, session.extensionId);
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    // Read, badged, reported: the site's script alone.
    expect(scripts.count('assets/content-x.js')).toBe(1);
    expect(scripts.count(TOOLS_SCRIPT_FILE)).toBe(0);
    expect(await scripts.toolsInWorld()).toBe('undefined');

    const running: string[] = [];
    scripts.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) running.push(version.runningStatus);
    });
    await scripts.cdp.send('ServiceWorker.enable');
    await scripts.cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => running.at(-1)).toBe('stopped');
    // The reply box opens focused, and the trigger is typed at once: nothing typed is lost.
    await page.locator('article', { hasText: 'The contrast on buttons' }).locator('[data-testid="reply"]').click();
    await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]').waitFor();
    await page.keyboard.type('Hey! ;;ship');
    await expect.poll(() => options(page).allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('Shipping times')]);
    await page.keyboard.press('Enter');
    await expect.poll(() => draftText(page)).toBe('Hey! Orders ship within 2 days.');

    // Once, in the content scripts' world only: the page's own scripts do not see it.
    expect(scripts.count(TOOLS_SCRIPT_FILE)).toBe(1);
    expect(await scripts.toolsInWorld()).toBe('object');
    expect(await page.evaluate((name) => typeof (window as unknown as Record<string, unknown>)[name], TOOLS_GLOBAL)).toBe('undefined');

    // The worker was woken for it; the next use asks for nothing more.
    expect(running).toContain('running');
    await page.keyboard.type(' ;;');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(scripts.count(TOOLS_SCRIPT_FILE)).toBe(1);
    await page.close();
  });
});
