import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { PageHealth } from '../core/health';
import type { Item, ItemStatus, Settings, SiteId, Snippet } from '../core/types';
import { DEFAULT_SETTINGS } from '../core/types';
import type { EntryChunk, Strings } from './catalog-chunk';
import type { JournalRecord } from './catalog-entry';
import type { CatalogHead } from './catalog-head';

/** What the catalog store holds: how it was written, its entries in chunks (and their words), and its head. */
export interface CatalogMeta {
  format: number;
  count: number;
  chunks: number;
}
export type CatalogKey = 'meta' | 'head' | ['entries' | 'words', number];
export type CatalogRecord = CatalogMeta | EntryChunk | Strings | CatalogHead;

export interface ReplylineSchema extends DBSchema {
  items: {
    key: string;
    value: Item;
    indexes: {
      'by-status-sort': [ItemStatus, number];
      'by-snooze': number;
    };
  };
  snippets: { key: string; value: Snippet };
  settings: { key: string; value: Settings };
  /** The last health report of each site (what its adapter found on the last page it read). */
  health: { key: SiteId; value: PageHealth };
  /**
   * The popup's catalog of the log (catalog.ts): every item's entry, in chunks read at once. Derived
   * from the items: it can always be built again from them.
   */
  catalog: { key: CatalogKey; value: CatalogRecord };
  /**
   * Entries changed since the catalog's chunks were written, written with the items: one record per
   * write of many items, under a number one above the last (catalog-journal.ts). An earlier version
   * wrote one record per item, under the item's key; such records are read before the numbered ones.
   */
  journal: { key: number | string; value: JournalRecord[] | JournalRecord };
}

export type ReplylineDb = IDBPDatabase<ReplylineSchema>;
/** Migrations see the database as each version had it, not as the current schema types it. */
type AnyDb = IDBPDatabase;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export const DB_NAME = 'replyline';

/**
 * Migrations, one per version: MIGRATIONS[n] takes a database at version n to n + 1.
 * A database of any earlier version runs every step after its own, in order.
 */
export const MIGRATIONS: ((db: AnyDb, tx: UpgradeTx) => void)[] = [
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'key' });
    items.createIndex('by-status-sort', ['status', 'sortAt']);
    items.createIndex('by-site', 'site');
    items.createIndex('by-thread', 'thread');
    items.createIndex('by-snooze', 'snoozeUntil');
    const snippets = db.createObjectStore('snippets', { keyPath: 'id' });
    snippets.createIndex('by-uses', 'uses');
    db.createObjectStore('settings');
  },
  (db) => {
    db.createObjectStore('health', { keyPath: 'site' });
  },
  // Indexes that no query used (items by site and by thread, saved replies by uses) go: each cost
  // every write. An index comes back when a query needs it.
  (_db, tx) => {
    const items = tx.objectStore('items');
    for (const name of ['by-site', 'by-thread']) {
      if (items.indexNames.contains(name)) items.deleteIndex(name);
    }
    const snippets = tx.objectStore('snippets');
    if (snippets.indexNames.contains('by-uses')) snippets.deleteIndex('by-uses');
  },
  // The popup's catalog of the log and its journal (catalog.ts). Empty here: the worker builds the
  // catalog from the items the first time it needs it.
  (db) => {
    db.createObjectStore('catalog');
    db.createObjectStore('journal');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openReplylineDb(name = DB_NAME): Promise<ReplylineDb> {
  return openDB<ReplylineSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < DB_VERSION; version++) {
        MIGRATIONS[version]?.(db as unknown as AnyDb, tx as unknown as UpgradeTx);
      }
    },
  });
}

export const SETTINGS_KEY = 'settings';

/** The settings as stored, with the defaults for what an older version did not store. */
export function settingsFrom(stored: Settings | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored, accounts: { ...stored?.accounts } };
}

export async function readSettings(db: ReplylineDb): Promise<Settings> {
  return settingsFrom(await db.get('settings', SETTINGS_KEY));
}

export function statusRange(status: ItemStatus): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, Infinity]);
}
