import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addSnippet, badges, screenshot } from './harness';
import { browserPerFile } from './session';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
const key = (n: number) => `x:19500000000000000${String(n).padStart(2, '0')}`;

const browser = browserPerFile();

describe('X in Chromium', () => {
  it('draws badges on exactly the comments waiting for the owner', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    expect(await badges(page)).toEqual([
      [key(2), 'answered'],
      [key(4), 'pending'],
      [key(5), 'answered'],
      [key(7), 'pending'],
      [key(8), 'pending'],
    ]);
    // The badge sits in the author's header, in a shadow root the page's CSS does not reach.
    const host = page.locator(`[data-replyline-key="${key(4)}"]`);
    expect(
      await host.evaluate((h) => h.closest('[data-testid="User-Name"]') !== null && h.shadowRoot !== null),
    ).toBe(true);
    await expect.poll(() => session.badgeText()).toBe('3');
    await screenshot(page, 'x-conversation');
    await page.close();
  });

  it('lists the waiting items in the popup, oldest first', async () => {
    const session = browser();
    const popup = await session.extensionPage('popup');
    const rows = popup.locator('li.item');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.locator('strong').allTextContents()).toEqual(['Devon K', 'Otto Brandt', 'Lina Park']);
    expect(await rows.first().locator('.excerpt').textContent()).toBe(
      'The contrast on buttons looks a bit low for me.',
    );
    await screenshot(popup, 'popup-waiting', 'artifact');
    await popup.close();
  });

  it('inserts a saved reply from the popup into the Draft.js composer, and sending answers the item', async () => {
    const session = browser();
    await addSnippet(
      session,
      'Contrast fix',
      'Thanks {first_name}!\nA contrast fix ships this week 👋 — 你好',
    );
    const page = await session.context.newPage();
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    // The user starts a reply to Devon with the site's own button: X opens its reply modal.
    await page
      .locator('article', { hasText: 'The contrast on buttons' })
      .locator('[data-testid="reply"]')
      .click();
    await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]').waitFor();

    const popup = await session.extensionPage('popup');
    await popup.getByRole('tab', { name: 'Saved replies' }).click();
    await popup
      .locator('li.snippet', { hasText: 'Contrast fix' })
      .getByRole('button', { name: 'Insert' })
      .click();
    await popup.getByRole('status').filter({ hasText: 'Inserted “Contrast fix”' }).waitFor();
    await screenshot(popup, 'popup-snippets-x', 'artifact');

    // The editor's own model holds the text, with its line break, and X's send button is enabled.
    const expected = 'Thanks Devon!\nA contrast fix ships this week 👋 — 你好';
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __xFixture: { text(): string } }).__xFixture.text()),
      )
      .toBe(expected);
    // X enables its send button from the editor's state, in an effect after the render that holds the text.
    const send = page.locator('[data-testid="tweetButton"]');
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();

    await expect
      .poll(() => page.locator(`[data-replyline-key="${key(4)}"]`).getAttribute('data-replyline-status'))
      .toBe('answered');
    expect(
      await page.evaluate(() => (window as unknown as { __xFixture: { sent: string[] } }).__xFixture.sent),
    ).toEqual([expected]);
    await expect.poll(() => session.badgeText()).toBe('2');
    await expect
      .poll(() => session.storedItem(key(4)))
      .toMatchObject({ status: 'answered', answeredVia: 'snippet' });
    await popup.reload();
    await popup.getByRole('tab', { name: 'Comments' }).click();
    await expect
      .poll(() => popup.locator('li.item strong').allTextContents())
      .toEqual(['Otto Brandt', 'Lina Park']);
    await popup.close();
    await page.close();
  });

  it('marks mentions on the mentions page, and a badge menu marks one answered', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto('https://x.com/notifications/mentions');
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['x:1950000000000000101', 'pending'],
        ['x:1950000000000000102', 'pending'],
      ]);
    await page.locator('[data-replyline-key="x:1950000000000000101"] button.badge').click();
    await page.getByRole('menuitem', { name: 'Mark answered' }).click();
    await expect
      .poll(() =>
        page.locator('[data-replyline-key="x:1950000000000000101"]').getAttribute('data-replyline-status'),
      )
      .toBe('answered');
    await expect.poll(() => session.badgeText()).toBe('3');
    await page.close();
  });

  it('judges a page anew after single-page navigation', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto('https://x.com/weatherbot/status/1950000000000000201');
    await page.locator('article').first().waitFor();
    await page.waitForTimeout(500);
    expect(await badges(page)).toEqual([]);
    // X swaps the timeline and the address without loading a page.
    const mentions = readFileSync('test/fixtures/x/mentions.html', 'utf8');
    await page.evaluate((html) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', '/notifications/mentions');
      document.querySelector('main')!.replaceWith(document.adoptNode(next.querySelector('main')!));
    }, mentions);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual([
      // Marked answered by the test above: the log outlives the page.
      ['x:1950000000000000101', 'answered'],
      ['x:1950000000000000102', 'pending'],
    ]);
    await page.close();
  });
});
