import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const POST = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0BrightLoopFixturePost000000000000000000000000000000000000000&id=100000000000077';
const EXPECTED = [
  ['facebook:9100000000000001', 'answered'],
  ['facebook:9100000000000002', 'pending'],
  ['facebook:9100000000000003', 'answered'],
  ['facebook:9200000000000004', 'pending'],
];
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('Facebook in Chromium', () => {
  it('badges comments on the Page’s post and replies to its comments, in English and in German', async () => {
    const session = browser();
    await setHandle(session, 'facebook', '100000000000077');
    const page = await session.context.newPage();
    await page.goto(POST);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual(EXPECTED);
    await page.goto(`${POST}&locale=de`);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual(EXPECTED);
    await page.close();
  });

  it('replies with a saved reply into the Lexical reply box, and Enter (sending) answers the comment', async () => {
    const session = browser();
    await addSnippet(session, 'Sizes', 'Hi {first_name}! Yes, size M is in stock.');
    const page = await session.context.newPage();
    await page.goto(POST);
    const host = page.locator('[data-replyline-key="facebook:9100000000000002"]');
    await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Sizes' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Hi Diego! Yes, size M is in stock.');
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await expect.poll(() => session.storedItem('facebook:9100000000000002')).toMatchObject({ answeredVia: 'snippet' });
    await page.close();
  });

  it('badges a group post’s comments for its author, and a reply goes into the reply box under the comment', async () => {
    const session = browser();
    await setHandle(session, 'facebook', '100000000000077');
    await addSnippet(session, 'Flour', 'Hi {first_name}, we use a stone-ground rye.');
    const page = await session.context.newPage();
    await page.goto('https://www.facebook.com/groups/sourdoughcircle/posts/4400000000000001/');
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['facebook:9300000000000001', 'pending'],
        ['facebook:9300000000000002', 'answered'],
        ['facebook:9400000000000003', 'pending'],
        ['facebook:9300000000000004', 'pending'],
      ]);
    const host = page.locator('[data-replyline-key="facebook:9300000000000001"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Flour' }).click();
    await expect.poll(() => page.evaluate(editorState)).toBe('Hi Ana, we use a stone-ground rye.');
    await expect.poll(() => page.locator('.reply-box [role=textbox]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 5000 }).toBe('answered');
    await page.close();
  });
});
