/**
 * The built Firefox variant (dist-firefox/) in Debian's Firefox ESR, driven by puppeteer-core
 * over WebDriver BiDi. Fixture pages are answered at the sites' addresses by request
 * interception, as in Chromium.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixtureFor } from './harness';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  newPage(): Promise<Page>;
  /** Opens the options page from the picker's "Add saved replies" (BiDi may not open extension pages itself). */
  openOptions(): Promise<Page>;
  /** Adds a saved reply through the options page. */
  addSnippet(title: string, body: string): Promise<void>;
  close(): Promise<void>;
}

const SHORTCUT_SEEN = '__replylineShortcutReachedPage';

/**
 * Opens the inline picker with its shortcut (Alt+Shift+S) in the comment box that has the caret,
 * once Replyline listens on the page. The content script starts its picker only after the
 * background answered its hello, and a trigger typed before that is never seen; so this presses
 * the shortcut until Replyline takes it. It knows by a listener of the page's own on the document:
 * Replyline's, on the window, stops the shortcut there; before it starts, the key reaches the page
 * (and changes nothing in the box).
 */
export async function openPickerByShortcut(page: Page): Promise<void> {
  await page.evaluate((name) => {
    const counts = window as unknown as Record<string, number>;
    if (name in counts) return;
    counts[name] = 0;
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.altKey && event.shiftKey && event.code === 'KeyS') counts[name]! += 1;
      },
      { capture: true },
    );
  }, SHORTCUT_SEEN);
  const seen = () => page.evaluate((name) => (window as unknown as Record<string, number>)[name]!, SHORTCUT_SEEN);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const before = await seen();
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyS');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    if ((await seen()) === before) break;
    if (Date.now() > deadline) throw new Error('Replyline did not start on the page.');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.waitForFunction(() => !!document.querySelector('[data-replyline-picker]')?.shadowRoot?.querySelector('.manage'));
}

/**
 * Waits until Replyline listens in the comment box that has the caret (see openPickerByShortcut),
 * leaving the box as it was.
 */
export async function whenPickerListens(page: Page): Promise<void> {
  await openPickerByShortcut(page);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-replyline-picker]'));
}

async function servedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    let url: URL;
    try {
      url = new URL(request.url());
    }
    catch {
      return void request.abort();
    }
    if (url.protocol !== 'https:') return void request.continue();
    const answer = fixtureFor(url);
    return void (answer ? request.respond(answer) : request.abort());
  });
  return page;
}

export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'network.dns.disableIPv6': true, 'browser.shell.checkDefaultBrowser': false, ...prefs },
  });
  // Replyline opens its welcome page on install: wait for that tab and close it, so each test
  // starts with no tab of ours (BiDi reports its address as about:blank: read it in the page).
  const before = new Set(browser.targets());
  const opened = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target));
  await browser.installExtension(resolve('dist-firefox'));
  const welcome = await (await opened).page();
  if (!welcome) throw new Error('Replyline did not open its welcome page on install.');
  await welcome.waitForFunction(() => location.href.startsWith('moz-extension://') && location.href.includes('/welcome/'));
  await welcome.close();
  async function openOptions(): Promise<Page> {
    const page = await servedPage(browser);
    await page.goto('https://x.com/_replyline_fixture/editors/plain');
    await page.click('#editor-host [contenteditable]');
    await openPickerByShortcut(page);
    // The options page opens in a new tab (BiDi reports its address as about:blank: read it in the page).
    const before = new Set(browser.targets());
    const opened = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target));
    await page.evaluate(() => {
      const manage = document.querySelector('[data-replyline-picker]')?.shadowRoot?.querySelector('.manage');
      manage?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    const options = await (await opened).page();
    if (!options) throw new Error('The options page did not open.');
    await options.waitForFunction(() => location.href.startsWith('moz-extension://') && location.href.includes('/options/'));
    await page.close();
    return options;
  }
  return {
    browser,
    newPage: () => servedPage(browser),
    openOptions,
    async addSnippet(title, body) {
      const options = await openOptions();
      await options.waitForSelector('input[name=title]');
      await options.type('input[name=title]', title);
      await options.$eval(
        'textarea[name=body]',
        (area, text) => {
          const field = area as HTMLTextAreaElement;
          field.focus();
          document.execCommand('insertText', false, text);
        },
        body,
      );
      await options.click('button[type=submit].primary');
      await options.waitForFunction((t) => document.body.innerText.includes(`Saved “${t}”`), {}, title);
      await options.close();
    },
    close: () => browser.close(),
  };
}
