/**
 * A page read again writes only what changed: a revisited page of thousands of comments costs reads,
 * not writes. Seeing a comment again is written once its last sighting is an hour old.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { createService } from '../../src/background/service';
import { SEEN_STEP_MS, worthWriting } from '../../src/core/status';
import { logged, scanned } from './items';
import { quietEffects } from './quiet-effects';

const ctx = { sender: {}, tabId: null };
let db: ReplylineDb;
let now: number;
let puts: number;
let service: ReturnType<typeof createService>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openReplylineDb();
  now = 1_900_000_000_000;
  service = createService(db, quietEffects({ now: () => now }));
  puts = 0;
  // Counts the writes into the items store (the journal's and catalog's apart).
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'items') puts++;
    return original.apply(this, args);
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
});

const report = (items = Array.from({ length: 50 }, (_, i) => scanned(String(i + 1)))) =>
  service.handlers['items/report']({ site: 'x', items }, ctx);

describe('a page reported again', () => {
  it('writes nothing when nothing changed, and still answers every status', async () => {
    await report();
    expect(puts).toBe(50);
    now += 60_000;
    const again = await report();
    expect(puts).toBe(50);
    expect(Object.values(again.statuses)).toEqual(Array(50).fill('pending'));
    expect((await db.get('items', 'x:1'))?.lastSeenAt).toBe(now - 60_000);
  });

  it('writes what changed (an edited text, the owner’s reply seen), and a sighting an hour old', async () => {
    await report();
    now += 60_000;
    await report([scanned('1', { text: 'edited' }), scanned('2', { ownerReplied: true }), scanned('3')]);
    expect(puts).toBe(52);
    expect((await db.get('items', 'x:1'))?.text).toBe('edited');
    expect((await db.get('items', 'x:2'))?.status).toBe('answered');
    now += SEEN_STEP_MS;
    await report([scanned('3')]);
    expect(puts).toBe(53);
    expect((await db.get('items', 'x:3'))?.lastSeenAt).toBe(now);
  });

  it('tells a change in a nested field (the author’s name) from none', () => {
    const before = logged('1', {}, now);
    expect(worthWriting(before, { ...before, lastSeenAt: now + 1 })).toBe(false);
    expect(worthWriting(before, { ...before, author: { ...before.author } })).toBe(false);
    expect(worthWriting(before, { ...before, author: { ...before.author, name: 'Devon Kay' } })).toBe(true);
    expect(worthWriting(before, { ...before, snoozeUntil: now + 5 })).toBe(true);
    expect(worthWriting(undefined, before)).toBe(true);
  });
});
