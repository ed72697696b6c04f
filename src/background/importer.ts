/**
 * The one write of a backup import: a single readwrite transaction over items, saved replies and
 * settings, so that afterwards the store holds either the import's result or exactly what it held.
 * It runs wherever the database can be opened: the Options page (extension pages share the
 * worker's IndexedDB, one origin) and the unit tests.
 */
import { applyImport, type Backup, type ImportMode, type Stored } from '../core/backup';
import { t } from '../core/i18n';
import { openReplylineDb, type ReplylineDb, SETTINGS_KEY, settingsFrom } from './db';

export interface Imported {
  /** The Mastodon instances listed before the import: the worker withdraws those no longer listed. */
  hostsBefore: string[];
}

/**
 * Writes a parsed backup (parseBackup's records: fresh objects of known fields only). Any failure
 * (a request's error, a throw of `put` itself, a full disk at commit) aborts the transaction, and
 * the error is thrown once the abort is done: nothing was changed.
 */
export async function importBackup(db: ReplylineDb, backup: Backup, mode: ImportMode): Promise<Imported> {
  const tx = db.transaction(['items', 'snippets', 'settings'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  const write = (request: Promise<unknown>) => {
    request.catch(() => undefined); // answered by the catch below, after the abort
    writes.push(request);
  };
  try {
    const items = tx.objectStore('items');
    const snippets = tx.objectStore('snippets');
    const settings = tx.objectStore('settings');
    const [storedItems, storedSnippets, storedSettings] = await Promise.all([
      mode === 'merge' ? items.getAll() : [],
      mode === 'merge' ? snippets.getAll() : [],
      settings.get(SETTINGS_KEY),
    ]);
    const stored: Stored = {
      items: storedItems,
      snippets: storedSnippets,
      settings: settingsFrom(storedSettings),
    };
    const next = applyImport(stored, backup, mode);
    write(items.clear());
    write(snippets.clear());
    // `put` may throw at once (a value it cannot clone) rather than fail its request: the catch aborts.
    for (const item of next.items) write(items.put(item));
    for (const snippet of next.snippets) write(snippets.put(snippet));
    write(settings.put(next.settings, SETTINGS_KEY));
    await Promise.all(writes);
    await tx.done;
    return { hostsBefore: stored.settings.mastodonHosts };
  }
  catch (error) {
    try {
      tx.abort();
    }
    catch {
      // Already aborted (a failed request aborts it) or finished: nothing left to undo.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/**
 * An import from an extension page: its own connection to the worker's database, for this write
 * alone. A newer Replyline upgrading the database meanwhile is not kept waiting by it.
 */
export async function importFromPage(backup: Backup, mode: ImportMode): Promise<Imported> {
  const db = await openReplylineDb();
  db.onversionchange = () => db.close();
  try {
    return await importBackup(db, backup, mode);
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
