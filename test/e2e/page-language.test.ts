import { describe, expect, it } from 'vitest';
import { badges, setHandle } from './harness';
import { browserPerFile } from './session';

// Pages whose interface is in German or Spanish: the log keeps the time each page shows (read with
// Chromium's own Intl data), so the waiting list's order and its oldest wait are the page's, not the
// moment Replyline first saw the comment.
const H = 3_600_000;
const browser = browserPerFile();

/** Asserts each stored item's time is its page's age, measured around when the page was read. */
type Read = (key: string) => Promise<Record<string, unknown> | null>;

async function expectAges(read: Read, before: number, ages: Record<string, number>) {
  const after = Date.now();
  for (const [key, age] of Object.entries(ages)) {
    const item = await read(key);
    expect(item?.createdAt, key).toBeGreaterThanOrEqual(before - age);
    expect(item?.createdAt, key).toBeLessThanOrEqual(after - age);
    expect(item?.sortAt, key).toBe(item?.createdAt);
  }
}

describe('Pages in other languages in Chromium', () => {
  it('TikTok in German: each comment’s time is the page’s (vor 3 Std., vor 1 Std.)', async () => {
    const session = browser();
    await setHandle(session, 'tiktok', 'brightloop');
    const page = await session.context.newPage();
    const before = Date.now();
    await page.goto('https://www.tiktok.com/@brightloop/video/7440000000000000001?lang=de');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(3);
    await expectAges((key) => session.storedItem(key), before, {
      'tiktok:7440000000000000001:7440000000000100002': 3 * H,
      'tiktok:7440000000000000001:7440000000000200003': H,
    });
    await page.close();
  });

  it('YouTube in Spanish: each comment’s time is the page’s (hace 2 días, hace 20 horas)', async () => {
    const session = browser();
    await setHandle(session, 'youtube', 'brightloop');
    const page = await session.context.newPage();
    const before = Date.now();
    await page.goto('https://www.youtube.com/watch?v=Qm7tLp2vX9c&hl=es');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(4);
    await expectAges((key) => session.storedItem(key), before, {
      'youtube:UgxLena001AaABAg': 48 * H,
      'youtube:UgxOwn003AaABAg.9zReply02': 20 * H,
      'youtube:UgxRnd004AaABAg': 5 * H,
    });
    await page.close();
  });
});
