/**
 * The extension's text when Chromium's catalogs fail. In about one fresh profile in ten, every
 * `i18n.getMessage` of the extension's pages answered '' (predefined messages too), and the popup
 * showed message keys ("tabComments", "searchComments"). Pages then read the packaged catalogs
 * (src/shared/page-messages.ts) and fill them as the browser does: checked here against the browser
 * itself, for every message, and with the browser's messages taken away.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Catalog, catalogLookup } from '../../src/core/i18n';
import { launch, type Session } from './harness';

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Catalog;
const SUBSTITUTIONS = ['A1', 'B2', 'C3'];

/** Every message as the page's browser gives it ('' for all when its catalogs failed). */
function browserMessages(page: Page, keys: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    ([names, subs]) => Object.fromEntries(names.map((key) => [key, chrome.i18n.getMessage(key, subs)])),
    [keys, SUBSTITUTIONS] as const,
  );
}

describe('messages', () => {
  it('filled from the packaged catalog are what the browser gives, for every message', async () => {
    // A profile whose catalogs work (a failed one, seen now and then, cannot be compared with).
    let session: Session | null = null;
    let popup: Page | null = null;
    for (let tries = 0; tries < 5 && !popup; tries++) {
      await session?.close();
      session = await launch();
      const page = await session.extensionPage('popup');
      if ((await page.evaluate(() => chrome.i18n.getMessage('@@extension_id'))) !== '') popup = page;
    }
    try {
      expect(popup, 'five fresh profiles without the browser’s messages').not.toBeNull();
      const keys = Object.keys(en);
      const ours = catalogLookup([en]);
      const expected = Object.fromEntries(keys.map((key) => [key, ours(key, SUBSTITUTIONS)]));
      expect(await browserMessages(popup!, keys)).toEqual(expected);
    }
    finally {
      await session?.close();
    }
  });

  it('are read from the packaged catalogs when the browser gives none', async () => {
    const session = await launch();
    try {
      // Before any script of the page: the browser's messages are gone, as in a failed profile.
      await session.context.addInitScript(() => {
        if (location.protocol === 'chrome-extension:') chrome.i18n.getMessage = () => '';
      });
      const popup = await session.extensionPage('popup');
      expect(await popup.evaluate(() => chrome.i18n.getMessage('@@extension_id'))).toBe('');
      await popup.getByRole('tab', { name: 'Comments' }).waitFor();
      await expect.poll(() => popup.getByRole('searchbox').getAttribute('placeholder')).toBe('Search comments');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await popup.locator('body').innerText()).not.toMatch(/\b(tabComments|savedReplies|tabStats|needHandleMany)\b/);
      const options = await session.extensionPage('options');
      await options.getByRole('button', { name: 'Export everything' }).waitFor();
    }
    finally {
      await session.close();
    }
  });
});
