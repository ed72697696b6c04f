import { describe, expect, it } from 'vitest';
import { addSnippet, badges, setHandle } from './harness';
import { browserPerFile } from './session';

const THREAD = 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22';
const browser = browserPerFile();

describe('Bluesky in Chromium', () => {
  it('reads the signed-in handle from the page’s navigation when none is typed in Options', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto(THREAD);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['bluesky:tomasreyes.bsky.social/3mbl01tomas2', 'answered'],
        ['bluesky:maralind.bsky.social/3mbl03mara22', 'pending'],
        ['bluesky:priyan.bsky.social/3mbl05priya2', 'pending'],
      ]);
    await page.close();
  });

  it('badges the replies on the owner’s post and the mentions, once the handle is set', async () => {
    const session = browser();
    await setHandle(session, 'bluesky', 'brightloop.bsky.social');
    const page = await session.context.newPage();
    await page.goto(THREAD);
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([
        ['bluesky:tomasreyes.bsky.social/3mbl01tomas2', 'answered'],
        ['bluesky:maralind.bsky.social/3mbl03mara22', 'pending'],
        ['bluesky:priyan.bsky.social/3mbl05priya2', 'pending'],
      ]);
    await page.goto('https://bsky.app/notifications');
    await expect
      .poll(() => badges(page), { timeout: 15_000 })
      .toEqual([['bluesky:jules.bsky.social/3mbl10jules2', 'pending']]);
    await expect.poll(() => session.badgeText()).toBe('3');
    await page.close();
  });

  it('replies with a saved reply into the TipTap composer, and publishing answers the post', async () => {
    const session = browser();
    await addSnippet(session, 'Beta invite', 'Hi {first_name}! Yes: everyone can join.\nInvites go out on Monday 🎉');
    const page = await session.context.newPage();
    await page.goto(THREAD);
    const host = page.locator('[data-replyline-key="bluesky:maralind.bsky.social/3mbl03mara22"]');
    await expect.poll(() => host.getAttribute('data-replyline-status'), { timeout: 15_000 }).toBe('pending');
    await host.locator('button.badge').click();
    await page.getByRole('menuitem', { name: 'Beta invite' }).click();

    // The editor's own state holds the reply, line break and emoji included.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __editor: { state(): string } }).__editor.state()))
      .toBe('Hi Mara! Yes: everyone can join.\nInvites go out on Monday 🎉');
    await page.locator('[data-testid="composerPublishBtn"]').click();
    await expect.poll(() => host.getAttribute('data-replyline-status')).toBe('answered');
    await expect
      .poll(() => session.storedItem('bluesky:maralind.bsky.social/3mbl03mara22'))
      .toMatchObject({ status: 'answered', answeredVia: 'snippet' });
    await page.close();
  });
});
