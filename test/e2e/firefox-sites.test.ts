import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox';

const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';

/** Handles typed in Options where the page does not show who is signed in. */
const HANDLES = {
  youtube: '@brightloop',
  facebook: '100000000000077',
  reddit: 'brightloop',
  bluesky: 'brightloop.bsky.social',
  tiktok: 'brightloop',
  instagram: 'brightloop',
  threads: 'brightloop',
};

/** Each site's fixture page and the badges Chromium draws there (see each site's own test). */
const PAGES: { name: string; url: string; badges: string[] }[] = [
  {
    name: 'X conversation',
    url: 'https://x.com/brightloop/status/1950000000000000001',
    badges: ['2 answered', '4 pending', '5 answered', '7 pending', '8 pending'].map((b) => `x:195000000000000000${b}`),
  },
  {
    name: 'YouTube watch page',
    url: 'https://www.youtube.com/watch?v=Qm7tLp2vX9c',
    badges: [
      'youtube:UgxLena001AaABAg pending',
      'youtube:UgxFox002AaABAg answered',
      'youtube:UgxOwn003AaABAg.9zReply02 pending',
      'youtube:UgxRnd004AaABAg pending',
    ],
  },
  {
    name: 'YouTube Studio inbox',
    url: 'https://studio.youtube.com/channel/UCbrightloop/comments/inbox',
    badges: ['youtube:UgxStudio01AaABAg answered', 'youtube:UgxStudio02AaABAg pending', 'youtube:UgxStudio03AaABAg pending'],
  },
  {
    name: 'Facebook Page post',
    url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0BrightLoopFixturePost000000000000000000000000000000000000000&id=100000000000077',
    badges: ['9100000000000001 answered', '9100000000000002 pending', '9100000000000003 answered', '9200000000000004 pending'].map(
      (b) => `facebook:${b}`,
    ),
  },
  {
    name: 'Facebook group post',
    url: 'https://www.facebook.com/groups/sourdoughcircle/posts/4400000000000001/',
    badges: ['9300000000000001 pending', '9300000000000002 answered', '9400000000000003 pending', '9300000000000004 pending'].map(
      (b) => `facebook:${b}`,
    ),
  },
  {
    name: 'LinkedIn, newer structure',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/',
    badges: ['101 answered', '201 pending', '302 pending'].map((b) => `linkedin:7400000000000000001_7400000000000000${b}`),
  },
  {
    name: 'LinkedIn, older structure',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/?structure=v1',
    badges: ['101 answered', '201 pending', '302 pending'].map((b) => `linkedin:7400000000000000001_7400000000000000${b}`),
  },
  {
    name: 'LinkedIn, a ugcPost',
    url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7400000000000000009/',
    badges: ['101 answered', '201 pending', '302 pending'].map(
      (b) => `linkedin:ugcPost:7400000000000000009_7400000000000000${b}`,
    ),
  },
  {
    name: 'new Reddit',
    url: 'https://www.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/',
    badges: ['reddit:t1_m4ra01 answered', 'reddit:t1_k3nj01 pending', 'reddit:t1_n0ra01 pending', 'reddit:t1_j0ls01 pending'],
  },
  {
    name: 'old.reddit',
    url: 'https://old.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/',
    badges: ['reddit:t1_m4ra01 answered', 'reddit:t1_k3nj01 pending'],
  },
  {
    name: 'old.reddit inbox',
    url: 'https://old.reddit.com/message/inbox/',
    badges: ['reddit:t1_q8mn01 pending', 'reddit:t1_n0ra01 pending', 'reddit:t1_p4ul01 answered'],
  },
  {
    name: 'TikTok video',
    url: 'https://www.tiktok.com/@brightloop/video/7440000000000000001',
    // The comments' containers carry their ids.
    badges: ['7440000000000100001 answered', '7440000000000100002 pending', '7440000000000200003 pending'].map(
      (b) => `tiktok:7440000000000000001:${b}`,
    ),
  },
  {
    name: 'Bluesky thread',
    url: 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22',
    badges: [
      'bluesky:tomasreyes.bsky.social/3mbl01tomas2 answered',
      'bluesky:maralind.bsky.social/3mbl03mara22 pending',
      'bluesky:priyan.bsky.social/3mbl05priya2 pending',
    ],
  },
  {
    name: 'Bluesky notifications',
    url: 'https://bsky.app/notifications',
    badges: ['bluesky:jules.bsky.social/3mbl10jules2 pending'],
  },
  {
    name: 'Instagram post',
    url: 'https://www.instagram.com/p/DBrLoop01Ab/',
    badges: ['instagram:18000000000000001 answered', 'instagram:18000000000000003 pending', 'instagram:18000000000000005 pending'],
  },
  {
    name: 'Threads post',
    url: 'https://www.threads.com/@brightloop/post/DBrLp00Root1',
    badges: ['threads:DBrLp01Rita1 answered', 'threads:DBrLp03Joao1 pending', 'threads:DBrLp04Emma1 pending'],
  },
];

const drawn = (page: Page) =>
  page.$$eval('[data-replyline-key]', (hosts) =>
    hosts.map((h) => `${h.getAttribute('data-replyline-key')} ${h.getAttribute('data-replyline-status')}`),
  );

describe.runIf(haveFirefox)('Firefox: badges on every site', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
    const options = await firefox.openOptions();
    for (const [site, handle] of Object.entries(HANDLES)) {
      const field = `#handle-${site}`;
      await options.waitForSelector(field);
      await options.type(field, handle);
      await options.keyboard.press('Enter');
      await options.waitForFunction((hint) => document.querySelector(hint)?.textContent === 'Saved.', {}, `${field}-hint`);
    }
    await options.close();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it.each(PAGES)('$name: the same items as in Chromium', async ({ url, badges }) => {
    const page = await firefox.newPage();
    await page.goto(url);
    await expect.poll(() => drawn(page), { timeout: 15_000 }).toEqual(badges);
    await page.close();
  });

  it('shows a badge’s menu in the top layer, over a page element of the highest z-index', async () => {
    const page = await firefox.newPage();
    await page.goto(PAGES[0]!.url);
    await expect.poll(() => drawn(page), { timeout: 15_000 }).toEqual(PAGES[0]!.badges);
    const host = await page.$('[data-replyline-status=pending]');
    const button = await host!.evaluateHandle((h) => h.shadowRoot!.querySelector('button.badge')!);
    expect(await button.evaluate((b) => b.getAttribute('aria-label'))).toMatch(/^Waiting for your answer: \S/);
    // The badges' style reaches each badge: Firefox too adopts the one sheet the page's badges share.
    const look = await button.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderRadius]);
    expect(look).toEqual(['rgb(194, 65, 12)', '999px']);
    expect(await host!.evaluate((h) => h.shadowRoot!.adoptedStyleSheets.length)).toBe(1);
    await button.click();
    await page.waitForFunction((h) => h!.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem', {}, host!);
    const top = await host!.evaluate((h) => {
      const menu = h.shadowRoot!.querySelector('[role=menu]')!;
      const box = menu.getBoundingClientRect();
      const cover = document.createElement('div');
      cover.style.cssText = `position:fixed;z-index:2147483647;left:0;top:0;width:100vw;height:100vh`;
      document.body.append(cover);
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const found = { open: menu.matches(':popover-open'), page: document.elementFromPoint(x, y) === h };
      cover.remove();
      return found;
    });
    expect(top).toEqual({ open: true, page: true });
    await page.keyboard.press('Escape');
    expect(await host!.evaluate((h) => h.shadowRoot!.activeElement?.classList.contains('badge'))).toBe(true);
    await page.close();
  });
});
