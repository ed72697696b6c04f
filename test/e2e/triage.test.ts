import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badges, screenshot } from './harness';
import { browserPerFile } from './session';

const browser = browserPerFile();
const names = (popup: Page) => popup.locator('li.item strong').allTextContents();
const view = (popup: Page, status: string) => popup.getByLabel('Show').selectOption(status);

describe('a day of triage in the popup', () => {
  it('searches, labels, snoozes, reopens and answers in bulk', async () => {
    const session = browser();
    const page = await session.context.newPage();
    await page.goto('https://x.com/brightloop/status/1950000000000000001');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    const popup = await session.extensionPage('popup');
    await expect.poll(() => names(popup)).toEqual(['Devon K', 'Otto Brandt', 'Lina Park']);

    await popup.getByPlaceholder('Search comments').fill('contrast');
    await expect.poll(() => names(popup)).toEqual(['Devon K']);
    await popup.getByPlaceholder('Search comments').fill('');
    // The other filters are behind one button; it counts those set.
    const filters = popup.getByRole('button', { name: /^Filters/ });
    await filters.click();
    await popup.getByLabel('Label').selectOption('question');
    expect(await filters.textContent()).toBe('Filters (1)');
    await expect.poll(() => names(popup)).toEqual(['Otto Brandt']);
    await popup.getByLabel('Label').selectOption('all');
    await popup.getByLabel('Order').selectOption('newest');
    await expect.poll(() => names(popup)).toEqual(['Lina Park', 'Otto Brandt', 'Devon K']);
    await popup.getByLabel('Order').selectOption('oldest');
    await screenshot(popup, 'popup-triage', 'artifact');

    // Snooze Otto for an hour: out of the waiting list, and the toolbar count drops.
    const otto = popup.locator('li.item', { hasText: 'Otto Brandt' });
    await otto.getByRole('button', { name: 'Snooze…' }).click();
    await otto.getByRole('button', { name: 'In 1 hour' }).click();
    await expect.poll(() => names(popup)).toEqual(['Devon K', 'Lina Park']);
    await expect.poll(() => session.badgeText()).toBe('2');
    await view(popup, 'snoozed');
    await expect.poll(() => names(popup)).toEqual(['Otto Brandt']);
    await popup.locator('li.item').getByRole('button', { name: 'Reopen' }).click();
    await view(popup, 'pending');
    await expect.poll(() => names(popup)).toEqual(['Devon K', 'Otto Brandt', 'Lina Park']);

    // Everything answered at once; then one reopened from the answered view.
    await popup.getByLabel('Select all 3').check();
    await popup.locator('.bulk').getByRole('button', { name: 'Mark answered' }).click();
    await expect.poll(() => popup.locator('.empty').textContent()).toMatch(/Nothing is waiting for you/);
    await expect.poll(() => session.badgeText()).toBe('');
    await view(popup, 'answered');
    await expect.poll(() => names(popup).then((n) => n.length)).toBe(5);
    await popup.locator('li.item', { hasText: 'Lina Park' }).getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => session.badgeText()).toBe('1');
    // The page follows: Lina's badge waits again.
    await expect
      .poll(() => page.locator('[data-replyline-key="x:1950000000000000008"]').getAttribute('data-replyline-status'))
      .toBe('pending');
    await popup.close();
    await page.close();
  });

  it('wakes a snoozed comment when its time comes', async () => {
    const session = browser();
    const popup = await session.extensionPage('popup');
    await expect.poll(() => names(popup)).toEqual(['Lina Park']);
    // A snooze of a few seconds, asked the way the popup asks it. The count drops right after the
    // answer (the worker answers first, then updates the toolbar), well before the comment wakes.
    const reply = await popup.evaluate(async () =>
      (await chrome.runtime.sendMessage({
        type: 'items/act',
        payload: { key: 'x:1950000000000000008', action: 'snooze', until: Date.now() + 12_000 },
      })) as { ok: boolean; value?: { status: string } },
    );
    expect(reply).toMatchObject({ ok: true, value: { status: 'snoozed' } });
    await expect.poll(() => session.badgeText(), { timeout: 10_000, interval: 100 }).toBe('');
    await expect.poll(() => session.badgeText(), { timeout: 20_000, interval: 500 }).toBe('1');
    expect(await session.storedItem('x:1950000000000000008')).toMatchObject({ status: 'pending', snoozeUntil: null });
    await popup.close();
  });

  it('shows local stats: answers per day, time to answer, the oldest waiting', async () => {
    const session = browser();
    const popup = await session.extensionPage('popup');
    await popup.getByRole('tab', { name: 'Stats' }).click();
    // Four answered today (Lina was reopened and has come back to wait).
    await expect.poll(() => popup.locator('.stats figcaption').textContent()).toBe('Answered per day, last 14 days: 4');
    // In words, for the site in the log (the others of a fresh profile have no answers yet).
    const x = popup.locator('.stats tbody tr', { has: popup.getByRole('rowheader', { name: 'X', exact: true }) });
    expect(await x.locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^all 4 within \d+mhalf within \d+m$/),
      expect.stringMatching(/^all 4 within \d+mhalf within \d+m$/),
    ]);
    // The oldest wait in the list's style: the fixture's comments are weeks old.
    expect(await popup.locator('.stats .headline').textContent()).toMatch(/^The oldest comment has waited \d+w\.$/);
    await screenshot(popup, 'popup-stats-triage', 'artifact');
    await popup.close();
  });
});
