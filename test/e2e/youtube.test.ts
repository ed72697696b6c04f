import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';

const browser = browserPerFile();

describe('YouTube in Chromium', () => {
  it('judges nothing until the owner handle is known, then badges the right comments', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(WATCH);
    await page.locator('ytd-comment-view-model').first().waitFor();
    await page.waitForTimeout(800);
    expect(await badges(page)).toEqual([]);

    await setHandle(session, 'youtube', '@brightloop');
    // The open page judges again as soon as the handle is saved.
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['youtube:UgxLena001AaABAg', 'pending'],
        ['youtube:UgxFox002AaABAg', 'answered'],
        ['youtube:UgxOwn003AaABAg.9zReply02', 'pending'],
        ['youtube:UgxRnd004AaABAg', 'pending'],
      ]);
    await expect.poll(() => session.badgeText()).toBe('3');
    await page.close();
  });

  it('replies with a snippet from the badge menu into the plain comment box, and sending answers it', async () => {
    const session = browser();
    await addSnippet(
      session,
      'Paper texture',
      'Hi {name}! It is a scanned paper overlay.\nSet it to Multiply.',
    );
    const page = await session.context.newPage();
    await page.goto(WATCH);
    const host = page.locator('[data-replyline-key="youtube:UgxLena001AaABAg"]');
    await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');

    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Paper texture' }).click();

    const box = page
      .locator('ytd-comment-view-model#comment', { hasText: 'paper texture' })
      .locator('#contenteditable-root');
    await expect
      // A plain contenteditable's text, line breaks included, is what innerText shows.
      .poll(() => box.evaluate((el) => (el as HTMLElement).innerText.replace(/\n$/, '')))
      .toBe('Hi lenamakes! It is a scanned paper overlay.\nSet it to Multiply.');
    const submit = page.locator('#submit-button button');
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();

    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await expect
      .poll(() => session.storedItem('youtube:UgxLena001AaABAg'))
      .toMatchObject({
        status: 'answered',
        answeredVia: 'snippet',
      });
    await expect.poll(() => session.badgeText()).toBe('2');
    await page.close();
  });

  it('the popup lists what is still waiting, oldest first, and opens it in the tab that already shows it', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(WATCH);
    const popup = await session.extensionPage('popup');
    await expect
      .poll(() => popup.locator('li.item strong').allTextContents())
      .toEqual(['samir_dev', 'randomviewer']);
    // The popup closes itself once the background has shown the page.
    const closed = popup.waitForEvent('close');
    await popup.locator('li.item', { hasText: 'samir_dev' }).getByRole('button', { name: 'Open' }).click();
    await closed;
    // No new tab: the page with that video is reused, and brought to the front.
    const youtubeTabs = await session.worker.evaluate(async () =>
      (await chrome.tabs.query({ url: 'https://www.youtube.com/*' })).map((tab) => ({ url: tab.url, active: tab.active })),
    );
    expect(youtubeTabs).toEqual([{ url: WATCH, active: true }]);
    await page.close();
  });

  it('in Studio’s comments inbox, badges the comments still waiting and replies into its textarea', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto('https://studio.youtube.com/channel/UCbrightloop/comments/inbox');
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['youtube:UgxStudio01AaABAg', 'answered'],
        ['youtube:UgxStudio02AaABAg', 'pending'],
        ['youtube:UgxStudio03AaABAg', 'pending'],
      ]);
    const host = page.locator('[data-replyline-key="youtube:UgxStudio02AaABAg"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Paper texture' }).click();
    const box = page.locator('ytcp-commentbox textarea#textarea');
    await expect.poll(() => box.inputValue()).toBe('Hi samir_dev! It is a scanned paper overlay.\nSet it to Multiply.');
    await page.locator('ytcp-commentbox #submit-button').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await page.close();
  });
});
