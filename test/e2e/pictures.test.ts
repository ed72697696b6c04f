/**
 * The README's popup pictures and the store listing's art, made from a realistic log
 * (picture-log.ts) by the built extension in Chromium: the popup at its real size (400 x 600) in
 * light and dark, with no axe-core violations (popup-scale.test.ts draws it in German); store
 * screenshots at 1280 x 800 (a site's page with its badges and the popup open over it; the popup's
 * three views side by side) and the 440 x 280 promo tile. Each picture is checked for its size and
 * for what it must show. They are written to test/.artifacts/, and with UPDATE_SCREENSHOTS=1 to
 * test/screenshots/ (store art in test/screenshots/store/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../src/core/types';
import { violations } from './axe';
import { badges, launch, screenshot, type Session } from './harness';
import { PICTURE_SITES, seedPictureLog } from './picture-log';
import { SITE_LOOK, STORE_FRAME, tile } from './store-art';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
mkdirSync('test/.artifacts/store', { recursive: true });
if (process.env.UPDATE_SCREENSHOTS === '1') mkdirSync('test/screenshots/store', { recursive: true });

/** A PNG's width and height, read from its header. */
function pngSize(path: string): [number, number] {
  const head = readFileSync(path);
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

const asDataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** A browser whose log is the pictures' one. */
function pictureBrowser(): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch();
    const page = await session.extensionPage('options');
    const off = SITE_IDS.filter((s) => !PICTURE_SITES.includes(s));
    await page.evaluate(seedPictureLog, { sites: PICTURE_SITES, off });
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The browser did not start.');
    return session;
  };
}

/** The popup on its comments, once its rows are drawn. */
async function popupShown(session: Session): Promise<Page> {
  const popup = await session.extensionPage('popup');
  await popup.locator('li.item').first().waitFor({ timeout: 20_000 }).catch(async (error: unknown) => {
    const shown = await popup.evaluate(() => [document.documentElement.lang, document.body.innerText.slice(0, 400)]);
    throw new Error(`No comment shown: ${JSON.stringify(shown)}`, { cause: error });
  });
  await popup.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return popup;
}

/** Shows a picture made of our own markup at that size, and saves it. */
async function compose(
  session: Session,
  name: string,
  size: { width: number; height: number },
  html: string,
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(size);
  await page.setContent(html);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await screenshot(page, name);
  expect(pngSize(`test/.artifacts/${name}.png`)).toEqual([size.width, size.height]);
  return page;
}

describe('the pictures, in English', () => {
  const browser = pictureBrowser();
  const shots: Record<string, Buffer> = {};

  it('shows the popup at its real size, first comments on top, with no axe-core violations', async () => {
    const popup = await popupShown(browser());
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await violations(popup), `popup, ${scheme}`).toEqual([]);
      await screenshot(popup, `popup-${scheme}`);
      expect(pngSize(`test/.artifacts/popup-${scheme}.png`)).toEqual([400, 600]);
    }
    // No notice (all handles set); the first comment starts in the top 130 px (374 before the controls took one row).
    expect(await popup.locator('.notice').count()).toBe(0);
    const top = await popup.locator('li.item').first().evaluate((row) => row.getBoundingClientRect().top);
    expect(top).toBeLessThan(130);
    await popup.emulateMedia({ colorScheme: 'light' });
    shots.comments = await popup.screenshot();
    await popup.getByRole('tab', { name: 'Saved replies' }).click();
    await popup.locator('li.snippet').first().waitFor();
    await screenshot(popup, 'popup-snippets');
    shots.snippets = await popup.screenshot();
    await popup.getByRole('tab', { name: 'Stats' }).click();
    await popup.locator('.stats table').waitFor();
    // Only the six sites in use, in words.
    const sites = ['X', 'YouTube', 'LinkedIn', 'Reddit', 'Bluesky', 'Instagram'];
    expect(await popup.locator('.stats tbody th').allTextContents()).toEqual(sites);
    expect(await popup.locator('.stats tbody tr').first().locator('td').first().textContent()).toMatch(/^all \d+ within \d+h/);
    await screenshot(popup, 'popup-stats');
    shots.stats = await popup.screenshot();
    await popup.close();
  });

  it('makes the store screenshots at 1280 x 800: a site page with badges and the popup over it; the popup’s views', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.goto(CONVERSATION);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await page.addStyleTag({ content: SITE_LOOK.x });
    const site = await page.screenshot();
    await page.close();
    const popup = await popupShown(session);
    const open = await popup.screenshot();
    await popup.close();
    const icon = readFileSync('public/icons/icon-32.png');

    const first = await compose(session, 'store/screenshot-1-page-and-popup', { width: 1280, height: 800 }, STORE_FRAME.pageAndPopup({
      site: asDataUrl(site),
      popup: asDataUrl(open),
      icon: asDataUrl(icon),
    }));
    await first.close();
    expect(Object.keys(shots)).toEqual(['comments', 'snippets', 'stats']);
    const second = await compose(session, 'store/screenshot-2-views', { width: 1280, height: 800 }, STORE_FRAME.views([
      { caption: 'What waits for your answer, oldest first', png: asDataUrl(shots.comments!) },
      { caption: 'Saved replies, into the comment box', png: asDataUrl(shots.snippets!) },
      { caption: 'How fast you answer, on each site', png: asDataUrl(shots.stats!) },
    ]));
    // The three views are whole inside the picture.
    const boxes = await second.locator('img').evaluateAll((imgs) => imgs.map((img) => img.getBoundingClientRect().toJSON()));
    for (const box of boxes) {
      expect(box.left >= 0 && box.right <= 1280 && box.top >= 0 && box.bottom <= 800, JSON.stringify(box)).toBe(true);
    }
    await second.close();
  });

  it('makes the 440 x 280 promo tile', async () => {
    const icon = readFileSync('public/icons/icon-128.png');
    const page = await compose(browser(), 'store/promo-tile-440x280', { width: 440, height: 280 }, tile(asDataUrl(icon)));
    // Its name and line are inside the tile, not cut.
    const inside = await page.locator('h1, p').evaluateAll((els) =>
      els.every((el) => {
        const box = el.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth && box.right <= 440 && box.bottom <= 280;
      }));
    expect(inside).toBe(true);
    await page.close();
  });
});
