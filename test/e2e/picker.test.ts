import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSnippet, badges, screenshot, setHandle } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();
const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';

const draftText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xFixture: { text(): string } }).__xFixture.text());
const options = (page: Page) => page.locator('[data-replyline-picker] [role=option]');

/** The conversation page with X's reply modal open on the tweet that says `text`. */
async function replyModal(text: string): Promise<Page> {
  const page = await browser().context.newPage();
  await page.goto(CONVERSATION);
  await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
  await page.locator('article', { hasText: text }).locator('[data-testid="reply"]').click();
  await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]').waitFor();
  return page;
}

describe('the inline picker', () => {
  it('opens on the trigger in X’s composer, filters as you type, and Enter replaces trigger and query', async () => {
    const session = browser();
    await addSnippet(session, 'Thanks', 'Thanks {first_name}! {cursor}');
    await addSnippet(session, 'Shipping times', 'Orders ship within 2 days.');
    await addSnippet(session, 'Roadmap', 'It is on our roadmap for {input:Month}, {name}.');
    const page = await replyModal('The contrast on buttons');
    await page.keyboard.type('Hey! ;;');
    await expect.poll(() => options(page).count()).toBe(3);
    await screenshot(page, 'picker');
    await page.keyboard.type('ship');
    await expect.poll(() => options(page).allInnerTexts()).toEqual([expect.stringContaining('Shipping times')]);
    // The highlighted reply is announced to screen readers.
    await expect
      .poll(() => page.locator('[data-replyline-picker] [role=status]').textContent())
      .toBe('Shipping times, 1 of 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => draftText(page)).toBe('Hey! Orders ship within 2 days.');
    expect(await page.locator('[data-replyline-picker]').count()).toBe(0);
    await page.close();
  });

  it('fills the person answered, asks {input:…} fields, and keeps the caret at {cursor}', async () => {
    const page = await replyModal('The contrast on buttons');
    await page.keyboard.type(';;thanks');
    await expect.poll(() => options(page).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => draftText(page)).toBe('Thanks Devon! ');
    await page.keyboard.type('Glad you like it.');
    await expect.poll(() => draftText(page)).toBe('Thanks Devon! Glad you like it.');

    await page.keyboard.type(' ;;roadmap');
    await expect.poll(() => options(page).allInnerTexts()).toEqual([expect.stringContaining('Roadmap')]);
    await page.keyboard.press('Enter');
    const month = page.locator('[data-replyline-picker] input[name="Month"]');
    await month.waitFor();
    await month.fill('March');
    await month.press('Enter');
    await expect
      .poll(() => draftText(page))
      .toBe('Thanks Devon! Glad you like it. It is on our roadmap for March, Devon K.');
    await page.close();
  });

  it('warns before going over X’s 280 characters, and inserts on a second Enter', async () => {
    const session = browser();
    await addSnippet(session, 'Long story', `Here is the whole story. ${'More details follow. '.repeat(14)}`);
    const page = await replyModal('Congrats to the whole team');
    await page.keyboard.type(';;long');
    await expect.poll(() => options(page).count()).toBe(1);
    await page.keyboard.press('Enter');
    const warning = page.locator('[data-replyline-picker] [role=alert]');
    await expect.poll(() => warning.textContent()).toMatch(/over X’s limit of 280/);
    expect(await draftText(page)).toBe(';;long');
    await page.keyboard.press('Enter');
    await expect.poll(() => draftText(page)).toMatch(/^Here is the whole story\./);
    await page.close();
  });

  it('opens with the shortcut in YouTube’s comment box, warns when the comment was already answered', async () => {
    const session = browser();
    await setHandle(session, 'youtube', 'brightloop');
    const page = await session.context.newPage();
    await page.goto(WATCH);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(4);
    // quietfox's comment already has the channel's reply.
    const comment = page.locator('ytd-comment-view-model#comment', { hasText: 'saved my weekend' });
    await comment.locator('#reply-button-end button').click();
    const box = comment.locator('#contenteditable-root');
    await box.waitFor();
    await box.focus();
    await page.keyboard.press('Alt+Shift+S');
    await expect.poll(() => options(page).count()).toBe(4);
    await page.keyboard.type('ship');
    await expect.poll(() => options(page).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-replyline-picker] [role=alert]').textContent())
      .toBe('You already answered quietfox just now. Press Enter again to insert anyway.');
    await page.keyboard.press('Enter');
    await expect.poll(() => box.evaluate((el) => (el as HTMLElement).innerText.trim())).toBe('Orders ship within 2 days.');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('answers the tweet whose reply box was opened before the badges were drawn, not the first one shown', async () => {
    const session = browser();
    await addSnippet(session, 'Hello again', 'Hello {first_name}, noted.');
    const page = await session.context.newPage();
    // Devon's Reply is clicked as the page's own scripts finish, before Replyline has read the page.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const article = Array.from(document.querySelectorAll('article'))
          .find((a) => a.textContent?.includes('The contrast on buttons'));
        article?.querySelector<HTMLElement>('[data-testid="reply"]')?.click();
      });
    });
    await page.goto(CONVERSATION);
    const box = page.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]');
    await box.waitFor();
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await box.click();
    await page.keyboard.type(';;hello');
    await expect.poll(() => options(page).allInnerTexts()).toEqual([expect.stringContaining('Hello again')]);
    await page.keyboard.press('Enter');
    // Not Marta's answered tweet (the first badged): no warning, and Devon's name filled in.
    await expect.poll(() => draftText(page)).toBe('Hello Devon, noted.');
    await page.close();
  });

  it('Esc closes the picker and leaves the text as typed', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(WATCH);
    // Replyline has started on the page (it badges what it read): a trigger typed before would go unseen.
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(4);
    const comment = page.locator('ytd-comment-view-model#comment', { hasText: 'paper texture' });
    await comment.locator('#reply-button-end button').click();
    const box = comment.locator('#contenteditable-root');
    await box.waitFor();
    await box.focus();
    await page.keyboard.type('Nice ;;');
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-replyline-picker]').count()).toBe(0);
    expect(await box.evaluate((el) => (el as HTMLElement).innerText.trim())).toBe('Nice ;;');
    await page.close();
  });
});
