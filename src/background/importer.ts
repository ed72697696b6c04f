/**
 * Backup imports, written wherever the database can be opened: the Options page (extension pages
 * share the worker's IndexedDB, one origin) and the unit tests. A file is read as it streams, twice:
 * once to check it and preview what it would do, once to write it in one transaction (ImportWrite).
 */
import { type Backup, type ImportMode } from '../core/backup';
import { t } from '../core/i18n';
import { openReplylineDb, type ReplylineDb } from './db';
import { type Imported, ImportWrite } from './import-write';

export type { Imported, Written } from './import-write';

/**
 * Writes a parsed backup (parseBackup's records: fresh objects of known fields only). Any failure
 * (a request's error, a throw of `put` itself, a full disk at commit) aborts the transaction, and
 * the error is thrown once the abort is done: nothing was changed.
 */
export async function importBackup(db: ReplylineDb, backup: Backup, mode: ImportMode): Promise<Imported> {
  const write = await ImportWrite.begin(db, mode);
  try {
    await write.items(backup.items);
    await write.snippets(backup.snippets);
    return await write.finish(backup.settings);
  }
  catch (error) {
    await write.abort();
    throw error;
  }
}

/**
 * The database from an extension page: its own connection, for this work alone. A newer Replyline
 * upgrading the database meanwhile is not kept waiting by it.
 */
export async function withPageDb<T>(work: (db: ReplylineDb) => Promise<T>): Promise<T> {
  const db = await openReplylineDb();
  db.onversionchange = () => db.close();
  try {
    return await work(db);
  }
  finally {
    db.close();
  }
}

/** What the user reads when the write failed (the transaction was undone). */
export function importFailureText(error: unknown): string {
  // The browser's own words are for the console; the user reads ours.
  console.error('Replyline: the import could not be written', error);
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError' ? t('diskFull') : t('importWriteFailed');
}
