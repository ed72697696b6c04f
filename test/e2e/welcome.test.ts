/**
 * The welcome page in Chromium: it opens on install; the sites chosen there are the ones Replyline
 * runs on; handles and starter replies saved there are used; it can be done by keyboard, has no
 * axe-core violations in light and dark, and opens again from Options.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_NAMES } from '../../src/core/sites';
import { violations } from './axe';
import { badges, screenshot } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile({ keepWelcome: true });
const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';
const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
const CHOSEN = ['X', 'YouTube'];

function welcome(): Page {
  const page = browser().welcome;
  if (!page) throw new Error('The welcome page did not stay open.');
  return page;
}

/** Presses Tab until the element `selector` names has the focus (at most `limit` times). */
async function tabTo(page: Page, selector: string, limit = 30): Promise<void> {
  const target = page.locator(selector);
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The popup's line that asks for handles, or null when it is not shown. */
async function handlesNotice(): Promise<string | null> {
  const popup = await browser().extensionPage('popup');
  // The comments and the settings come in one answer, drawn with the tabs: once “Loading…” is gone, both are in.
  await popup.getByRole('tab', { name: 'Comments' }).waitFor();
  await popup.getByText('Loading…').waitFor({ state: 'detached' });
  const notice = popup.getByText(/handle is missing/);
  const text = (await notice.count()) > 0 ? await notice.textContent() : null;
  await popup.close();
  return text;
}

describe('the welcome page', () => {
  it('opens on install, and the sites chosen there by keyboard are the only ones turned on', async () => {
    const page = welcome();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Replyline' }).waitFor();
    // The choice can be made once the settings are in; nothing is ticked on a fresh install: the user picks.
    await expect.poll(() => page.locator('input[name=use-x]').isEnabled()).toBe(true);
    expect(await page.locator('input[name^=use-]:checked').count()).toBe(0);

    await tabTo(page, 'input[name=use-x]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('use-youtube');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit].primary');
    await page.keyboard.press('Enter');
    await page.getByTestId('sites-status').filter({ hasText: 'Replyline runs on X, YouTube. The other sites are off.' }).waitFor();

    // The next step takes the focus, and the next Tab reaches its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('who-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('who-x');
    expect(await page.locator('.site-guide h3').allTextContents()).toEqual(CHOSEN);

    const options = await browser().extensionPage('options');
    for (const name of Object.values(SITE_NAMES)) {
      const toggle = options.getByLabel(`Replyline on ${name}`);
      await expect.poll(() => toggle.isChecked(), { message: name }).toBe(CHOSEN.includes(name));
    }
    await options.close();
    // The popup asks for the handles of the chosen sites only.
    expect(await handlesNotice()).toBe('Your handle is missing on X, YouTube.');
  });

  it('checks a handle as it is typed, and a YouTube handle saved there makes the YouTube page badge comments', async () => {
    const page = welcome();
    const field = page.getByLabel('Your handle on YouTube', { exact: true });
    expect(await page.locator('#who-youtube-how').textContent()).toContain('youtube.com/@yourhandle');
    await field.fill('u/bright loop');
    const check = page.locator('#who-youtube-check');
    await expect.poll(() => check.textContent()).toBe('That is not a handle. A handle has letters, digits, “_”, “.” or “-”, and no spaces.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('@brightloop');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe(null);
    await field.press('Enter');
    await check.filter({ hasText: 'Saved.' }).waitFor();

    const youtube = await browser().context.newPage();
    await youtube.goto(WATCH);
    await expect
      .poll(() => badges(youtube), { timeout: 15_000 })
      .toEqual([
        ['youtube:UgxLena001AaABAg', 'pending'],
        ['youtube:UgxFox002AaABAg', 'answered'],
        ['youtube:UgxOwn003AaABAg.9zReply02', 'pending'],
        ['youtube:UgxRnd004AaABAg', 'pending'],
      ]);
    await youtube.close();
    // X shows who is signed in: once a page of it was seen, the popup no longer asks.
    expect(await handlesNotice()).toBe('Your handle is missing on X.');
    const x = await browser().context.newPage();
    await x.goto(CONVERSATION);
    await expect.poll(() => badges(x), { timeout: 15_000 }).toHaveLength(5);
    await x.close();
    expect(await handlesNotice()).toBe(null);
    // Back on the welcome page, it says what Replyline read on X. Headless Chromium never hides a
    // tab, so the event the browser sends when the tab is shown again is sent here.
    await page.bringToFront();
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.locator('#who-x-check').filter({ hasText: 'In use now: brightloop' }).waitFor();
  });

  it('saves a starter reply as edited, once, and the popup lists it', async () => {
    const page = welcome();
    const first = page.getByRole('form', { name: 'Saved reply 1' });
    await first.getByLabel('Title').fill('Thanks a lot');
    await first.getByRole('button', { name: 'Save this reply' }).click();
    await first.getByRole('status').filter({ hasText: 'Saved “Thanks a lot”.' }).waitFor();
    // Saved again after a change: the same reply, not a second one.
    await first.getByLabel('Text').fill('Thank you, {first_name}! See you on the next stream.');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.getByRole('status').filter({ hasText: 'Saved “Thanks a lot”.' }).waitFor();

    const popup = await browser().extensionPage('popup');
    await popup.getByRole('tab', { name: 'Saved replies' }).click();
    await popup.locator('li.snippet').first().waitFor();
    const listed = await popup.locator('li.snippet').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('Thanks a lot');
    expect(listed[0]).toContain('See you on the next stream.');
    await popup.close();
  });

  it('links each chosen site’s place to look, opening in a new tab', async () => {
    const page = welcome();
    const links = page.locator('ul.places a');
    expect(await links.allTextContents()).toEqual(['Your mentions on X', 'YouTube Studio (then Comments)']);
    for (const link of await links.all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener');
    }
    const [mentions] = await Promise.all([
      browser().context.waitForEvent('page'),
      links.first().click(),
    ]);
    await mentions.waitForURL('https://x.com/notifications/mentions');
    await mentions.close();
  });

  it('has no axe-core violations in light and dark, and makes the README’s picture', async () => {
    const page = welcome();
    await page.getByLabel('Your handle on X (optional)').fill('not a handle!');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await violations(page), `welcome, ${scheme}`).toEqual([]);
    }
    await page.getByLabel('Your handle on X (optional)').fill('');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await screenshot(page, 'welcome', 'readme', { fullPage: true });
  });

  it('opens again from Options, with the sites chosen before', async () => {
    const options = await browser().extensionPage('options');
    await options.getByRole('link', { name: 'New here? Set up Replyline step by step' }).click();
    await options.getByRole('heading', { level: 1, name: 'Welcome to Replyline' }).waitFor();
    await expect.poll(() => options.locator('input[name^=use-]:checked').evaluateAll((boxes) =>
      boxes.map((box) => (box as HTMLInputElement).name))).toEqual(['use-x', 'use-youtube']);
    await options.close();
  });
});
