/**
 * Backups of 100,000 comments in Firefox: a file chosen in Options is imported, exported back to the
 * very same text, and that export, after all data is deleted, imports and exports the same again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fnv, writeLog } from './backup-data';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox } from './firefox';

const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';
const COUNT = 100_000;
const LONG = 240_000;
const HEAD = /^\{"format":"replyline-backup","version":1,"exportedAt":"[^"]*"/u;

/** The page's status line in the data section. */
const statusText = (page: Page) => page.$eval('[data-testid=data-status]', (e) => e.textContent ?? '');

async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source, 'u').test(document.querySelector('[data-testid=data-status]')?.textContent ?? ''),
    { timeout: LONG, polling: 200 },
    pattern.source,
  );
  return statusText(page);
}

async function importChosen(page: Page, items: number): Promise<void> {
  await page.waitForSelector('[role=group][aria-label="Import preview"]', { timeout: LONG });
  await page.$$eval('input[name=mode]', (radios) => (radios[1] as HTMLInputElement).click());
  await page.$$eval('[role=group][aria-label="Import preview"] button.primary', (b) => (b[0] as HTMLButtonElement).click());
  await waitForStatus(page, new RegExp(`^Replaced everything with ${items} comments`));
}

/**
 * Clicks "Export everything" with the page's download caught: the file's text, read back in the
 * page, is kept there as `exported` (a Blob), and its length and the hash of its undated text come back.
 */
async function exportInPage(page: Page): Promise<{ length: number; hash: number }> {
  await page.evaluate(() => {
    const holder = window as unknown as { exported?: Blob; caught?: Promise<Blob> };
    holder.caught = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href).then((r) => r.blob()).then((blob) => {
          holder.exported = blob;
          resolve(blob);
        });
      };
    });
  });
  await page.$$eval('button', (buttons) => buttons.find((b) => b.textContent === 'Export everything')!.click());
  return page.evaluate(
    async (head) => {
      const blob = await (window as unknown as { caught: Promise<Blob> }).caught;
      const text = (await blob.text()).replace(new RegExp(head, 'u'), '');
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return { length: text.length, hash: h };
    },
    HEAD.source,
  );
}

describe.runIf(haveFirefox)('Firefox: a backup of 100,000 comments', () => {
  let firefox: FirefoxSession;
  const dir = mkdtempSync(join(tmpdir(), 'replyline-firefox-backup-'));
  const path = join(dir, 'base.json');

  beforeAll(async () => {
    writeLog(path, { count: COUNT });
    firefox = await launchFirefox();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports, exports the same text, and that export imports again after all is deleted', { timeout: 2 * LONG }, async () => {
    const text = readFileSync(path, 'utf8').replace(HEAD, '');
    const expected = { length: text.length, hash: fnv(text) };
    const options = await firefox.openOptions();
    const input = (await options.waitForSelector('input[name=import]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    await importChosen(options, COUNT);
    expect(await exportInPage(options)).toEqual(expected);

    await options.$$eval('button', (b) => b.find((x) => x.textContent === 'Delete all data…')!.click());
    await options.$$eval('button', (b) => b.find((x) => x.textContent === 'Delete everything')!.click());
    await waitForStatus(options, /^All Replyline data was deleted\.$/);
    // The export chosen as the file, as a file field holds one.
    await options.evaluate(() => {
      const field = document.querySelector<HTMLInputElement>('input[name=import]')!;
      const files = new DataTransfer();
      files.items.add(new File([(window as unknown as { exported: Blob }).exported], 'exported.json'));
      field.files = files.files;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await importChosen(options, COUNT);
    expect(await exportInPage(options)).toEqual(expected);
    await options.close();
  });
});
