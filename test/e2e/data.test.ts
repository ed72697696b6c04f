import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addSnippet, badges, launch, type Session } from './harness';

const sessions: Session[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

async function exportFile(session: Session): Promise<string> {
  const options = await session.extensionPage('options');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export everything' }).click(),
  ]);
  const path = await download.path();
  await options.close();
  return readFileSync(path, 'utf8');
}

const withoutDate = (text: string) => ({ ...JSON.parse(text), exportedAt: '' });
const dataStatus = (page: Page) => page.getByTestId('data-status');

describe('export and import', () => {
  it('export, then import into a fresh profile, gives the same data', async () => {
    const first = await launch();
    sessions.push(first);
    const page = await first.context.newPage();
    await page.goto('https://x.com/brightloop/status/1950000000000000001');
    await expect.poll(() => badges(page), { timeout: 15_000 }).toHaveLength(5);
    await addSnippet(first, 'Thanks', 'Thanks {first_name}!\nSee you soon.');
    const exported = await exportFile(first);
    expect(JSON.parse(exported)).toMatchObject({ format: 'replyline-backup', version: 1 });

    const second = await launch();
    sessions.push(second);
    const options = await second.extensionPage('options');
    await options.setInputFiles('input[name=import]', {
      name: 'replyline-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    // A preview of what the file holds before anything is written.
    await expect
      .poll(() => options.getByRole('group', { name: 'Import preview' }).textContent())
      .toMatch(/5 comments \(3 waiting\) from X and 1 saved replies/);
    await options.getByLabel('Replace everything here with the file').check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dataStatus(options).textContent()).toMatch(/^Replaced everything with 5 comments/);
    await options.close();

    expect(withoutDate(await exportFile(second))).toEqual(withoutDate(exported));
    await expect.poll(() => second.badgeText()).toBe('3');
    const popup = await second.extensionPage('popup');
    await expect.poll(() => popup.locator('li.item strong').allTextContents()).toEqual([
      'Devon K',
      'Otto Brandt',
      'Lina Park',
    ]);
  });

  it('a broken file changes nothing and says why', async () => {
    const session = sessions[1]!;
    const before = await exportFile(session);
    const options = await session.extensionPage('options');
    const broken = JSON.parse(before);
    broken.items[0].status = 'forgotten';
    for (const [name, text, why] of [
      ['half.json', before.slice(0, before.length / 2), /not JSON/],
      ['other.json', '{"name": "some other app"}', /not a Replyline export/],
      ['edited.json', JSON.stringify(broken), /item 1 \(x:\d+\) is not in the expected form/],
    ] as const) {
      await options.setInputFiles('input[name=import]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await expect.poll(() => dataStatus(options).textContent()).toMatch(why);
      expect(await dataStatus(options).textContent()).toMatch(/Nothing was changed\.$/);
      expect(await options.getByRole('group', { name: 'Import preview' }).count()).toBe(0);
    }
    await options.close();
    expect(withoutDate(await exportFile(session))).toEqual(withoutDate(before));
  });

  it('deletes everything only after a confirmation', async () => {
    const session = sessions[1]!;
    const options = await session.extensionPage('options');
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.getByRole('button', { name: 'Keep my data' }).click();
    expect(JSON.parse(await exportFile(session)).items).toHaveLength(5);
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => dataStatus(options).textContent()).toBe('All Replyline data was deleted.');
    const after = JSON.parse(await exportFile(session));
    expect([after.items.length, after.snippets.length]).toEqual([0, 0]);
    await expect.poll(() => session.badgeText()).toBe('');
  });
});
