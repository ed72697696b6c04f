import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const POST = 'https://www.instagram.com/p/DBrLoop01Ab/';
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('Instagram in Chromium', () => {
  it('badges comments on the owner’s post and replies to the owner’s comment; a reply lands in the React textarea', async () => {
    const session = browser();
    await setHandle(session, 'instagram', 'brightloop');
    await addSnippet(session, 'Print', 'Yes! The print is back in stock.');
    const page = await session.context.newPage();
    await page.goto(POST);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['instagram:18000000000000001', 'answered'],
        ['instagram:18000000000000003', 'pending'],
        ['instagram:18000000000000005', 'pending'],
      ]);
    const host = page.locator('[data-replyline-key="instagram:18000000000000003"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Print' }).click();
    // Reply put "@leo_sketch " in the box first; the saved reply follows it, in React's own state.
    await expect.poll(() => page.evaluate(editorState)).toBe('@leo_sketch Yes! The print is back in stock.');
    await page.locator('form[method="POST"] div[role="button"]').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await page.close();
  });
});
