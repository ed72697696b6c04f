/**
 * What the popup asks the worker (items/page, items/keys, items/stats, items/list), answered from
 * its catalog of the log, on a fresh in-memory IndexedDB per test: pages and counts, filters,
 * search and groups as the list shows them, answers bounded whatever the log holds, and a catalog
 * that stays exact across writes, worker restarts, compactions, imports and clears.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/background/catalog';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { importBackup } from '../../src/background/importer';
import { type BackgroundEffects, createService } from '../../src/background/service';
import { makeBackup } from '../../src/core/backup';
import { computeStats } from '../../src/core/stats';
import { DEFAULT_FILTER } from '../../src/core/triage';
import { DEFAULT_SETTINGS, type Item } from '../../src/core/types';
import { type ItemPage, type ItemQuery, LIST_LIMIT, PAGE_LIMIT } from '../../src/shared/protocol';
import { createRouter } from '../../src/shared/router';
import { logged, scanned } from './items';
import { quietEffects } from './quiet-effects';

const NOW = 1_900_000_000_000;
const ctx = { sender: {}, tabId: null };

function effects(): BackgroundEffects & { counts: number[] } {
  const counts: number[] = [];
  return { counts, ...quietEffects({ now: () => NOW, setPendingCount: (n) => void counts.push(n) }) };
}

let db: ReplylineDb;
let service: ReturnType<typeof createService>;
let fx: ReturnType<typeof effects>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openReplylineDb();
  fx = effects();
  service = createService(db, fx);
});

const query = (over: Partial<ItemQuery> = {}): ItemQuery => ({ ...DEFAULT_FILTER, grouped: false, ...over });
const page = (q: Partial<ItemQuery> = {}, offset = 0, limit = 50) =>
  service.handlers['items/page']({ query: query(q), offset, limit }, ctx);
/** A page's rows as text: a comment by its id, a header as [conversation size]. */
const rows = (answer: ItemPage) => answer.rows.map((r) => (r.type === 'group' ? `[${r.id} ${r.size}]` : r.item.id));
const ids = async (q: Partial<ItemQuery> = {}) => rows(await page(q));

/** Items written straight into the log, as an import does, and the worker told so. */
async function imported(items: Item[]): Promise<void> {
  await importBackup(db, makeBackup({ items, snippets: [], settings: DEFAULT_SETTINGS }, new Date(NOW)), 'replace');
  await service.handlers['data/imported']({ hostsBefore: [] }, ctx);
}

const item = (id: string, over: Partial<Item> = {}) =>
  logged(id, { author: { name: 'Someone', handle: 'someone' }, text: 'hello', sortAt: Number(id), thread: id, ...over }, 100);

describe('a page of the popup’s list', () => {
  beforeEach(() =>
    imported([
      item('30', { text: 'Is there a dark mode?' }),
      item('10', { site: 'youtube', key: 'youtube:10', kind: 'reply', author: { name: 'Léa Martin', handle: 'lea' } }),
      item('20', { kind: 'mention', text: 'This is broken' }),
      item('40', { status: 'answered', statusAt: 500, answeredAt: 500 }),
      item('50', { status: 'answered', statusAt: 400, answeredAt: 400 }),
    ]));

  it('shows one status, oldest or newest first (waiting by arrival, the others by when their status was set)', async () => {
    expect(await ids()).toEqual(['10', '20', '30']);
    expect(await ids({ order: 'newest' })).toEqual(['30', '20', '10']);
    expect(await ids({ status: 'answered' })).toEqual(['50', '40']);
  });

  it('filters by site, kind, label and a search over author and text, accents and case aside', async () => {
    expect(await ids({ site: 'youtube' })).toEqual(['10']);
    expect(await ids({ kind: 'mention' })).toEqual(['20']);
    expect(await ids({ label: 'question' })).toEqual(['30']);
    expect(await ids({ label: 'complaint' })).toEqual(['20']);
    expect(await ids({ query: 'lea MARTIN' })).toEqual(['10']);
    expect(await ids({ query: 'dark  MODE' })).toEqual(['30']);
    expect(await ids({ query: 'dark nothing' })).toEqual([]);
  });

  it('counts every status whatever the filters, and the rows and comments the query lists', async () => {
    const answer = await page({ site: 'x' });
    expect(answer.counts).toEqual({ pending: 3, snoozed: 0, answered: 2, dismissed: 0 });
    expect([answer.total, answer.matched, answer.offset]).toEqual([2, 2, 0]);
  });
});

describe('conversations', () => {
  it('puts a conversation’s comments together under a header, where the first of them falls', async () => {
    await imported([
      item('1', { thread: 'A' }),
      item('2', { thread: 'B' }),
      item('3', { thread: 'A' }),
      item('4', { thread: 'C', site: 'youtube', key: 'youtube:4' }),
      item('5', { thread: 'B' }),
      item('6', { thread: 'C' }),
    ]);
    expect(await ids({ grouped: true })).toEqual(['[x:A 2]', '1', '3', '[x:B 2]', '2', '5', '4', '6']);
    expect(await ids({ grouped: true, order: 'newest' })).toEqual(['6', '[x:B 2]', '5', '2', '4', '[x:A 2]', '3', '1']);
    const answer = await page({ grouped: true });
    expect([answer.total, answer.matched]).toEqual([8, 6]);
    expect(answer.rows.filter((r) => r.type === 'item').map((r) => r.grouped)).toEqual([true, true, true, true, false, false]);
    // The keys a header selects: its comments the query lists; the bulk bar's: all of them.
    const keys = (group: string | null, q: Partial<ItemQuery> = {}) =>
      service.handlers['items/keys']({ query: query({ grouped: true, ...q }), group }, ctx);
    expect(await keys('x:A')).toEqual(['x:1', 'x:3']);
    expect(await keys('x:B', { query: 'comment 5' })).toEqual([]);
    expect(await keys(null)).toEqual(['x:1', 'x:2', 'x:3', 'youtube:4', 'x:5', 'x:6']);
  });
});

describe('a large log', () => {
  const many = Array.from({ length: 5000 }, (_, n) =>
    item(String(100_000 + n), { thread: `t${Math.floor(n / 3)}`, text: n % 1000 === 7 ? 'needle in the log' : `comment ${n}` }));
  beforeEach(() => imported(many));

  it('answers a page of at most the rows asked, from any offset, and refuses more than PAGE_LIMIT', async () => {
    const first = await page({ grouped: true }, 0, 40);
    expect(first.rows).toHaveLength(40);
    expect([first.total, first.matched]).toEqual([5000 + Math.ceil(5000 / 3), 5000]);
    const last = await page({ grouped: true }, first.total - 10, 40);
    expect(last.rows).toHaveLength(10);
    expect(rows(last).at(-1)).toBe('104999');
    const route = createRouter(() => service.handlers, {
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      isContentUrl: () => false,
    });
    const from = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };
    const ask = (limit: number) => route({ type: 'items/page', payload: { query: query(), offset: 0, limit } }, from);
    expect(await ask(PAGE_LIMIT)).toMatchObject({ ok: true });
    expect(await ask(PAGE_LIMIT + 1)).toMatchObject({ ok: false });
  });

  it('searches the whole log, and pages fit together while the log is unchanged', async () => {
    expect(await ids({ query: 'NEEDLE' })).toEqual(['100007', '101007', '102007', '103007', '104007']);
    const a = await page({}, 0, 50);
    const b = await page({}, 50, 50);
    expect(b.version).toBe(a.version);
    await service.handlers['items/act']({ key: 'x:100000', action: 'answer' }, ctx);
    const c = await page({}, 50, 50);
    expect(c.version).not.toBe(a.version);
    expect(rows(c)[0]).toBe('100051');
  });

  it('gives at most LIST_LIMIT items to items/list', async () => {
    const list = await service.handlers['items/list']({ statuses: ['pending', 'answered'] }, ctx);
    expect(list).toHaveLength(LIST_LIMIT);
    expect(list[0]!.id).toBe('100000');
  });
});

describe('the catalog', () => {
  it('follows reports and actions at once, and a worker started afterwards reads the same', async () => {
    const report = [scanned('3'), scanned('1'), scanned('2', { text: 'Refund please' })];
    await service.handlers['items/report']({ site: 'x', items: report }, ctx);
    expect(await ids()).toEqual(['1', '2', '3']);
    await service.handlers['items/act']({ key: 'x:1', action: 'dismiss' }, ctx);
    await service.handlers['items/actMany']({ keys: ['x:2', 'x:2', 'x:9'], action: 'snooze', until: NOW + 60_000 }, ctx);
    // A page text changed by a new scan: searched as it reads now.
    await service.handlers['items/report']({ site: 'x', items: [scanned('3', { text: 'Now edited' })] }, ctx);
    const expected = { pending: ['3'], dismissed: ['1'], snoozed: ['2'] };
    for (const [status, want] of Object.entries(expected)) expect(await ids({ status: status as Item['status'] })).toEqual(want);
    expect(await ids({ query: 'edited' })).toEqual(['3']);

    const restarted = createService(db, effects());
    const snoozed = query({ status: 'snoozed', query: 'refund' });
    const again = await restarted.handlers['items/page']({ query: snoozed, offset: 0, limit: 10 }, ctx);
    expect(rows(again)).toEqual(['2']);
    expect(again.counts).toEqual({ pending: 1, snoozed: 1, answered: 0, dismissed: 1 });
  });

  it('writes its chunks again once the journal is long, in one step with emptying it', async () => {
    const catalog = createCatalog(db, { compactAt: 3 });
    await catalog.ready();
    for (const id of ['1', '2', '3', '4']) {
      const tx = db.transaction(['items', 'journal', 'catalog'], 'readwrite');
      const next = item(id);
      await Promise.all([tx.objectStore('items').put(next), catalog.note(tx, [next])]);
      await tx.done;
    }
    await catalog.settled();
    // Three changes made the journal long: the chunks hold them now, the journal only the fourth.
    expect(await db.get('catalog', 'meta')).toMatchObject({ count: 3 });
    const journal = (await db.getAll('journal')).flat();
    expect(journal.map((r) => r.entry[0])).toEqual(['x:4']);
    expect([...(await createCatalog(db).entries())].map((e) => e.key).sort()).toEqual(['x:1', 'x:2', 'x:3', 'x:4']);
  });

  it('lists each comment once, in its place, through compactions and further changes', async () => {
    const catalog = createCatalog(db, { compactAt: 2 });
    await catalog.ready();
    const write = async (next: Item) => {
      const tx = db.transaction(['items', 'journal', 'catalog'], 'readwrite');
      await Promise.all([tx.objectStore('items').put(next), catalog.note(tx, [next])]);
      await tx.done;
      await catalog.settled();
    };
    for (const id of ['1', '2', '3']) await write(item(id, { thread: 'T' }));
    await write(item('2', { thread: 'T', status: 'dismissed', statusAt: 5 }));
    await write(item('1', { thread: 'T', sortAt: 9 }));
    const { view } = await catalog.view(query({ grouped: true }));
    const shown = Array.from({ length: view.total }, (_, i) => view.row(i))
      .map((r) => (r.type === 'group' ? `[${r.id} ${r.size}]` : r.entry.key));
    expect(shown).toEqual(['[x:T 2]', 'x:3', 'x:1']);
    expect(await catalog.counts()).toEqual({ pending: 2, snoozed: 0, answered: 0, dismissed: 1 });
  });

  it('is built again from the log when the log changed behind it', async () => {
    await service.handlers['items/report']({ site: 'x', items: [scanned('1'), scanned('2')] }, ctx);
    expect(await ids()).toEqual(['1', '2']);
    // An import replaces the log: the worker is told, and lists what the log holds now.
    await imported([item('7', { text: 'imported' })]);
    expect(await ids()).toEqual(['7']);
    await service.settled();
    expect(fx.counts.at(-1)).toBe(1);
    // Items written without the worker knowing (another page, a crash before data/imported): the
    // catalog read at the next start holds fewer entries than the log has items, and is built again.
    await db.put('items', item('8'));
    const restarted = createService(db, effects());
    const ask = () => restarted.handlers['items/page']({ query: query(), offset: 0, limit: 10 }, ctx);
    await ask();
    await expect.poll(async () => rows(await ask())).toEqual(['7', '8']);
    // Deleting everything empties it.
    await service.handlers['data/clear']({ confirm: 'delete everything' }, ctx);
    expect((await page()).counts).toEqual({ pending: 0, snoozed: 0, answered: 0, dismissed: 0 });
  });

  it('is built from the log when none was written, or one was cut short', async () => {
    await db.put('items', item('5'));
    expect(await ids()).toEqual(['5']);
    await db.delete('catalog', 'meta');
    expect(rows(await createService(db, effects()).handlers['items/page']({ query: query(), offset: 0, limit: 5 }, ctx))).toEqual(['5']);
  });
});

describe('the head of the list a popup opens on', () => {
  it('is written once writes pause, deleted by any write that changes an entry, and answers a worker just started', async () => {
    await imported(Array.from({ length: 100 }, (_, n) => item(String(1000 + n), { thread: `t${n % 30}` })));
    const first = await page({ grouped: true }, 0, 40);
    await expect.poll(() => db.get('catalog', 'head'), { timeout: 2000 }).toBeDefined();
    await service.handlers['items/act']({ key: 'x:1000', action: 'answer' }, ctx);
    expect(await db.get('catalog', 'head')).toBeUndefined();
    await expect.poll(() => db.get('catalog', 'head'), { timeout: 2000 }).toMatchObject({ matched: 99 });

    // A new worker: the head answers the popup's first page as the whole catalog does.
    const head = (q: Partial<ItemQuery>, offset: number) =>
      createCatalog(db).fromHead(query({ grouped: true, ...q }), offset, 40, async ({ head }) => head);
    expect((await head({}, 0))?.rows.length).toBeGreaterThanOrEqual(40);
    expect(await head({}, 40)).toBeNull();
    expect(await head({ grouped: false }, 0)).toBeNull();
    const restarted = createService(db, effects());
    const ask = () => restarted.handlers['items/page']({ query: query({ grouped: true }), offset: 0, limit: 40 }, ctx);
    const fromHead = await ask();
    const fromCatalog = await ask();
    expect(fromHead).toEqual({ ...fromCatalog, version: fromHead.version });
    expect(rows(first).slice(0, 3)).toEqual(['[x:t0 4]', '1000', '1030']);
    expect(rows(fromHead).slice(0, 3)).toEqual(['[x:t1 4]', '1001', '1031']);
  });
});

describe('the stats', () => {
  it('are computed in the worker, over the whole log', async () => {
    const items = [
      item('1', { status: 'answered', answeredAt: NOW - 3_600_000, firstSeenAt: NOW - 7_200_000 }),
      item('2', { site: 'youtube', key: 'youtube:2', status: 'answered', answeredAt: NOW - 60_000, firstSeenAt: NOW - 120_000 }),
      item('3', { sortAt: NOW - 86_400_000 }),
    ];
    await imported(items);
    expect(await service.handlers['items/stats']({}, ctx)).toEqual(computeStats(items, NOW));
  });
});
