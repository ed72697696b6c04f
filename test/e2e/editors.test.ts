import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EDITABLE, EDITORS, editorReady, editorUrl, lines, oneLine, readState } from './editors';
import { browserPerFile } from './session';

const browser = browserPerFile();

async function state(page: Page): Promise<string> {
  return page.evaluate(readState);
}

/** Opens the editor, types "AB" and leaves the caret between A and B. */
async function openWithAB(path: string, pauseMs = 0): Promise<Page> {
  const page = await browser().context.newPage();
  await page.goto(editorUrl(path));
  await page.waitForFunction(editorReady);
  await page.locator(EDITABLE).first().click();
  await page.keyboard.type('AB');
  await expect.poll(() => state(page).then(oneLine)).toBe('AB');
  // Editors group edits made close together into one undo step: let typing settle first.
  if (pauseMs) await page.waitForTimeout(pauseMs);
  await page.keyboard.press('ArrowLeft');
  return page;
}

async function insert(page: Page, body: string) {
  const reply = await browser().insertInto(page.url(), body);
  expect(reply).toMatchObject({ ok: true, value: { ok: true } });
}

describe.each(EDITORS)('inserting into $name', ({ path, multiline }) => {
  it('keeps emoji, CJK and right-to-left text, at the caret, with the text around it, and the caret after', async () => {
    const page = await openWithAB(path);
    const text = 'Thanks 👋 wörld — 你好 مرحبا ✓';
    await insert(page, text);
    await expect.poll(() => state(page).then(oneLine)).toBe(`A${text}B`);
    await page.keyboard.type('Z');
    await expect.poll(() => state(page).then(oneLine)).toBe(`A${text}ZB`);
    await page.close();
  });

  it.runIf(multiline !== false)('keeps line breaks', async () => {
    const page = await openWithAB(path);
    await insert(page, 'Line one\nLine two\n\nPara three');
    await expect.poll(() => state(page).then(lines)).toEqual(['ALine one', 'Line two', 'Para threeB']);
    await page.close();
  });

  it('leaves the caret where {cursor} stood', async () => {
    const page = await openWithAB(path);
    await insert(page, 'Hello {cursor}world');
    await expect.poll(() => state(page).then(oneLine)).toBe('AHello worldB');
    await page.keyboard.type('Z');
    await expect.poll(() => state(page).then(oneLine)).toBe('AHello ZworldB');
    await page.close();
  });

  it('one undo removes the insertion and nothing else', async () => {
    const page = await openWithAB(path, 1200);
    await insert(page, 'Undo me please');
    await expect.poll(() => state(page).then(oneLine)).toBe('AUndo me pleaseB');
    await page.keyboard.press('Control+z');
    await expect.poll(() => state(page).then(oneLine)).toBe('AB');
    await page.close();
  });
});

describe('a comment box that refuses the text', () => {
  it('tells the user, leaves the text out of the box and offers it on the clipboard', async () => {
    const page = await openWithAB('plain?refuse');
    const reply = await browser().insertInto(page.url(), 'Thanks for writing!');
    expect(reply).toMatchObject({
      ok: true,
      value: { ok: false, reason: expect.stringMatching(/did not accept.*on your clipboard/), copied: true },
    });
    const notice = page.locator('[data-replyline-notice="error"]');
    await expect.poll(() => notice.evaluate((host) => host.shadowRoot?.textContent ?? '')).toMatch(/clipboard/);
    expect(await state(page).then(oneLine)).toBe('AB');
    await browser().context.grantPermissions(['clipboard-read'], { origin: 'https://x.com' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Thanks for writing!');
    await page.close();
  });
});
