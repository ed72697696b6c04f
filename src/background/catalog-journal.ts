/**
 * The catalog's journal: the entries a transaction changed, as one record (a report of 200 items
 * writes one journal record, not 200: a record's write is most of what storing an item costs).
 * Records are numbered one above the last in the store, read inside the writing transaction (the
 * journal's writes are serialized, so no two get the same number); several notes in one transaction
 * take the next numbers in turn. Replayed in order, the latest entry of an item wins.
 */
import type { Entry, JournalRecord } from './catalog-entry';
import { journalRecord } from './catalog-entry';

/** The numbered records: numbers sort below every string key (those of an earlier version's records). */
const NUMBERED = IDBKeyRange.upperBound(Number.MAX_SAFE_INTEGER);

interface JournalStore {
  openKeyCursor(query: IDBKeyRange, direction: IDBCursorDirection): Promise<{ key: IDBValidKey } | null>;
  put(value: JournalRecord[], key: number): Promise<unknown>;
}

/** The number each transaction used last, so that its next note takes the one above. */
const lastUsed = new WeakMap<object, Promise<number>>();

/** Writes `entries` as one journal record within `tx`. */
export function writeJournal(tx: object, journal: JournalStore, entries: Entry[]): Promise<unknown> {
  const last = lastUsed.get(tx) ?? journal.openKeyCursor(NUMBERED, 'prev').then((c) => (typeof c?.key === 'number' ? c.key : 0));
  const mine = last.then((n) => n + 1);
  lastUsed.set(tx, mine);
  return mine.then((n) => journal.put(entries.map(journalRecord), n));
}

/**
 * The journal's records as getAll gives them (in key order: numbered ones first), as the changes in
 * the order they were made: an earlier version's records (one per item), then the numbered ones.
 */
export function journalChanges(records: (JournalRecord[] | JournalRecord)[]): JournalRecord[] {
  const older: JournalRecord[] = [];
  const numbered: JournalRecord[] = [];
  for (const record of records) {
    if (Array.isArray(record)) numbered.push(...record);
    else older.push(record);
  }
  return [...older, ...numbered];
}
