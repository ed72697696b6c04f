import { describe, expect, it } from 'vitest';
import { addSnippet, badges } from './harness';
import { browserPerFile } from './session';

const POST = 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/';
const key = (comment: string) => `linkedin:7400000000000000001_${comment}`;
const EXPECTED = [
  [key('7400000000000000101'), 'answered'],
  [key('7400000000000000201'), 'pending'],
  [key('7400000000000000302'), 'pending'],
];
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('LinkedIn in Chromium', () => {
  it('knows the member from “• You” and badges the right comments, in both page structures', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(POST);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual(EXPECTED);
    await page.goto(`${POST}?structure=v1`);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual(EXPECTED);
    // A ugcPost, its comments keyed on wrappers or on themselves.
    await page.goto('https://www.linkedin.com/feed/update/urn:li:ugcPost:7400000000000000009/');
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual(EXPECTED.map(([k, status]) => [k!.replace('linkedin:7400000000000000001_', 'linkedin:ugcPost:7400000000000000009_'), status]));
    await page.close();
  });

  it('replies with a saved reply into the TipTap box (newer) and the Quill box (older)', async () => {
    const session = browser();
    await addSnippet(session, 'Slack', 'Hi {first_name}, yes!\nThe Slack app is in beta.');
    const page = await session.context.newPage();
    await page.goto(POST);
    const tom = page.locator(`[data-replyline-key="${key('7400000000000000201')}"]`);
    await expect.poll(() => tom.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');
    await tom.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Slack' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Hi Tom, yes!\nThe Slack app is in beta.');
    await page.locator('button[data-view-name="comment-reply-post"]').click();
    await expect.poll(() => tom.getAttribute('data-replyline-status')).toBe('answered');

    await page.goto(`${POST}?structure=v1`);
    const lea = page.locator(`[data-replyline-key="${key('7400000000000000302')}"]`);
    await expect.poll(() => lea.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');
    await lea.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Slack' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Hi Lea, yes!\nThe Slack app is in beta.');
    await page.close();
  });
});
