/**
 * A log of 100,000 comments (about 80 MB of backup) through the Options page in Chromium: seeded by
 * the extension's own import, exported and imported into a fresh profile, merged with 25,000, and
 * imports cancelled midway.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comment, fnv, keyOf, storedDigest, writeLog } from './backup-data';
import { launch, type Session } from './harness';

const COUNT = 100_000;
const MERGED = 25_000;
/** Of the merged file's comments, these are not in the log yet (the rest are, with a newer status). */
const NEW_IN_MERGE = 5_000;
/** Each wait of a step; a test may hold several, so its own limit is longer and a stuck step names itself. */
const LONG = { timeout: 120_000 };
const TEST = { timeout: 300_000 };

const dir = mkdtempSync(join(tmpdir(), 'replyline-large-'));
const base = join(dir, 'base.json');
const merge = join(dir, 'merge.json');
const sessions: Session[] = [];

beforeAll(() => {
  writeLog(base, { count: COUNT });
  writeLog(merge, { count: MERGED, first: COUNT - MERGED + NEW_IN_MERGE, answered: true });
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const dataStatus = (page: Page) => page.getByTestId('data-status');
const preview = (page: Page) => page.getByRole('group', { name: 'Import preview' });
/** A file's text with its export date taken out: two exports of the same data are then equal. */
const undated = (text: string) => text.replace(/^\{"format":"replyline-backup","version":1,"exportedAt":"[^"]*"/u, '');

async function importInto(options: Page, path: string, mode: 'Replace'): Promise<void> {
  await options.setInputFiles('input[name=import]', path);
  await expect.poll(() => preview(options).count(), LONG).toBe(1);
  await options.getByLabel(`${mode} everything here with the file`).check();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
}

async function exportFrom(options: Page): Promise<string> {
  const [download] = await Promise.all([
    options.waitForEvent('download', LONG),
    options.getByRole('button', { name: 'Export everything' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/** Clicks the progress bar's Cancel from inside the page the moment the bar passes `share`: no race with the work. */
async function cancelAt(options: Page, share: number): Promise<void> {
  await options.evaluate((at) => {
    const watch = new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid=data-progress] progress');
      if (!bar || bar.value < at) return;
      watch.disconnect();
      bar.parentElement!.querySelector('button')!.click();
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, share);
}

/**
 * The stored items' digest, read from an extension page: the import and export run in the Options
 * page and never wake the worker, which Chrome stops after 30 s idle, and a stopped worker's handle
 * never answers again.
 */
async function digest(session: Session): Promise<[string, number][]> {
  const page = await session.extensionPage('options');
  try {
    return await page.evaluate(storedDigest);
  }
  finally {
    await page.close();
  }
}

describe('a log of 100,000 comments', () => {
  let first: Session;
  let exported: string;

  it('is seeded through the import, and exports back to the very same file', TEST, async () => {
    first = await launch();
    sessions.push(first);
    const options = await first.extensionPage('options');
    await importInto(options, base, 'Replace');
    await expect.poll(() => dataStatus(options).textContent(), LONG)
      .toMatch(/^Replaced everything with 100000 comments/);
    exported = await exportFrom(options);
    expect(await dataStatus(options).textContent()).toBe('Exported 100000 comments and 5 saved replies.');
    expect(undated(exported)).toBe(undated(readFileSync(base, 'utf8')));
    await expect.poll(() => options.getByTestId('last-export').textContent()).toMatch(/^Last export: /);
    await options.close();
  });

  let second: Session;
  let before: [string, number][];

  it('imports into a fresh profile and compares equal', TEST, async () => {
    second = await launch();
    sessions.push(second);
    const path = join(dir, 'exported.json');
    writeFileSync(path, exported);
    const options = await second.extensionPage('options');
    await importInto(options, path, 'Replace');
    await expect.poll(() => dataStatus(options).textContent(), LONG)
      .toMatch(/^Replaced everything with 100000 comments/);
    expect(undated(await exportFrom(options))).toBe(undated(exported));
    await options.close();
    before = await digest(second);
    expect(before).toHaveLength(COUNT);
  });

  it('a replace cancelled midway leaves the store exactly as it was, and so does a cancelled export', TEST, async () => {
    const options = await second.extensionPage('options');
    await options.setInputFiles('input[name=import]', merge);
    await expect.poll(() => preview(options).count(), LONG).toBe(1);
    await options.getByLabel('Replace everything here with the file').check();
    await cancelAt(options, 0.25);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dataStatus(options).textContent(), LONG).toBe('Import cancelled. Nothing was changed.');
    expect(await digest(second)).toEqual(before);

    let downloads = 0;
    options.on('download', () => downloads++);
    await cancelAt(options, 0.3);
    await options.getByRole('button', { name: 'Export everything' }).click();
    await expect.poll(() => dataStatus(options).textContent(), LONG).toBe('Export cancelled: no file was saved.');
    expect(downloads).toBe(0);
    await options.close();
  });

  it('a merge of 25,000 changes only those, and adds the new ones', TEST, async () => {
    const options = await second.extensionPage('options');
    await options.setInputFiles('input[name=import]', merge);
    await expect.poll(() => options.getByTestId('import-effect').textContent(), LONG).toMatch(
      /^Merging adds 5000 comments and updates 20000 already here/,
    );
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dataStatus(options).textContent(), LONG).toMatch(/^Merged 25000 comments \(0 waiting\)/);
    await options.close();

    const after = new Map(await digest(second));
    expect(after.size).toBe(COUNT + NEW_IN_MERGE);
    const merged = new Set<string>();
    const differ: string[] = [];
    for (let n = COUNT - MERGED + NEW_IN_MERGE; n < COUNT + NEW_IN_MERGE; n++) {
      merged.add(keyOf(n));
      // A newer status wins: the stored record is the file's.
      if (after.get(keyOf(n)) !== fnv(JSON.stringify(comment(n, true)))) differ.push(keyOf(n));
    }
    const untouched = before.filter(([key]) => !merged.has(key));
    expect(untouched).toHaveLength(COUNT - MERGED + NEW_IN_MERGE);
    for (const [key, hash] of untouched) if (after.get(key) !== hash) differ.push(key);
    expect(differ).toEqual([]);
  });
});
