import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const POST = 'https://www.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/';
const OLD = 'https://old.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/';
const browser = browserPerFile();
const editorState = () => (window as unknown as { __editor: { state(): string } }).__editor.state();

describe('Reddit in Chromium', () => {
  it('badges comments on the owner’s post and replies to the owner’s comments (new Reddit)', async () => {
    const session = browser();
    await setHandle(session, 'reddit', 'brightloop');
    const page = await session.context.newPage();
    await page.goto(POST);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['reddit:t1_m4ra01', 'answered'],
        ['reddit:t1_k3nj01', 'pending'],
        ['reddit:t1_n0ra01', 'pending'],
        ['reddit:t1_j0ls01', 'pending'],
      ]);
    await page.close();
  });

  it('replies with a saved reply through the Reply button in a shadow root, into the Lexical composer', async () => {
    const session = browser();
    await addSnippet(session, 'Crash fix', 'Thanks {name}, sorry about that!\nVersion 2.1 fixes the PDF export.');
    const page = await session.context.newPage();
    await page.goto(POST);
    const host = page.locator('[data-replyline-key="reddit:t1_k3nj01"]');
    await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Crash fix' }).click();
    // Rich text: each line of the reply is a paragraph of its own.
    await expect
      .poll(() => page.evaluate(editorState))
      .toBe('Thanks kenji_w, sorry about that!\n\nVersion 2.1 fixes the PDF export.');
    await page.locator('shreddit-comment[thingid="t1_k3nj01"] > [slot="actionRow"] button[slot="submit-button"]').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await expect.poll(() => session.storedItem('reddit:t1_k3nj01')).toMatchObject({ answeredVia: 'snippet' });
    await page.close();
  });

  it('reads old.reddit too: the same comments, and a reply into its textarea', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(OLD);
    // The comment answered on new Reddit is the same comment here (t1_ ids are shared).
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['reddit:t1_m4ra01', 'answered'],
        ['reddit:t1_k3nj01', 'answered'],
      ]);
    const host = page.locator('[data-replyline-key="reddit:t1_k3nj01"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Crash fix' }).click();
    const box = page.locator('[data-fullname="t1_k3nj01"] > .child textarea[name="text"]');
    await expect.poll(() => box.inputValue()).toBe('Thanks kenji_w, sorry about that!\nVersion 2.1 fixes the PDF export.');
    await page.close();
  });

  it('badges old.reddit’s inbox by the comments’ own ids, and a reply goes into the inbox’s textarea', async () => {
    const session = browser();
    await addSnippet(session, 'Presets', 'Hi {name}! Presets arrive in 2.2, Pomodoro first.');
    const page = await session.context.newPage();
    await page.goto('https://old.reddit.com/message/inbox/');
    // t1_n0ra01 is Nora's comment on the post page, under the same key; Paul's has the owner's answer below it.
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['reddit:t1_q8mn01', 'pending'],
        ['reddit:t1_n0ra01', 'pending'],
        ['reddit:t1_p4ul01', 'answered'],
      ]);
    const host = page.locator('[data-replyline-key="reddit:t1_n0ra01"]');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Presets' }).click();
    const box = page.locator('[data-fullname="t1_n0ra01"] > .child textarea[name="text"]');
    await expect.poll(() => box.inputValue()).toBe('Hi nora_b! Presets arrive in 2.2, Pomodoro first.');
    await page.locator('[data-fullname="t1_n0ra01"] > .child button.save').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await page.close();
  });
});
