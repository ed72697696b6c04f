import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addSnippet, badges, countItems, launch, type Session } from './harness';

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

/** A valid backup of `count` pending comments on X whose text is `text`, and one saved reply. */
function backupText(count: number, text = 'A comment', first = 0): string {
  const at = Date.now() - 60_000;
  return JSON.stringify({
    format: 'replyline-backup',
    version: 1,
    exportedAt: new Date(at).toISOString(),
    items: Array.from({ length: count }, (_, n) => ({
      key: `x:${first + n}`,
      site: 'x',
      id: String(first + n),
      kind: 'comment',
      author: { name: 'Devon K', handle: 'devon_k' },
      text,
      url: `https://x.com/devon_k/status/${first + n}`,
      thread: '1',
      createdAt: at - n,
      firstSeenAt: at,
      lastSeenAt: at,
      sortAt: at - n,
      status: 'pending',
      answeredAt: null,
      answeredVia: null,
      snoozeUntil: null,
      statusAt: at,
    })),
    snippets: [
      { id: `s${first}`, title: `Thanks ${first}`, body: 'Thank you!', tags: [], shortcut: '', uses: 0, lastUsedAt: null, createdAt: at, updatedAt: at },
    ],
    settings: { accounts: {}, disabledSites: [], trigger: ';;', pickerShortcut: 'Alt+Shift+S', selectorOverrides: {}, mastodonHosts: [] },
  });
}

async function choose(options: Page, file: string | { name: string; text: string }): Promise<void> {
  await options.setInputFiles(
    'input[name=import]',
    typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
  );
}

/** A put's own error, said in our words (the browser's go to the console). */
const WRITE_FAILED = /^The browser could not save the imported data\. Nothing was changed\.$/;
const TOO_DEEP = 'This file cannot be imported: its data nests deeper than 32 levels, which no Replyline export does. Nothing was changed.';

describe('imports that fail, and the largest that succeeds', () => {
  const MiB = 1024 * 1024;
  const dir = mkdtempSync(join(tmpdir(), 'replyline-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a throw inside the write (a put the browser cannot clone) changes nothing, in replace and merge, and says so', async () => {
    const session = await launch();
    sessions.push(session);
    let options = await session.extensionPage('options');
    await choose(options, { name: 'mine.json', text: backupText(4) });
    await options.getByLabel('Replace everything here with the file').check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dataStatus(options).textContent()).toMatch(/^Replaced everything with 4 comments/);
    await options.close();
    const before = await exportFile(session);

    for (const mode of ['Replace everything here with the file', 'Merge with what is here (the most recent of each wins)']) {
      options = await session.extensionPage('options');
      // The third record written gets a field nested 5,000 deep, as a file's item did before records were
      // rebuilt: Chromium's put throws at once (its clone overflows the stack), inside the import's transaction.
      await options.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        let calls = 0;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
          if (++calls !== 3) return put.call(this, value, key);
          let deep: unknown = 1;
          for (let i = 0; i < 5000; i++) deep = { deep };
          return put.call(this, { ...(value as object), deep }, key);
        };
      });
      await choose(options, { name: 'theirs.json', text: backupText(6, 'Another comment', 2) });
      await options.getByLabel(mode).check();
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await expect
        .poll(() => dataStatus(options).textContent())
        .toMatch(WRITE_FAILED);
      await options.close();
      expect(withoutDate(await exportFile(session))).toEqual(withoutDate(before));
    }
    await expect.poll(() => session.badgeText()).toBe('4');

    // Such a file itself never gets that far: it nests deeper than any export, and is refused before it is parsed.
    options = await session.extensionPage('options');
    const deep = `${'{"d":'.repeat(5000)}1${'}'.repeat(5000)}`;
    await choose(options, { name: 'deep.json', text: backupText(2).replace('"kind":"comment"', `"kind":"comment","extra":${deep}`) });
    await expect.poll(() => dataStatus(options).textContent()).toBe(TOO_DEEP);
    await options.close();
    expect(withoutDate(await exportFile(session))).toEqual(withoutDate(before));
  });

  it('50 MB of "[" gets a plain message and the page stays alive; a file over 1 GiB is not even read', async () => {
    const session = sessions.at(-1)!;
    const brackets = join(dir, 'brackets.json');
    writeFileSync(brackets, '['.repeat(50 * MiB));
    // A file just over 1 GiB (sparse on disk): its size alone refuses it.
    const over = join(dir, 'over.json');
    writeFileSync(over, '');
    truncateSync(over, 1024 * MiB + 1);
    const options = await session.extensionPage('options');
    await choose(options, brackets);
    await expect.poll(() => dataStatus(options).textContent(), { timeout: 20_000 }).toBe(TOO_DEEP);
    await choose(options, over);
    await expect
      .poll(() => dataStatus(options).textContent())
      .toBe('This file cannot be imported: it is larger than 1 GB. Nothing was changed.');
    // Still answering: a good file after them shows its preview.
    await choose(options, { name: 'small.json', text: backupText(1) });
    await expect.poll(() => options.getByRole('group', { name: 'Import preview' }).textContent()).toMatch(/1 comments/);
    await options.close();
    expect(await countItems(session.worker)).toBe(4);
  });

  it('a valid file just under 50 MB imports (the page writes it: no message carries it)', { timeout: 180_000 }, async () => {
    const session = sessions.at(-1)!;
    // Comments as long as the log keeps them (2,000 characters), each an "é" (2 bytes in UTF-8):
    // about 4 KB a comment, as many as fit (some 12,000).
    const text = 'é'.repeat(1_999);
    const one = Buffer.byteLength(backupText(2, text)) - Buffer.byteLength(backupText(1, text));
    let count = Math.floor((50 * MiB - Buffer.byteLength(backupText(0, text)) - 64 * 1024) / one);
    let big = backupText(count, text);
    // Later ids are longer: trim until the file fits, just under the limit.
    while (Buffer.byteLength(big) > 50 * MiB - 16 * 1024) {
      count -= Math.ceil((Buffer.byteLength(big) - (50 * MiB - 32 * 1024)) / one);
      big = backupText(count, text);
    }
    const bytes = Buffer.byteLength(big);
    expect(bytes).toBeLessThanOrEqual(50 * MiB);
    expect(bytes).toBeGreaterThan(50 * MiB - 128 * 1024);
    const path = join(dir, 'large.json');
    writeFileSync(path, big);

    const options = await session.extensionPage('options');
    await choose(options, path);
    await expect
      .poll(() => options.getByRole('group', { name: 'Import preview' }).textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`${count} comments \\(${count} waiting\\) from X`));
    await options.getByLabel('Replace everything here with the file').check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dataStatus(options).textContent(), { timeout: 120_000 })
      .toMatch(new RegExp(`^Replaced everything with ${count} comments`));
    await options.close();
    expect(await countItems(session.worker)).toBe(count);
    await expect.poll(() => session.badgeText()).toBe('999+');
  });
});

describe('the reminder to export, and the log as CSV', () => {
  it('reminds past 300 comments never exported, until put away; a CSV export has a row a comment, formulas as text', async () => {
    const session = await launch();
    sessions.push(session);
    let options = await session.extensionPage('options');
    await choose(options, { name: 'log.json', text: backupText(301, '=HYPERLINK("https://example.com", "win"), now') });
    await options.getByLabel('Replace everything here with the file').check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dataStatus(options).textContent()).toMatch(/^Replaced everything with 301 comments/);
    await expect.poll(() => options.getByTestId('export-reminder').textContent()).toMatch(/holds 301 comments/);
    expect(await options.getByTestId('last-export').textContent()).toBe('Not exported yet.');
    await options.getByRole('button', { name: 'Remind me later' }).click();
    await expect.poll(() => options.getByTestId('export-reminder').count()).toBe(0);
    await options.close();

    options = await session.extensionPage('options');
    await expect.poll(() => options.getByTestId('last-export').textContent()).toBe('Not exported yet.');
    expect(await options.getByTestId('export-reminder').count()).toBe(0);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export comments as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^replyline-comments-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFsite,author,handle,text,permalink,status,first_seen,answered_at,answered_how');
    expect(lines.filter(Boolean)).toHaveLength(302);
    const formula = String.raw`"'=HYPERLINK(""https://example.com"", ""win""), now"`;
    expect(lines[1]!.startsWith(`X,Devon K,devon_k,${formula},https://x.com/devon_k/status/`)).toBe(true);
    expect(lines[1]!.split(',').slice(-4)).toEqual(['pending', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), '', '']);
    expect(await dataStatus(options).textContent()).toBe('Exported 301 comments as CSV.');
    // A CSV is not a backup: the last export is still none.
    expect(await options.getByTestId('last-export').textContent()).toBe('Not exported yet.');
    await exportFile(session);
    await options.reload();
    await expect.poll(() => options.getByTestId('last-export').textContent()).toMatch(/^Last export: \S+\.$/);
    await options.close();
  });
});
