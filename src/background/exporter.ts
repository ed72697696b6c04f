/**
 * Exports written by the extension page that asked, from its own connection to the database: the
 * log is read a page at a time and each page's text goes into the file (a Blob) at once, so that
 * the page never holds more than a page of the log, and no message carries it.
 */
import { backupHead, backupTail, itemsPiece } from '../core/backup-write';
import { logCsvHead, logCsvRows } from '../core/csv-log';
import type { Item } from '../core/types';
import { type ReplylineDb, SETTINGS_KEY, settingsFrom } from './db';

/** Comments read at a time: each page is its own short read, so the worker's writes never wait long. */
export const EXPORT_PAGE = 1000;

export interface ExportControl {
  signal: AbortSignal;
  /** The share of the log written so far, 0 to 1. */
  progress(share: number): void;
}

export interface Exported {
  blob: Blob;
  items: number;
  snippets: number;
  exportedAt: string;
}

/**
 * Hands on the log a page at a time, in key order: each key once, the page after the last key read
 * (a comment the worker logs meanwhile is in the file when its key comes later). Returns the count.
 */
async function eachPage(db: ReplylineDb, control: ExportControl, page: (items: Item[]) => void): Promise<number> {
  const total = Math.max(1, await db.count('items'));
  let after: string | null = null;
  let count = 0;
  for (;;) {
    control.signal.throwIfAborted();
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const items: Item[] = await db.getAll('items', range, EXPORT_PAGE);
    control.signal.throwIfAborted();
    if (items.length === 0) return count;
    page(items);
    count += items.length;
    after = items.at(-1)!.key;
    control.progress(Math.min(1, count / total));
  }
}

/** The backup file: the same text as JSON.stringify of the whole backup, written a page at a time. */
export async function exportBackup(db: ReplylineDb, now: Date, control: ExportControl): Promise<Exported> {
  const exportedAt = now.toISOString();
  const parts: Blob[] = [new Blob([backupHead(exportedAt)])];
  const items = await eachPage(db, control, (page) => parts.push(new Blob([itemsPiece(page, parts.length === 1)])));
  const tx = db.transaction(['snippets', 'settings']);
  const [snippets, settings] = await Promise.all([tx.objectStore('snippets').getAll(), tx.objectStore('settings').get(SETTINGS_KEY)]);
  parts.push(new Blob([backupTail(snippets, settingsFrom(settings))]));
  return { blob: new Blob(parts, { type: 'application/json' }), items, snippets: snippets.length, exportedAt };
}

/** The log as CSV, a row a comment. */
export async function exportLogCsv(db: ReplylineDb, now: Date, control: ExportControl): Promise<Exported> {
  const parts: Blob[] = [new Blob([logCsvHead()])];
  const items = await eachPage(db, control, (page) => parts.push(new Blob([logCsvRows(page)])));
  return { blob: new Blob(parts, { type: 'text/csv' }), items, snippets: 0, exportedAt: now.toISOString() };
}
