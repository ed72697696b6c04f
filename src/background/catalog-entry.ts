/**
 * One item as the worker's catalog holds it: what the popup's list counts, filters, searches,
 * orders and groups by, and what the stats read, without the rest of the item. The catalog keeps
 * these for the whole log in memory (catalog.ts), so that a view over 100,000 items costs a pass
 * over small records rather than reading every item from IndexedDB.
 */
import { groupId, labelsFor, searchText } from '../core/triage';
import type { TeamItem } from '../core/team-doc';
import type { Item, ItemKind, ItemStatus, SiteId } from '../core/types';

/** Labels as bits: a question, a complaint. */
export const LABEL_BITS = { question: 1, complaint: 2 } as const;

export interface Entry {
  key: string;
  status: ItemStatus;
  site: SiteId;
  kind: ItemKind;
  labels: number;
  sortAt: number;
  statusAt: number;
  thread: string;
  answeredAt: number | null;
  firstSeenAt: number;
  /** The team member it is assigned to (null: nobody, or no team). */
  assignee: string | null;
  /** The folded text a search runs over (searchText); null until the catalog's words are read. */
  words: string | null;
  /** The conversation the list groups it in (groupId); not stored, derived when read. */
  group: string;
  /** Where it stands in its status's order: when it came (waiting) or when its status was set (the others). */
  at: number;
  /** Its conversation's number in the catalog in memory (catalog-memory.ts); -1 until it is there. */
  gid: number;
}

const orderTime = (status: ItemStatus, sortAt: number, statusAt: number) => (status === 'pending' ? sortAt : statusAt);

/** An entry as stored, without its words (kept apart: a list that searches nothing never reads them). */
export type StoredEntry = [
  key: string,
  status: ItemStatus,
  site: SiteId,
  kind: ItemKind,
  labels: number,
  sortAt: number,
  statusAt: number,
  thread: string,
  answeredAt: number | null,
  firstSeenAt: number,
  /** Absent from entries stored before assignment came. */
  assignee?: string | null,
];

/** A change in the journal: the entry and its words. */
export interface JournalRecord {
  entry: StoredEntry;
  words: string;
}

export function entryOf(item: Item): Entry {
  let labels = 0;
  for (const label of labelsFor(item.text)) labels |= LABEL_BITS[label];
  return {
    key: item.key,
    status: item.status,
    site: item.site,
    kind: item.kind,
    labels,
    sortAt: item.sortAt,
    statusAt: item.statusAt,
    thread: item.thread,
    answeredAt: item.answeredAt,
    firstSeenAt: item.firstSeenAt,
    assignee: (item as TeamItem).assignee ?? null,
    words: searchText(item),
    group: groupId(item),
    at: orderTime(item.status, item.sortAt, item.statusAt),
    gid: -1,
  };
}

export const storedEntry = (e: Entry): StoredEntry =>
  [e.key, e.status, e.site, e.kind, e.labels, e.sortAt, e.statusAt, e.thread, e.answeredAt, e.firstSeenAt, e.assignee];

export function entryFrom(stored: StoredEntry, words: string | null): Entry {
  const [key, status, site, kind, labels, sortAt, statusAt, thread, answeredAt, firstSeenAt, assignee] = stored;
  // One literal of every field (as entryOf's): entries built by spreading take far longer to make and to read.
  return {
    key,
    status,
    site,
    kind,
    labels,
    sortAt,
    statusAt,
    thread,
    answeredAt,
    firstSeenAt,
    assignee: assignee ?? null,
    words,
    group: groupId({ key, site, thread }),
    at: orderTime(status, sortAt, statusAt),
    gid: -1,
  };
}

export const journalRecord = (e: Entry): JournalRecord => ({ entry: storedEntry(e), words: e.words ?? '' });

/** Whether a write changes what the catalog holds of an item (a new item always does). */
export function changesEntry(before: Item | undefined, next: Item): boolean {
  return (
    !before
    || before.status !== next.status
    || before.sortAt !== next.sortAt
    || before.statusAt !== next.statusAt
    || before.answeredAt !== next.answeredAt
    || before.firstSeenAt !== next.firstSeenAt
    || before.kind !== next.kind
    || before.thread !== next.thread
    || before.text !== next.text
    || before.author.name !== next.author.name
    || before.author.handle !== next.author.handle
    || (before as TeamItem).assignee !== (next as TeamItem).assignee
  );
}
