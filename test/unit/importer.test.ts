import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { importBackup, importFailureText } from '../../src/background/importer';
import { type Backup, type ImportMode, makeBackup } from '../../src/core/backup';
import { DEFAULT_SETTINGS, type Snippet } from '../../src/core/types';
import { logged } from './items';
import { dumpStores } from './store-dump';

const snippet = (id: string, over: Partial<Snippet> = {}): Snippet => ({
  id,
  title: `Title ${id}`,
  body: `Body ${id}`,
  tags: ['t'],
  shortcut: '',
  uses: 1,
  lastUsedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const mine: Backup = makeBackup(
  {
    items: [logged('1'), logged('2', { status: 'dismissed', statusAt: 2500 }), logged('3')],
    snippets: [snippet('a'), snippet('b')],
    settings: { ...DEFAULT_SETTINGS, mastodonHosts: ['mastodon.social'], accounts: { x: { detected: 'me', manual: null } } },
  },
  new Date(5000),
);

const theirs: Backup = makeBackup(
  {
    items: [logged('2', { status: 'answered', answeredAt: 4000, answeredVia: 'manual', statusAt: 4000 }), logged('4'), logged('5')],
    snippets: [snippet('b', { title: 'Newer', updatedAt: 9 }), snippet('c')],
    settings: { ...DEFAULT_SETTINGS, trigger: '//', mastodonHosts: ['fosstodon.org'] },
  },
  new Date(6000),
);

let db: ReplylineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openReplylineDb();
  await importBackup(db, mine, 'replace');
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** The store's `put` throws synchronously on its nth call, as a value the browser cannot clone makes it. */
function putThrowsOnCall(nth: number) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (++calls === nth) {
      throw new DOMException('Failed to execute \'put\' on \'IDBObjectStore\': Maximum call stack size exceeded', 'DataCloneError');
    }
    return put.apply(this, args);
  });
}

describe('an import is one transaction: all or nothing', () => {
  it('writes the file (replace) or both (merge), and says which instances were listed before', async () => {
    expect(await importBackup(db, theirs, 'merge')).toEqual({ hostsBefore: ['mastodon.social'] });
    expect((await db.getAllKeys('items')).sort()).toEqual(['x:1', 'x:2', 'x:3', 'x:4', 'x:5']);
    expect((await db.get('items', 'x:2'))?.status).toBe('answered');
    expect((await db.get('snippets', 'b'))?.title).toBe('Newer');
    expect(await importBackup(db, theirs, 'replace')).toEqual({ hostsBefore: ['mastodon.social', 'fosstodon.org'] });
    expect((await db.getAllKeys('items')).sort()).toEqual(['x:2', 'x:4', 'x:5']);
    expect((await db.getAllKeys('snippets')).sort()).toEqual(['b', 'c']);
  });

  // Puts in either: the file's 3 items, its 2 saved replies and the settings (6); a merge writes
  // only the records the file holds, never those it leaves alone.
  const cases: [ImportMode, number][] = [
    ['replace', 1], ['replace', 3], ['replace', 4], ['replace', 6],
    ['merge', 1], ['merge', 3], ['merge', 4], ['merge', 6],
  ];
  it.each(cases)('%s: a put throwing synchronously on call %i leaves every store as it was', async (mode, nth) => {
    const before = await dumpStores(db);
    const put = putThrowsOnCall(nth);
    const attempt = importBackup(db, theirs, mode);
    await expect(attempt).rejects.toThrow(/Maximum call stack size exceeded/);
    expect(put).toHaveBeenCalledTimes(nth);
    put.mockRestore();
    expect(await dumpStores(db)).toBe(before);
    // The database is usable afterwards, and the same import then succeeds.
    await importBackup(db, theirs, mode);
    expect(await dumpStores(db)).not.toBe(before);
  });

  it('a request that fails (not a throw) undoes the whole write as well', async () => {
    const before = await dumpStores(db);
    const put = IDBObjectStore.prototype.put;
    let first: unknown;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value, key) {
      calls++;
      if (calls === 1) first = value;
      // The second write adds the first record again: its request fails later, with a ConstraintError.
      return calls === 2 ? this.add(first, key) : put.call(this, value, key);
    });
    await expect(importBackup(db, theirs, 'replace')).rejects.toThrow(/ConstraintError|already exists|Key already/i);
    vi.restoreAllMocks();
    expect(await dumpStores(db)).toBe(before);
  });

  it('tells the user plainly what failed, never in the browser\'s own words', () => {
    const error = new DOMException('Failed to execute \'put\' on \'IDBObjectStore\': Maximum call stack size exceeded', 'DataCloneError');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(importFailureText(error)).toBe('The browser could not save the imported data.');
    expect(importFailureText(new DOMException('full', 'QuotaExceededError'))).toMatch(/no room left/);
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
