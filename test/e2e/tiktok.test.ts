import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const VIDEO = 'https://www.tiktok.com/@brightloop/video/7440000000000000001';
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('TikTok in Chromium', () => {
  it('badges the comments on the owner’s video and replies to the owner’s comment; a reply lands in Draft.js', async () => {
    const session = browser();
    await setHandle(session, 'tiktok', 'brightloop');
    await addSnippet(session, 'Tutorial', 'Hi {name}! The tutorial is up on Friday 🎬');
    const page = await session.context.newPage();
    await page.goto(VIDEO);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['tiktok:7440000000000000001:7440000000000100001', 'answered'],
        ['tiktok:7440000000000000001:7440000000000100002', 'pending'],
        ['tiktok:7440000000000000001:7440000000000200003', 'pending'],
      ]);
    const kai = page.locator('[data-replyline-key]').nth(1);
    await kai.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Tutorial' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Hi Kai! The tutorial is up on Friday 🎬');
    await page.locator('[data-e2e="comment-post"]').click();
    await expect.poll(() => kai.getAttribute('data-replyline-status')).toBe('answered');
    await page.close();
  });
});
