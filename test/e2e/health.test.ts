import { describe, expect, it } from 'vitest';
import { badges } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();

describe('site health', () => {
  it('shows a site needing attention with what failed; a selector override mends it at once; reset and reading well clear it', async () => {
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

    // A selector override mends it at once, on the open page, without a new release.
    const options = await session.extensionPage('options');
    await options.getByText('X', { exact: true }).click();
    const tweet = options.locator('input[name=selector-x-tweet]');
    expect(await tweet.getAttribute('placeholder')).toBe('article[data-testid="tweet"]');
    await tweet.fill('article[data-testid="post"]]');
    await options.getByRole('button', { name: 'Save selectors' }).click();
    await expect
      .poll(() => options.getByTestId('selectors-status').textContent())
      .toBe('Not valid CSS, nothing was saved: tweet.');
    await tweet.fill('article[data-testid="post"]');
    await options.getByRole('button', { name: 'Save selectors' }).click();
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(0);
    // The open page follows before the background answers the options page: the field empties with that answer.
    await expect
      .poll(() => options.getByTestId('selectors-status').textContent())
      .toBe('Selectors for X are back to the defaults.');
    expect(await tweet.inputValue()).toBe('');
    await options.close();

    await page.goto('https://x.com/brightloop/status/1950000000000000001');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await expect.poll(title, { timeout: 15_000 }).toBe('Replyline: 3 waiting');
    const again = await session.extensionPage('popup');
    await again.locator('li.item').first().waitFor();
    expect(await again.getByRole('group', { name: 'Sites needing attention' }).count()).toBe(0);
    await again.close();
  });
});
