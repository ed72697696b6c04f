/**
 * The catalog's journal: one record per write of many items (numbered one above the last), replayed
 * in the order written, after the per-item records an earlier version left.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/background/catalog';
import { entryOf, journalRecord } from '../../src/background/catalog-entry';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import type { Item } from '../../src/core/types';
import { logged } from './items';

let db: ReplylineDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openReplylineDb();
});

const item = (id: string, over: Partial<Item> = {}) =>
  logged(id, { author: { name: 'Someone', handle: 'someone' }, text: 'hello', sortAt: Number(id), thread: id, ...over }, 100);

/** Writes `batches` of items with the catalog's note, all in one transaction. */
async function write(catalog: ReturnType<typeof createCatalog>, ...batches: Item[][]) {
  const tx = db.transaction(['items', 'journal', 'catalog'], 'readwrite');
  await Promise.all(batches.flatMap((batch) => [...batch.map((i) => tx.objectStore('items').put(i)), catalog.note(tx, batch)]));
  await tx.done;
}

const statuses = async () =>
  Object.fromEntries([...(await createCatalog(db).entries())].map((e) => [e.key, e.status]).sort());

describe('the catalog’s journal', () => {
  it('writes one record per write, however many items it holds', async () => {
    const catalog = createCatalog(db, { compactAt: 10_000 });
    await catalog.ready();
    await write(catalog, Array.from({ length: 200 }, (_, i) => item(String(i + 1))));
    expect(await db.getAllKeys('journal')).toEqual([1]);
    expect((await db.getAll('journal')).flat()).toHaveLength(200);
  });

  it('numbers two notes of one transaction apart, and later writes above them: the latest entry wins', async () => {
    const catalog = createCatalog(db, { compactAt: 10_000 });
    await catalog.ready();
    await write(catalog, [item('1')], [item('1', { status: 'answered' })]);
    await write(catalog, [item('2', { status: 'dismissed' })]);
    await write(catalog, [item('2')]);
    expect(await db.getAllKeys('journal')).toEqual([1, 2, 3, 4]);
    // A worker started afterwards reads the journal in the order it was written.
    expect(await statuses()).toEqual({ 'x:1': 'answered', 'x:2': 'pending' });
  });

  it('replays an earlier version’s per-item records before the numbered ones', async () => {
    const catalog = createCatalog(db, { compactAt: 10_000 });
    await catalog.ready();
    // Left by an earlier version: item 1 dismissed, under its own key (which sorts after every number).
    await db.put('journal', journalRecord(entryOf(item('1', { status: 'dismissed' }))), 'x:1');
    await write(catalog, [item('1', { status: 'answered' })]);
    expect(await statuses()).toEqual({ 'x:1': 'answered' });
  });
});
