/**
 * Hostile page text: one comment tens of thousands of characters long among normal ones. The log
 * keeps an excerpt of it (the content script cuts it before reporting), and every comment of the
 * page is badged: one odd item never costs the others.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badges } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();
const key = (n: number) => `x:19500000000000000${String(n).padStart(2, '0')}`;

describe('a page with a 50,000-character comment', () => {
  it('badges every comment, and the log keeps an excerpt of the long one', async () => {
    const session = browser();
    const long = `${'This is a very long complaint about the app. '.repeat(1200)}The end.`;
    expect(long.length).toBeGreaterThan(50_000);
    const html = readFileSync('test/fixtures/x/conversation.html', 'utf8').replace(
      'The contrast on buttons looks a bit low for me.',
      long,
    );
    await session.context.route((url) => url.searchParams.get('fixture') === 'long', (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    const page = await session.context.newPage();
    await page.goto('https://x.com/brightloop/status/1950000000000000001?fixture=long');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toEqual([
      [key(2), 'answered'],
      [key(4), 'pending'],
      [key(5), 'answered'],
      [key(7), 'pending'],
      [key(8), 'pending'],
    ]);
    const stored = await session.storedItem(key(4));
    expect(Array.from(String(stored?.text))).toHaveLength(2000);
    expect(String(stored?.text).endsWith('…')).toBe(true);
    await page.close();
  });
});
