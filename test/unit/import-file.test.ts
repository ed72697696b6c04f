/** The streamed export and import as the Options page runs them, over fake-indexeddb. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { exportBackup, exportLogCsv } from '../../src/background/exporter';
import { importFile, previewFile, type StreamControl } from '../../src/background/import-file';
import { importBackup } from '../../src/background/importer';
import { makeBackup, type ParseOptions } from '../../src/core/backup';
import { DEFAULT_SETTINGS, type Item } from '../../src/core/types';
import { adapterFor } from '../../src/sites/registry';
import { logged } from './items';
import { dumpStores } from './store-dump';

const NOW = Date.parse('2026-11-02T00:00:00Z');
const parse: ParseOptions = { selectorNames: (site) => Object.keys(adapterFor(site).defaultSelectors), now: NOW };
const control = (over: Partial<StreamControl> = {}): StreamControl => ({
  ...parse,
  signal: new AbortController().signal,
  progress: () => undefined,
  ...over,
});

const log = (count: number, first = 0, over: Partial<Item> = {}) =>
  Array.from({ length: count }, (_, n) => logged(String(first + n + 1), { text: `comment ${first + n} ${'é'.repeat(200)}`, ...over }));

let db: ReplylineDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openReplylineDb();
  const settings = { ...DEFAULT_SETTINGS, mastodonHosts: ['mastodon.social'] };
  await importBackup(db, makeBackup({ items: log(1200), snippets: [], settings }, new Date(5000)), 'replace');
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const exported = async (from: ReplylineDb) => (await exportBackup(from, new Date(NOW), control())).blob;

describe('streamed export and import', () => {
  it('a file exported a page at a time imports into a fresh database and compares equal', async () => {
    const file = await exported(db);
    const before = await dumpStores(db);
    globalThis.indexedDB = new IDBFactory();
    const fresh = await openReplylineDb();
    const shares: number[] = [];
    const preview = await previewFile(fresh, file, control());
    expect(preview.summary.items).toBe(1200);
    expect(preview.items).toEqual({ added: 1200, updated: 0 });
    const done = await importFile(fresh, file, 'replace', control({ progress: (s) => shares.push(s) }));
    expect(done.items).toEqual({ added: 1200, updated: 0 });
    expect(await dumpStores(fresh)).toBe(before);
    expect(shares.at(-1)).toBe(1); // counted in bytes: the "é" are 2 each
    expect(await (await exported(fresh)).text()).toBe(await file.text());
    fresh.close();
  });

  it('a merge reads and writes only the records in the file', async () => {
    const theirs = log(500, 1000, { status: 'answered', answeredAt: 9000, answeredVia: 'manual', statusAt: 9000 });
    const text = JSON.stringify(makeBackup({ items: theirs, snippets: [], settings: DEFAULT_SETTINGS }, new Date(NOW)));
    const file = new Blob([text]);
    expect((await previewFile(db, file, control())).items).toEqual({ added: 300, updated: 200 });
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    const gets = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const done = await importFile(db, file, 'merge', control());
    expect(done.items).toEqual({ added: 300, updated: 200 });
    expect(puts).toHaveBeenCalledTimes(500 + 1); // the file's items, and the settings
    expect(gets).not.toHaveBeenCalled();
    expect(await db.count('items')).toBe(1500);
    expect((await db.get('items', 'x:1100'))?.status).toBe('answered');
    expect(await db.get('items', 'x:1')).toEqual(log(1)[0]);
  });

  it('a cancel midway, a file that changed since its preview, and a failed write each leave the store exactly as it was', async () => {
    const before = await dumpStores(db);
    const theirs = makeBackup({ items: log(1000, 5000), snippets: [], settings: DEFAULT_SETTINGS }, new Date(NOW));
    const file = new Blob([JSON.stringify(theirs)]);
    const stop = new AbortController();
    const cancelled = importFile(db, file, 'replace', control({ signal: stop.signal, progress: (s) => s > 0.3 && stop.abort() }));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await dumpStores(db)).toBe(before);

    const changed = new Blob([(await file.text()).replace(/"status":"pending"(?![\s\S]*"status":"pending")/u, '"status":"lost"')]);
    await expect(importFile(db, changed, 'merge', control())).rejects.toMatchObject({ reason: 'backupBadItem' });
    expect(await dumpStores(db)).toBe(before);

    let calls = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 600) throw new DOMException('cannot clone', 'DataCloneError');
      return put.apply(this, args);
    });
    await expect(importFile(db, file, 'replace', control())).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await dumpStores(db)).toBe(before);
  });

  it('the CSV has a line a comment', async () => {
    const csv = await (await exportLogCsv(db, new Date(NOW), control())).blob.text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1201);
  });
});
