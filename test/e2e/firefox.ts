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
  await browser.installExtension(resolve('dist-firefox'));
  async function openOptions(): Promise<Page> {
    const page = await servedPage(browser);
    await page.goto('https://x.com/_replyline_fixture/editors/plain');
    await page.click('#editor-host [contenteditable]');
    await page.keyboard.type(';;');
    await page.waitForFunction(
      () => !!document.querySelector('[data-replyline-picker]')?.shadowRoot?.querySelector('.manage'),
    );
    await page.evaluate(() => {
      const manage = document.querySelector('[data-replyline-picker]')?.shadowRoot?.querySelector('.manage');
      manage?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    let options: Page | undefined;
    for (let i = 0; i < 50 && !options; i++) {
      await new Promise((r) => setTimeout(r, 100));
      for (const candidate of await browser.pages()) {
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.startsWith('moz-extension://') && href.includes('/options/')) options = candidate;
      }
    }
    await page.close();
    if (!options) throw new Error('The options page did not open.');
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
