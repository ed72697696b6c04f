/**
 * The worker's catalog of the log: one small entry per item (catalog-entry.ts), in memory, from
 * which the popup's lists, counts, searches and stats are answered (catalog-view.ts). Reading
 * 100,000 items from IndexedDB takes seconds, and even counting them by an index takes most of
 * one; the catalog's entries are stored in a few large chunks instead (catalog-store.ts), read at
 * once in a fraction of that, and kept exact without rewriting them at each change:
 *
 * - every write of items puts the changed items' entries into the journal, in the same
 *   transaction: whatever stops the worker, the chunks and the journal together hold every item;
 * - once the journal is long, the entries are written again as chunks and the journal emptied,
 *   in one transaction;
 * - what writes the items without the journal (an import from the Options page, deleting
 *   everything) is followed by a rebuild from the items (`rebuild`), and a catalog found not to
 *   hold as many entries as the log holds items, when it is read, is rebuilt;
 * - the first rows of the list a popup opens on are kept too (catalog-head.ts), so that a worker
 *   just started answers them before it has read the rest.
 */
import type { IDBPTransaction } from 'idb';
import type { Item, ItemStatus } from '../core/types';
import type { ItemQuery } from '../shared/protocol';
import { type Entry, entryOf } from './catalog-entry';
import { writeJournal } from './catalog-journal';
import { type CatalogHead, headFor, writeHead } from './catalog-head';
import { Entries } from './catalog-memory';
import { buildCatalog, readCatalog, writeCatalog } from './catalog-store';
import { countMine, type View } from './catalog-view';

/** A query's view, the log's version, the counts by status, and the waiting comments assigned to the member. */
interface CatalogView {
  view: View;
  version: number;
  counts: Record<ItemStatus, number>;
  mine: number;
}
import type { ReplylineDb, ReplylineSchema } from './db';

/** A transaction that writes items: the catalog's journal and head are in it too. */
export type ItemsWrite = IDBPTransaction<ReplylineSchema, ('items' | 'journal' | 'catalog')[], 'readwrite'>;

/** A stored head, and the version the entries will have once read. */
interface StoredHead {
  head: CatalogHead;
  version: number;
}

/**
 * How long writes pause before the head is written again: computing it computes the list a popup
 * opens on, which is then ready for it too.
 */
const HEAD_AFTER_MS = 50;

export interface CatalogOptions {
  /** Journal records beyond which the chunks are written again. */
  compactAt?: number;
  onError?: (error: unknown) => void;
}

interface State {
  db: ReplylineDb;
  compactAt: number;
  onError: (error: unknown) => void;
  /** The entries once read; while they are read or built, changes wait in `queued`. */
  entries: Entries | null;
  reading: Promise<Entries> | null;
  queued: Entry[];
  /** Resolves once every entry has its words (a search waits for it). */
  words: Promise<void>;
  /** The entries' last version. It starts anywhere: a page read from a worker since stopped never looks current. */
  version: number;
  journalLength: number;
  compacting: Promise<void> | null;
  /** A build from the items is under way: what is stored is not current. */
  building: boolean;
  headTimer: ReturnType<typeof setTimeout> | null;
  /** A first page answered from the head: the catalog is read once it is out (reading it would slow it down). */
  answering: Promise<unknown> | null;
}

/** Writes the head again once writes have paused for a moment (each write deleted it). */
function headLater(state: State): void {
  if (state.headTimer) clearTimeout(state.headTimer);
  state.headTimer = setTimeout(() => {
    state.headTimer = null;
    writeHead(state.db, () => (state.building ? null : state.entries)).catch(state.onError);
  }, HEAD_AFTER_MS);
}

/** The entries are in memory: what changed while they were read is applied over them. */
function settle(state: State, byKey: Map<string, Entry>): Entries {
  const entries = new Entries(byKey, state.version + 1);
  if (state.queued.length) entries.set(state.queued);
  state.queued = [];
  state.entries = entries;
  state.version = entries.version;
  headLater(state);
  return entries;
}

/** Reads the catalog into memory; builds it from the items when there is none (or it is found short). */
function load(state: State, build = false): Promise<Entries> {
  state.reading ??= (async () => {
    await state.answering?.catch(() => undefined);
    const stored = build ? null : await readCatalog(state.db);
    if (!stored) return buildCatalog(state.db);
    state.journalLength = stored.journalLength;
    state.words = stored.words;
    return stored.entries;
  })()
    .then((entries) => {
      const settled = settle(state, entries);
      if (!build) checkCount(state);
      return settled;
    })
    .finally(() => {
      state.reading = null;
    });
  return state.reading;
}

/**
 * The log must hold as many items as the catalog entries, or the catalog missed a write (an import
 * the worker was not told of): then it is built again. When the count answers, every write before
 * it is applied to memory, and none after it has begun.
 */
function checkCount(state: State): void {
  state.db.count('items').then((count) => {
    if (state.entries && !state.building && count !== state.entries.byKey.size) return rebuild(state);
  }).catch(state.onError);
}

async function rebuild(state: State): Promise<void> {
  // A compaction under way writes the old entries: the build's own write must come after it.
  while (state.compacting) await state.compacting;
  await state.reading?.catch(() => undefined);
  state.entries = null;
  // What changed before is in the items the build reads (a change is applied as soon as it commits).
  state.queued = [];
  state.words = Promise.resolve();
  state.building = true;
  await load(state, true).finally(() => {
    state.building = false;
  });
}

function compact(state: State): void {
  if (state.compacting || !state.entries) return;
  state.compacting = writeCatalog(state.db, state.entries.byKey, false)
    .then(() => {
      state.journalLength = 0;
      headLater(state);
    })
    .catch(state.onError)
    .finally(() => {
      state.compacting = null;
    });
}

function apply(state: State, changed: Entry[]): void {
  if (!state.entries) {
    state.queued.push(...changed);
    return;
  }
  state.entries.set(changed);
  state.version = state.entries.version;
  state.journalLength += changed.length;
  if (state.journalLength >= state.compactAt) compact(state);
  headLater(state);
}

export function createCatalog(db: ReplylineDb, options: CatalogOptions = {}) {
  const state: State = {
    db,
    compactAt: options.compactAt ?? 2000,
    onError: options.onError ?? ((error) => console.error('Replyline: the catalog', error)),
    entries: null,
    reading: null,
    queued: [],
    words: Promise.resolve(),
    version: Math.floor(Math.random() * 2 ** 30),
    journalLength: 0,
    compacting: null,
    building: false,
    headTimer: null,
    answering: null,
  };
  const ready = async () => state.entries ?? load(state);
  return {
    ready,
    /** The log changed behind the catalog (an import, a clear): it is built again from the items. */
    rebuild: () => rebuild(state),
    /**
     * Within a transaction that writes these items: their entries go to the journal, and into
     * memory once the transaction has committed. Await the result with the transaction's other writes.
     */
    note(tx: ItemsWrite, items: Item[]): Promise<unknown> {
      if (items.length === 0) return Promise.resolve();
      const changed = items.map(entryOf);
      const puts = Promise.all([
        writeJournal(tx, tx.objectStore('journal'), changed),
        tx.objectStore('catalog').delete('head'),
      ]);
      tx.done.then(() => apply(state, changed), () => undefined);
      return puts;
    },
    /** A query's view of the log, with its version, the counts by status and the waiting ones assigned to `me`. */
    async view(query: ItemQuery): Promise<CatalogView> {
      await ready();
      if (query.query.trim()) await state.words;
      const entries = await ready();
      const mine = countMine(entries.inOrder('pending'), query.me);
      return { view: entries.view(query), version: entries.version, counts: entries.counts(), mine };
    },
    /**
     * A first page answered by `answer` from the stored head, while the catalog is not read yet (the
     * worker has just started), with the version the entries will have once read; the catalog is read
     * once it is out. Null when the head cannot answer.
     */
    async fromHead<T>(query: ItemQuery, offset: number, limit: number, answer: (stored: StoredHead) => Promise<T>) {
      if (state.entries || state.reading || state.answering) return null;
      const answered = (async () => {
        const head = await headFor(state.db, query, offset, limit);
        return head ? answer({ head, version: state.version + 1 }) : null;
      })();
      state.answering = answered;
      try {
        return await answered;
      }
      finally {
        state.answering = null;
        void ready().catch(state.onError);
      }
    },
    counts: async (): Promise<Record<ItemStatus, number>> => (await ready()).counts(),
    entries: async (): Promise<Iterable<Entry>> => (await ready()).byKey.values(),
    /** Resolves once a compaction under way has written its chunks (tests). */
    async settled(): Promise<void> {
      while (state.compacting) await state.compacting;
    },
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
