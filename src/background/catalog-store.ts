/**
 * The catalog as stored (catalog.ts says why): its entries in chunks of CHUNK (catalog-chunk.ts),
 * their words in chunks beside them, a meta record, and the journal of entries changed since the
 * chunks were written. Reading, writing and building it from the items.
 */
import type { Item } from '../core/types';
import { decodeChunk, decodeWords, encodeChunk, encodeWords, type EntryChunk, type Strings } from './catalog-chunk';
import { type Entry, entryFrom, entryOf } from './catalog-entry';
import { journalChanges } from './catalog-journal';
import type { CatalogMeta, ReplylineDb } from './db';

/** How the chunks are written: a catalog of another format is built again. */
const FORMAT = 1;
const CHUNK = 2000;
const READ_BATCH = 2000;

const chunks = (part: 'entries' | 'words') => IDBKeyRange.bound([part, 0], [part, Infinity]);
const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

export interface StoredCatalog {
  entries: Map<string, Entry>;
  /** Records in the journal. */
  journalLength: number;
  /** Resolves once the entries read from chunks have their words (they come after the entries). */
  words: Promise<void>;
}

/** Reads the chunks and the journal, in one transaction; null when there is no current catalog. */
export async function readCatalog(db: ReplylineDb): Promise<StoredCatalog | null> {
  const tx = db.transaction(['catalog', 'journal']);
  const catalog = tx.objectStore('catalog');
  const meta = catalog.get('meta') as Promise<CatalogMeta | undefined>;
  const stored = catalog.getAll(chunks('entries')) as Promise<EntryChunk[]>;
  const journal = tx.objectStore('journal').getAll();
  // Asked after the entries: the list can be answered before these come.
  const words = catalog.getAll(chunks('words')) as Promise<Strings[]>;
  for (const p of [stored, journal, words, tx.done] as Promise<unknown>[]) quiet(p);
  if ((await meta)?.format !== FORMAT) return null;
  const entries = new Map<string, Entry>();
  const order: string[][] = [];
  for (const chunk of await stored) {
    const decoded = decodeChunk(chunk);
    order.push(decoded.map((e) => e.key));
    for (const e of decoded) entries.set(e.key, e);
  }
  const changes = journalChanges(await journal);
  for (const r of changes) entries.set(r.entry[0], entryFrom(r.entry, r.words));
  return {
    entries,
    journalLength: changes.length,
    // An entry replaced since (by the journal, or a change) has its own words already.
    words: words.then((all) => all.forEach((chunk, n) => decodeWords(chunk).forEach((w, i) => {
      const e = entries.get(order[n]![i]!);
      if (e && e.words === null) e.words = w;
    }))),
  };
}

/**
 * Writes the entries as chunks and empties the journal, in one transaction. A build's entries,
 * read from the items while writes went on, first take what the journal holds by then (`withJournal`);
 * the entries in memory need not: every write committed before this transaction is applied to
 * them by the time it reads (a write is applied as it completes, before this one's answers come).
 */
export async function writeCatalog(db: ReplylineDb, entries: Map<string, Entry>, withJournal: boolean): Promise<void> {
  const tx = db.transaction(['catalog', 'journal'], 'readwrite');
  const catalog = tx.objectStore('catalog');
  const journal = tx.objectStore('journal');
  const changes = journalChanges(await journal.getAll());
  if (withJournal) for (const r of changes) entries.set(r.entry[0], entryFrom(r.entry, r.words));
  // In the lists' order: read back, each status's entries are in order already (sorting them costs a pass).
  const all = [...entries.values()].sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : a.at - b.at));
  const writes: Promise<unknown>[] = [catalog.clear(), journal.clear()];
  for (let n = 0; n * CHUNK < all.length; n++) {
    const chunk = all.slice(n * CHUNK, (n + 1) * CHUNK);
    writes.push(catalog.put(encodeChunk(chunk), ['entries', n]));
    writes.push(catalog.put(encodeWords(chunk), ['words', n]));
  }
  const meta: CatalogMeta = { format: FORMAT, count: all.length, chunks: Math.ceil(all.length / CHUNK) };
  writes.push(catalog.put(meta, 'meta'));
  await Promise.all(writes);
  await tx.done;
}

/** What forgetting the catalog needs of a transaction, whatever else it writes (an import's, a build's). */
interface CatalogTx {
  objectStore(name: 'catalog'): { delete(key: 'meta' | 'head'): Promise<void> };
  objectStore(name: 'journal'): { clear(): Promise<void> };
}

/**
 * Forgets the catalog in `tx`: without its meta record it is built again from the items at the next
 * read, and the journal's entries went with it (the head too, so no popup is answered from it).
 */
export function forgetCatalog(tx: CatalogTx): Promise<unknown>[] {
  const catalog = tx.objectStore('catalog');
  return [catalog.delete('meta'), catalog.delete('head'), tx.objectStore('journal').clear()];
}

/**
 * Every entry from the items, read in batches, then written. The old catalog is forgotten first,
 * with its journal: a build cut short leaves no catalog (the next start builds it), and what the
 * journal takes meanwhile is newer than what the batches read.
 */
export async function buildCatalog(db: ReplylineDb): Promise<Map<string, Entry>> {
  const forget = db.transaction(['catalog', 'journal'], 'readwrite');
  await Promise.all([...forgetCatalog(forget), forget.done]);
  const entries = new Map<string, Entry>();
  for (let after: string | null = null; ;) {
    const batch: Item[] = await db.getAll('items', after === null ? null : IDBKeyRange.lowerBound(after, true), READ_BATCH);
    for (const item of batch) entries.set(item.key, entryOf(item));
    if (batch.length < READ_BATCH) break;
    after = batch.at(-1)!.key;
  }
  await writeCatalog(db, entries, true);
  return entries;
}
