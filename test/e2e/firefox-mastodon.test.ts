import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox';

const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';
const THREAD = 'https://mastodon.social/@brightloop/113500000000000100';

const badgeKeys = (page: Page) =>
  page.$$eval('[data-replyline-key]', (hosts) =>
    hosts.map((h) => `${h.getAttribute('data-replyline-key')} ${h.getAttribute('data-replyline-status')}`),
  );

describe.runIf(haveFirefox)('Firefox: a Mastodon instance added in Options', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    // Firefox's own switch for tests: an optional permission asked for during a click is granted
    // without its doorhanger (which a test cannot click); the request still needs the user's click.
    firefox = await launchFirefox({ 'extensions.webextOptionalPermissionPrompts': false });
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it('is asked for, registered, badged, and withdrawn again on removal', async () => {
    const before = await firefox.newPage();
    await before.goto(THREAD);
    await before.waitForSelector('.status[data-id="113500000000000103"]');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badgeKeys(before)).toEqual([]);
    await before.close();

    const options = await firefox.openOptions();
    await options.waitForSelector('#instance-host');
    await options.type('#instance-host', 'mastodon.social');
    await options.click('section[aria-labelledby=instances-title] button[type=submit]');
    await options.waitForFunction(() => document.body.innerText.includes('Replyline runs on mastodon.social now'));

    const page = await firefox.newPage();
    await page.goto(THREAD);
    await expect
      .poll(() => badgeKeys(page), { timeout: 15_000 })
      .toEqual([
        'mastodon:mastodon.social/113500000000000101 answered',
        'mastodon:mastodon.social/113500000000000103 pending',
        'mastodon:mastodon.social/113500000000000105 pending',
      ]);

    // The advanced layout: the notifications column's mention and the conversation's replies only.
    const deck = await firefox.newPage();
    await deck.goto('https://mastodon.social/deck/@brightloop/113500000000000100');
    await expect
      .poll(() => badgeKeys(deck), { timeout: 15_000 })
      .toEqual([
        'mastodon:mastodon.social/113500000000000201 pending',
        'mastodon:mastodon.social/113500000000000101 answered',
        'mastodon:mastodon.social/113500000000000103 pending',
        'mastodon:mastodon.social/113500000000000105 pending',
      ]);
    await deck.close();

    await options.click('li.instance button[aria-label="Remove mastodon.social"]');
    await options.waitForFunction(() => document.body.innerText.includes('Removed mastodon.social'));
    await page.reload();
    await page.waitForSelector('.status[data-id="113500000000000103"]');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await badgeKeys(page)).toEqual([]);
    await page.close();
    await options.close();
  });
});
