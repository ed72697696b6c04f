import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSnippet, allowHost, badges, type Session } from './harness';
import { browserPerFile } from './session';

const THREAD = 'https://mastodon.social/@brightloop/113500000000000100';
const NOTIFICATIONS = 'https://mastodon.social/notifications';
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();
const key = (id: string) => `mastodon:mastodon.social/${id}`;

const hasAccess = (session: Session) =>
  session.worker.evaluate(() => chrome.permissions.contains({ origins: ['https://mastodon.social/*'] }));
const registered = (session: Session) =>
  session.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));

async function instancesSection(session: Session): Promise<Page> {
  const options = await session.extensionPage('options');
  await options.locator('section[aria-labelledby=instances-title]').waitFor();
  return options;
}

describe('Mastodon in Chromium', () => {
  it('runs on an instance only once the user adds it, badges replies and mentions, inserts into the compose box, follows access withdrawn in the browser, and stops when removed', async () => {
    const session = browser();
    await addSnippet(session, 'Tablets', 'Yes: Android 9 and later, tablets included.');

    // Not added yet: the page is served, but Replyline has no access there and draws nothing.
    const before = await session.context.newPage();
    await before.goto(THREAD);
    await before.locator('.status[data-id="113500000000000103"]').waitFor();
    await before.waitForTimeout(1500);
    expect(await badges(before)).toEqual([]);
    expect(await hasAccess(session)).toBe(false);
    await before.close();

    await allowHost(session, 'https://mastodon.social/*');
    const options = await instancesSection(session);
    await options.fill('#instance-host', '@brightloop@mastodon.social');
    await options.getByRole('button', { name: 'Add instance' }).click();
    await options.getByRole('status').filter({ hasText: 'Replyline runs on mastodon.social now' }).waitFor();
    await expect.poll(() => registered(session)).toEqual(['replyline-mastodon:mastodon.social']);

    // The owner is read from the page's start-up state: no handle typed.
    const page = await session.context.newPage();
    await page.goto(THREAD);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        [key('113500000000000101'), 'answered'],
        [key('113500000000000103'), 'pending'],
        [key('113500000000000105'), 'pending'],
      ]);
    const host = page.locator(`[data-replyline-key="${key('113500000000000103')}"]`);
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Tablets' }).click();
    // Reply put "@mara " in the compose box; the saved reply follows it, in React's own state.
    await expect.poll(() => page.evaluate(editorState)).toBe('@mara Yes: Android 9 and later, tablets included.');
    await page.locator('.compose-form button[type="submit"]').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    expect(await session.storedItem(key('113500000000000103'))).toMatchObject({
      status: 'answered',
      answeredVia: 'snippet',
      author: { name: 'Mara Lindqvist', handle: 'mara@mastodon.social' },
    });

    const mentions = await session.context.newPage();
    await mentions.goto(NOTIFICATIONS);
    await expect.poll(() => badges(mentions), { timeout: 15_000 }).toEqual([[key('113500000000000201'), 'pending']]);
    // The advanced layout: the mention in the notifications column and the conversation's
    // replies; the home column's copy of a reply and the favourite and follow groups get nothing.
    await mentions.goto('https://mastodon.social/deck/@brightloop/113500000000000100');
    await expect
      .poll(() => badges(mentions), { timeout: 15_000 })
      .toEqual([
        [key('113500000000000201'), 'pending'],
        [key('113500000000000101'), 'answered'],
        [key('113500000000000103'), 'answered'],
        [key('113500000000000105'), 'pending'],
      ]);
    expect(await mentions.locator('.column[aria-label="Home"] [data-replyline-key]').count()).toBe(0);
    await mentions.close();

    // Access withdrawn in the browser's own settings: the script goes at once, and Options offers it again.
    await session.worker.evaluate(() => chrome.permissions.remove({ origins: ['https://mastodon.social/*'] }));
    await expect.poll(() => registered(session)).toEqual([]);
    await options.reload();
    await options.getByText('Access withdrawn in the browser').waitFor();
    await allowHost(session, 'https://mastodon.social/*');
    await options.getByRole('button', { name: 'Allow again: mastodon.social' }).click();
    await options.getByRole('status').filter({ hasText: 'Replyline runs on mastodon.social now' }).waitFor();
    await expect.poll(() => registered(session)).toEqual(['replyline-mastodon:mastodon.social']);

    // Removed: the script is unregistered and the access given back; a new visit gets nothing.
    await options.reload();
    await options.getByRole('button', { name: 'Remove mastodon.social' }).click();
    await options.getByRole('status').filter({ hasText: 'Removed mastodon.social' }).waitFor();
    await expect.poll(() => hasAccess(session)).toBe(false);
    expect(await registered(session)).toEqual([]);
    await page.reload();
    await page.locator('.status[data-id="113500000000000103"]').waitFor();
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    await page.close();
    await options.close();
  });
});
