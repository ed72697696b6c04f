/**
 * The popup at 10, 400 and 10,000 waiting comments, in Chromium, checked as a user sees it: every
 * row drawn holds its content (long names and texts, German labels, the snooze menu open), its
 * buttons are inside it and visible, rows do not overlap, the list keeps its place in
 * aria-setsize/aria-posinset, and the last row is reached by scrolling and by keyboard, focus
 * never landing on a control out of sight. The logs are written straight into the extension's
 * IndexedDB (test/bench/popup-seed.ts), as an import does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../src/core/types';
import { seedInPage } from '../bench/popup-seed';
import { launch, screenshot, type Session } from './harness';

/** What is wrong with the rows drawn now, as a user would see it; [] when nothing is. */
function rowProblems(): string[] {
  const list = document.querySelector<HTMLElement>('ul.items');
  if (!list) return ['no list'];
  // What the user sees of the list: its box, within the window.
  const shown = list.getBoundingClientRect();
  const view = { ...shown.toJSON(), top: Math.max(shown.top, 0), bottom: Math.min(shown.bottom, innerHeight) };
  const rows = [...list.querySelectorAll<HTMLElement>(':scope > li:not(.spacer)')];
  const problems: string[] = rows.length ? [] : ['no row drawn'];
  const setsize = Number(rows[0]?.ariaSetSize);
  let previous: { bottom: number; name: string } | null = null;
  for (const [n, row] of rows.entries()) {
    const name = `row ${row.getAttribute('aria-posinset')} (${row.dataset.key ?? row.className})`;
    const { ariaSetSize, ariaPosInSet } = row;
    if (!(setsize > 0) || Number(ariaSetSize) !== setsize) problems.push(`${name}: aria-setsize missing or differs`);
    if (Number(ariaPosInSet) !== Number(rows[0]!.ariaPosInSet) + n) problems.push(`${name}: aria-posinset out of order`);
    if (row.clientHeight < row.scrollHeight) problems.push(`${name}: content ${row.scrollHeight} px in a box of ${row.clientHeight} px`);
    if (row.scrollWidth > row.clientWidth) problems.push(`${name}: content ${row.scrollWidth} px wide in ${row.clientWidth} px`);
    const box = row.getBoundingClientRect();
    if (previous && box.top < previous.bottom - 0.5) problems.push(`${name} overlaps ${previous.name}`);
    previous = { bottom: box.bottom, name };
    for (const control of row.querySelectorAll<HTMLElement>('button, input, .meta > *')) {
      const c = control.getBoundingClientRect();
      const what = `${name}: ${control.tagName.toLowerCase()} “${control.textContent?.trim() || control.getAttribute('aria-label') || ''}”`;
      if (c.width < 1 || c.height < 1 || getComputedStyle(control).visibility !== 'visible') problems.push(`${what} is not drawn`);
      const inside = (o: { left: number; right: number; top: number; bottom: number }) =>
        c.left >= o.left - 0.5 && c.right <= o.right + 0.5 && c.top >= o.top - 0.5 && c.bottom <= o.bottom + 0.5;
      const inRow = inside(box);
      if (!inRow) problems.push(`${what} is outside its row`);
      // In the list's view: the control itself is what a click there reaches.
      const inView = inside(view);
      const hit = inView ? document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2) : null;
      const reached = hit && (hit === control || control.contains(hit) || hit.contains(control));
      if (inView && control.matches('button, input') && !reached) problems.push(`${what} is covered`);
    }
  }
  return problems;
}

/** The row of that position, drawn with its content, and whether it is wholly inside the list's view. */
function rowShown(position: number): 'missing' | 'loading' | 'hidden' | 'shown' {
  const list = document.querySelector<HTMLElement>('ul.items')!;
  const row = list.querySelector<HTMLElement>(`:scope > li[aria-posinset="${position}"]`);
  if (!row) return 'missing';
  if (row.getAttribute('aria-busy') === 'true') return 'loading';
  const view = list.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  const inside = box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5 && view.bottom <= innerHeight + 0.5;
  return inside ? 'shown' : 'hidden';
}

/** The element focused: where it is, and whether it is in sight (inside the list's view, when in the list). */
function focusShown(): { what: string; position: number | null; visible: boolean } {
  const focused = document.activeElement as HTMLElement;
  const row = focused.closest<HTMLElement>('ul.items > li');
  const box = focused.getBoundingClientRect();
  const list = document.querySelector<HTMLElement>('ul.items')?.getBoundingClientRect();
  const bottom = Math.min(list?.bottom ?? innerHeight, innerHeight);
  const within = !row || !list || (box.top >= list.top - 0.5 && box.bottom <= bottom + 0.5);
  const drawn = box.width >= 1 && box.height >= 1 && getComputedStyle(focused).visibility === 'visible';
  return {
    what: `${focused.tagName.toLowerCase()} ${focused.textContent?.trim().slice(0, 30) ?? ''}`,
    position: row ? Number(row.getAttribute('aria-posinset')) : null,
    visible: within && drawn,
  };
}

const setsize = (popup: Page) => popup.locator('ul.items > li[data-index]').first().getAttribute('aria-setsize').then(Number);
const settled = async (popup: Page) => {
  await expect.poll(() => popup.locator('ul.items > li[aria-busy="true"]').count()).toBe(0);
  await popup.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
};

/** Scrolls the list to its end, as far as it goes once the rows drawn there are measured. */
async function scrollToEnd(popup: Page): Promise<void> {
  const total = await setsize(popup);
  await expect.poll(async () => {
    await popup.evaluate(() => {
      const list = document.querySelector<HTMLElement>('ul.items')!;
      list.scrollTop = list.scrollHeight;
    });
    await settled(popup);
    return popup.evaluate(rowShown, total);
  }, { timeout: 20_000 }).toBe('shown');
}

/** Tabs from the search field into the list, on to the first row. */
async function tabToFirstRow(popup: Page): Promise<void> {
  await popup.locator('input[type=search]').focus();
  for (let i = 0; i < 20; i++) {
    await popup.keyboard.press('Tab');
    if ((await popup.evaluate(focusShown)).position === 1) return;
  }
  throw new Error('Tab never reached the first row');
}

/** Checks the popup of that log; `picture` names its screenshot at the top (test/.artifacts/). */
async function checkPopup(session: Session, count: number, name: string, picture: string): Promise<Page> {
  const popup = await session.extensionPage('popup');
  await popup.locator('li.item').first().waitFor();
  await settled(popup);
  const view = await popup.locator('select[name=status]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
  // "Waiting (10,000)", "Offen (400)": the count in the view's choice, in the language's digits.
  expect(view?.replace(/\D/g, '')).toBe(String(count));
  expect(await popup.evaluate(rowProblems), `${name}, at the top`).toEqual([]);
  await screenshot(popup, picture, 'artifact');
  const total = await setsize(popup);
  expect(total).toBeGreaterThanOrEqual(count);

  // By keyboard: into the list, a few rows down by Tab, then End to the last row, and Tab into it.
  await tabToFirstRow(popup);
  for (let i = 0; i < 12; i++) {
    await popup.keyboard.press('Tab');
    const focus = await popup.evaluate(focusShown);
    if (focus.position === null) break;
    expect(focus, `${name}: Tab ${i + 1}`).toMatchObject({ visible: true });
  }
  await tabToFirstRow(popup);
  const toEnd = async () => {
    await popup.keyboard.press('End');
    const reached = () => popup.evaluate(focusShown);
    await expect.poll(reached, { timeout: 20_000 }).toMatchObject({ position: total, visible: true });
    await settled(popup);
    expect(await popup.evaluate(rowShown, total)).toBe('shown');
  };
  await toEnd();
  expect(await popup.evaluate(rowProblems), `${name}, at the end by keyboard`).toEqual([]);
  await popup.keyboard.press('Home');
  await expect.poll(() => popup.evaluate(focusShown)).toMatchObject({ position: 1, visible: true });
  await toEnd();
  // Into the last row's own controls, each in sight.
  for (let i = 0; i < 6; i++) {
    await popup.keyboard.press('Tab');
    const focus = await popup.evaluate(focusShown);
    if (focus.position !== total) break;
    expect(focus, `${name}: Tab ${i + 1} in the last row`).toMatchObject({ visible: true });
  }

  // By scrolling: the end, then the middle, every row whole.
  await scrollToEnd(popup);
  expect(await popup.evaluate(rowProblems), `${name}, scrolled to the end`).toEqual([]);
  await popup.evaluate(() => {
    const list = document.querySelector<HTMLElement>('ul.items')!;
    list.scrollTop = list.scrollHeight / 2;
  });
  await settled(popup);
  expect(await popup.evaluate(rowProblems), `${name}, scrolled to the middle`).toEqual([]);
  return popup;
}

/** The snooze menu of the first comment, open: its row grows to hold it, and the rows after it move down. */
async function checkSnoozeMenu(popup: Page, name: string): Promise<void> {
  await popup.evaluate(() => {
    document.querySelector<HTMLElement>('ul.items')!.scrollTop = 0;
  });
  await settled(popup);
  const key = await popup.locator('li.item').first().getAttribute('data-key');
  const row = popup.locator(`li.item[data-key="${key}"]`);
  await row.locator('.actions button').nth(2).click();
  await row.locator('.snooze').waitFor();
  await settled(popup);
  expect(await popup.evaluate(rowProblems), `${name}, snooze menu open`).toEqual([]);
  await row.locator('.snooze button.link').click();
}

/** The README's picture: the popup of someone whose handles are all set, with 10,000 comments waiting. */
async function pictureOfMany(session: Session): Promise<void> {
  const popup = await session.extensionPage('popup');
  await popup.evaluate(async (sites) => {
    for (const site of sites) await chrome.runtime.sendMessage({ type: 'settings/setOwner', payload: { site, handle: 'brightloop' } });
  }, SITE_IDS.filter((site) => site !== 'mastodon'));
  await popup.reload();
  await popup.locator('li.item').first().waitFor();
  await settled(popup);
  expect(await popup.locator('.notice').count()).toBe(0);
  await screenshot(popup, 'popup-many');
  await popup.close();
}

function browserFor(lang?: string) {
  let session: Session | undefined;
  let stored = 0;
  beforeAll(async () => {
    session = await launch(lang ? { lang } : {});
  });
  afterAll(async () => {
    await session?.close();
  });
  return async (count: number) => {
    if (!session) throw new Error('The browser did not start.');
    const seeder = await session.extensionPage('options');
    await seeder.evaluate(seedInPage, { count: count - stored, first: stored });
    await seeder.close();
    stored = count;
    return session;
  };
}

describe('the popup with many waiting comments', () => {
  const withLog = browserFor();
  for (const count of [10, 400, 10_000]) {
    it(`draws every row whole at ${count.toLocaleString('en')}, and reaches the last by scrolling and by keyboard`, { timeout: 120_000 }, async () => {
      const session = await withLog(count);
      const popup = await checkPopup(session, count, `${count} comments`, `popup-scale-${count}`);
      await checkSnoozeMenu(popup, `${count} comments`);
      await popup.close();
      if (count === 10_000) await pictureOfMany(session);
    });
  }
});

describe('the popup in German', () => {
  const withLog = browserFor('de');
  it('draws every row whole at 400, its longer labels and the snooze menu included', { timeout: 120_000 }, async () => {
    const session = await withLog(400);
    const popup = await checkPopup(session, 400, '400 comments, German', 'popup-scale-400-de');
    expect(await popup.getByRole('tab').first().textContent()).toBe('Kommentare');
    await checkSnoozeMenu(popup, '400 comments, German');
    await popup.close();
  });
});
