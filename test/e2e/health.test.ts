import { describe, expect, it } from 'vitest';
import { badges } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();

describe('site health', () => {
  it('shows a site as needing attention when its markup changed, says what failed, and clears when it reads again', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto('https://x.com/changedmarkup/status/1950000000000000001');
    const title = () => session.worker.evaluate(() => chrome.action.getTitle({}));
    // The page is measured 6 s after it loads.
    await expect.poll(title, { timeout: 15_000 }).toMatch(/X needs attention/);
    expect(await badges(page)).toEqual([]);

    const popup = await session.extensionPage('popup');
    const notice = popup.getByRole('group', { name: 'Sites needing attention' });
    await expect
      .poll(() => notice.textContent())
      .toMatch(new RegExp([
        '^X needs attention No comments were found on /changedmarkup/status/1950000000000000001, ',
        'where some were expected\\. Parts not found on .*: tweet\\.',
      ].join('')));
    await popup.close();

    await page.goto('https://x.com/brightloop/status/1950000000000000001');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await expect.poll(title, { timeout: 15_000 }).toBe('Replyline: 3 waiting');
    const again = await session.extensionPage('popup');
    await again.locator('li.item').first().waitFor();
    expect(await again.getByRole('group', { name: 'Sites needing attention' }).count()).toBe(0);
    await again.close();
  });
});
