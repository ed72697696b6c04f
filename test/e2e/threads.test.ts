import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const POST = 'https://www.threads.com/@brightloop/post/DBrLp00Root1';
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('Threads in Chromium', () => {
  it('badges the replies on the owner’s post; a saved reply lands in the reply box and sending answers it', async () => {
    const session = browser();
    await setHandle(session, 'threads', 'brightloop');
    await addSnippet(session, 'Oat milk', 'Yes {name}, oat and almond!');
    const page = await session.context.newPage();
    await page.goto(POST);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['threads:DBrLp01Rita1', 'answered'],
        ['threads:DBrLp03Joao1', 'pending'],
        ['threads:DBrLp04Emma1', 'pending'],
      ]);
    const host = page.locator('[data-replyline-key="threads:DBrLp03Joao1"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Oat milk' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Yes joao.m, oat and almond!');
    await page.locator('#threads-reply .send').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await page.close();
  });
});
