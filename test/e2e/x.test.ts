import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { violations } from './axe';
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

  it('names each badge by its state and author, and shows an open menu above everything on the page', async () => {
    const session = browser();
    await addSnippet(session, 'Dark mode', 'Thanks {first_name}!');
    const page = await session.context.newPage();
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    const names = await page.$$eval('[data-replyline-key]', (hosts) =>
      hosts.map((h) => h.shadowRoot?.querySelector('button.badge')?.getAttribute('aria-label')));
    expect(names).toEqual([
      'Answered: Marta Quill',
      'Waiting for your answer: Devon K',
      'Answered: Otto Brandt',
      'Waiting for your answer: Otto Brandt',
      'Waiting for your answer: Lina Park',
    ]);
    // The visible word is the name's start (label in name), and it is not the site's “Reply”.
    const host = page.locator(`[data-replyline-key="${key(4)}"]`);
    expect(await host.locator('button.badge').textContent()).toBe('Waiting');
    // Every badge adopts the one sheet of the page's badges, which styles it.
    expect(await host.evaluate((h) => {
      const style = getComputedStyle(h.shadowRoot!.querySelector('button.badge')!);
      const sheets = h.shadowRoot!.adoptedStyleSheets.length;
      return { sheets, background: style.backgroundColor, radius: style.borderRadius };
    })).toEqual({ sheets: 1, background: 'rgb(194, 65, 12)', radius: '999px' });

    // At the top of the window, its menu opens downwards, over the next comments and their badges.
    await host.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await host.locator('button.badge').click();
    const menu = host.locator('[role=menu]');
    await menu.getByRole('menuitem', { name: 'Dark mode' }).waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(
      ['Mark answered', 'Snooze 1 hour', 'Snooze until tomorrow', 'Dismiss', 'Dark mode'],
    );
    // The page lays an element with the highest z-index over the menu's place: the menu, in the top
    // layer, is still what is found at its centre, and it reaches over the next comment's badge.
    const top = await host.evaluate((h) => {
      const box = h.shadowRoot!.querySelector('[role=menu]')!.getBoundingClientRect();
      const cover = document.createElement('div');
      cover.id = 'page-cover';
      cover.style.cssText = `position:fixed;z-index:2147483647;background:rgb(0 0 0 / .1);`
        + `left:${box.left - 40}px;top:${box.top - 10}px;width:${box.width + 80}px;height:${box.height + 20}px`;
      document.body.append(cover);
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const hit = h.shadowRoot!.elementFromPoint(x, y);
      // The next badge lies under the menu: at its centre, the menu is found, not that badge.
      const next = document.querySelectorAll('[data-replyline-key]')[2]!.getBoundingClientRect();
      const [nx, ny] = [next.left + next.width / 2, next.top + next.height / 2];
      const underMenu = nx > box.left && nx < box.right && ny > box.top && ny < box.bottom;
      return {
        page: document.elementFromPoint(x, y) === h,
        menu: hit?.closest('[role=menu]') !== null,
        nextBadgeCovered: underMenu && document.elementFromPoint(nx, ny) === h,
      };
    });
    expect(top).toEqual({ page: true, menu: true, nextBadgeCovered: true });
    await page.evaluate(() => document.getElementById('page-cover')?.remove());
    await screenshot(page, 'badge-menu');
    expect(await violations(page, '[data-replyline-key]'), 'the badges, one menu open').toEqual([]);

    // The keys: the first entry has the focus, the arrows move, Escape closes and the badge has the focus again.
    const focused = () => host.evaluate((h) => h.shadowRoot!.activeElement?.textContent);
    expect(await focused()).toBe('Mark answered');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Snooze 1 hour');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Dark mode');
    await page.keyboard.press('Escape');
    expect(await menu.isHidden()).toBe(true);
    expect(await focused()).toBe('Waiting');
    expect(await host.locator('button.badge').getAttribute('aria-expanded')).toBe('false');
    // Enter opens it again, and an entry chosen by keyboard acts: the badge turns and keeps the focus.
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Mark answered');
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    expect(await host.locator('button.badge').getAttribute('aria-label')).toBe('Answered: Devon K');
    expect(await focused()).toBe('Answered');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Reopen' }).click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('pending');
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
