/**
 * The popup and the options page in Chromium: no axe-core violations in light and dark, no text
 * under 12 px, every view reachable by keyboard, the options' pictures, CSV in and out, and a site
 * turned off and on.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { violations } from './axe';
import { addSnippet, badges, screenshot } from './harness';
import { browserPerFile } from './session';
import { textSmallerThan } from './text-size';

const browser = browserPerFile();
const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

async function seed(): Promise<Page> {
  const session = browser();
  const page = await session.context.newPage();
  await page.goto(CONVERSATION);
  await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
  await addSnippet(session, 'Thanks', 'Thanks {first_name}!\nSee you soon.');
  await addSnippet(session, 'Opening hours', 'We answer every day from 9 to 18.');
  return page;
}

describe('the popup and options pages', () => {
  it('have no axe-core violations in light and dark, in every view, and make the README’s pictures', async () => {
    await seed();
    const session = browser();
    const popup = await session.extensionPage('popup');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('tab', { name: 'Comments' }).click();
      await popup.locator('li.item').first().waitFor();
      expect(await violations(popup), `popup comments, ${scheme}`).toEqual([]);
      expect(await textSmallerThan(popup, 12), 'popup comments').toEqual([]);
      // The README's pictures of the popup come from pictures.test.ts (a realistic log).
      await screenshot(popup, `popup-fixture-${scheme}`, 'artifact');
      // The filters opened, and a selection with its actions.
      await popup.getByRole('button', { name: /^Filters/ }).click();
      await popup.getByRole('group', { name: 'Filters' }).waitFor();
      await popup.locator('input.select-all').check();
      await popup.locator('.bulk').waitFor();
      expect(await violations(popup), `popup filters and selection, ${scheme}`).toEqual([]);
      await popup.locator('input.select-all').uncheck();
      await popup.getByRole('button', { name: /^Filters/ }).click();
      await popup.locator('li.item').first().getByRole('button', { name: 'Snooze…' }).click();
      expect(await violations(popup), `popup snooze menu, ${scheme}`).toEqual([]);
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await popup.getByRole('tab', { name: 'Saved replies' }).click();
      await popup.locator('li.snippet').first().waitFor();
      expect(await violations(popup), `popup saved replies, ${scheme}`).toEqual([]);
      expect(await textSmallerThan(popup, 12), 'popup saved replies').toEqual([]);
      await popup.getByRole('tab', { name: 'Stats' }).click();
      await popup.locator('.stats table').waitFor();
      expect(await violations(popup), `popup stats, ${scheme}`).toEqual([]);
      expect(await textSmallerThan(popup, 12), 'popup stats').toEqual([]);
    }

    const options = await session.extensionPage('options');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.locator('.snippet-list li').first().waitFor();
      expect(await violations(options), `options, ${scheme}`).toEqual([]);
      expect(await textSmallerThan(options, 12), 'options').toEqual([]);
      await screenshot(options, `options-${scheme}`);
    }
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    expect(await violations(options), 'options, confirming deletion').toEqual([]);
    await options.getByRole('button', { name: 'Keep my data' }).click();
    await popup.close();
    await options.close();
  });

  it('can be used by keyboard alone', async () => {
    const popup = await browser().extensionPage('popup');
    await popup.locator('li.item').first().waitFor();
    // The first stop is the Options link, then the selected tab; arrows move between tabs.
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-waiting');
    await popup.keyboard.press('ArrowRight');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-snippets');
    await popup.locator('li.snippet').first().waitFor();
    await popup.keyboard.press('End');
    expect(await popup.getByRole('tab', { name: 'Stats' }).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Home');
    await popup.locator('li.item').first().waitFor();

    // Tab on to the first comment's Mark answered, and answer it with Enter.
    const first = await popup.locator('li.item strong').first().textContent();
    const answer = popup.locator('li.item').first().getByRole('button', { name: 'Mark answered' });
    for (let i = 0; i < 40 && !(await answer.evaluate((b) => b === document.activeElement)); i++) {
      await popup.keyboard.press('Tab');
    }
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').filter({ hasText: `Marked answered: ${first}` }).waitFor();
    await popup.close();
  });

  it('exports saved replies as CSV and adds them back from a file, with a preview first', async () => {
    const options = await browser().extensionPage('options');
    await options.locator('.snippet-list li').first().waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFtitle,body,tags,shortcut,uses,last_used');
    expect(csv).toContain('"Thanks {first_name}!\nSee you soon."');

    const file = `${csv.trimEnd()}\r\nReturns,"Send it back within 30 days, {first_name}.",policy,ret,,\r\n`;
    await options.setInputFiles('input[name=import-csv]', {
      name: 'replies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file),
    });
    const preview = options.getByRole('group', { name: 'CSV preview' });
    await expect.poll(() => preview.textContent()).toMatch(/^replies\.csv: 3 saved replies:/);
    await preview.getByRole('button', { name: 'Add them' }).click();
    await options.getByTestId('snippet-status').filter({ hasText: 'Added 1 saved replies; 2 were already here.' }).waitFor();
    expect(await options.locator('.snippet-list li strong').allTextContents()).toContain('Returns');

    await options.setInputFiles('input[name=import-csv]', {
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('title,body\r\n"never closed,x'),
    });
    await expect
      .poll(() => options.getByTestId('snippet-status').textContent())
      .toBe('Line 2: a quote is opened and never closed. Nothing was changed.');
    await options.close();
  });

  it('turns a site off, and its badges go from the open page; on again, they come back', async () => {
    const session = browser();
    const page = session.context.pages().find((p) => p.url() === CONVERSATION) ?? (await seed());
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    const options = await session.extensionPage('options');
    await options.getByLabel('Replyline on X').uncheck();
    await expect.poll(() => badges(page)).toHaveLength(0);
    // The page follows before the background answers the options page, whose answer re-renders the
    // switch: turn it on again only once that answer is in.
    await options.getByRole('status').filter({ hasText: 'Turned off for X' }).waitFor();
    await options.getByLabel('Replyline on X').check();
    await options.getByRole('status').filter({ hasText: 'Turned on for X' }).waitFor();
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await options.close();
  });
});
