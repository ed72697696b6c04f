import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITABLE, EDITORS, editorReady, editorUrl, lines, oneLine, readState } from './editors';
import { FIREFOX_PATH, type FirefoxSession, launchFirefox, whenPickerListens } from './firefox';

// Firefox is part of the suite wherever it is installed (.ci/setup installs it); it never skips in CI.
const haveFirefox = existsSync(FIREFOX_PATH) || process.env.CI === 'true';

describe.runIf(haveFirefox)('Firefox: the inline picker inserts into every editor', () => {
  let firefox: FirefoxSession;
  const MULTI = 'Line one 👋\nLine two — 你好\n\nمرحبا ✓';
  const SINGLE = 'Thanks 👋 wörld — 你好 مرحبا ✓';

  beforeAll(async () => {
    firefox = await launchFirefox();
    await firefox.addSnippet('Multi lines', MULTI);
    await firefox.addSnippet('Single line', SINGLE);
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });

  const state = (page: Page) => page.evaluate(readState);

  it.each(EDITORS)('$name holds the reply in its own state', async ({ path, multiline }) => {
    const page = await firefox.newPage();
    await page.goto(editorUrl(path));
    await page.waitForFunction(editorReady);
    await page.click(EDITABLE);
    await page.keyboard.type('AB');
    await expect.poll(() => state(page).then(oneLine)).toBe('AB');
    await page.keyboard.press('ArrowLeft');
    await whenPickerListens(page);
    await page.keyboard.type(multiline === false ? ';;single' : ';;multi');
    await page.waitForFunction(
      () => document.querySelector('[data-replyline-picker]')?.shadowRoot?.querySelectorAll('[role=option]').length === 1,
    );
    await page.keyboard.press('Enter');
    if (multiline === false) {
      await expect.poll(() => state(page).then(oneLine)).toBe(`A${SINGLE}B`);
    }
    else {
      await expect.poll(() => state(page).then(lines)).toEqual(['ALine one 👋', 'Line two — 你好', 'مرحبا ✓B']);
    }
    await page.close();
  });
});
