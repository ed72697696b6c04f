/**
 * When the last export was made (and the reminder put away), kept beside the settings in their
 * store under a key of its own: it describes this browser, not the data, so a backup neither
 * carries it nor overwrites it, and deleting all data forgets it.
 */
import { type ExportLog, exportLogFrom } from '../core/backup-reminder';
import type { Settings } from '../core/types';
import type { ReplylineDb } from './db';

export const EXPORT_LOG_KEY = 'exports';

export interface ExportState {
  log: ExportLog;
  items: number;
}

export async function readExportState(db: ReplylineDb): Promise<ExportState> {
  const tx = db.transaction(['settings', 'items']);
  // The settings store's other key holds an ExportLog, read here only (exportLogFrom takes any value).
  const [stored, items] = await Promise.all([tx.objectStore('settings').get(EXPORT_LOG_KEY), tx.objectStore('items').count()]);
  return { log: exportLogFrom(stored), items };
}

export async function changeExportLog(db: ReplylineDb, change: (log: ExportLog) => ExportLog): Promise<ExportLog> {
  const tx = db.transaction('settings', 'readwrite');
  const next = change(exportLogFrom(await tx.store.get(EXPORT_LOG_KEY)));
  await tx.store.put(next as unknown as Settings, EXPORT_LOG_KEY);
  await tx.done;
  return next;
}
