/**
 * Backups: the file's format (backup-format.ts), how a file is read (backup-read.ts) and merged
 * (backup-merge.ts). parseBackup reads a whole text at once (the tests' way in); the Options page
 * reads a file as it streams (backup-stream.ts), with the same checks in the same order.
 */
import {
  type Backup,
  BACKUP_FORMAT,
  MAX_BACKUP_BYTES,
  type Parsed,
  type ParseOptions,
  type RefusalReason,
  utf8Bytes,
} from './backup-format';
import { Refusal, refuse } from './backup-read';
import { BackupStream } from './backup-stream';
import { t } from './i18n';
import type { Item, Snippet } from './types';

export * from './backup-format';
export { applyImport } from './backup-merge';

/**
 * Reads an exported file held whole (the Options page streams one instead: BackupStream, which this
 * runs over the one text); nothing in it is trusted. Its size is bounded before it is read, nesting
 * and each value's size as it is read; then every item, saved reply and setting is read field by
 * field into fresh records (so nothing unknown, deep or prototype-named is ever kept), with
 * plausible times, and the first problem is named, so that a broken file changes nothing and says
 * why. Unknown fields are left out and counted in the summary.
 */
export function parseBackup(text: string, options: ParseOptions): Parsed {
  if (utf8Bytes(text, MAX_BACKUP_BYTES) > MAX_BACKUP_BYTES) return refusal(refuse('backupLarger'));
  const items: Item[] = [];
  const snippets: Snippet[] = [];
  try {
    const stream = new BackupStream({ ...options, item: (i) => items.push(i), snippet: (s) => snippets.push(s) });
    stream.push(text);
    const { version, exportedAt, settings, summary } = stream.end();
    const backup: Backup = { format: BACKUP_FORMAT, version, exportedAt, items, snippets, settings };
    return { ok: true, backup, summary };
  }
  catch (error) {
    if (error instanceof Refusal) return refusal(error);
    throw error;
  }
}

/** A refusal in the user's words: "This file cannot be imported: …". */
export function refusal(why: { reason: RefusalReason; subs: (string | number)[] }): Parsed & { ok: false } {
  const { reason, subs } = why;
  return { ok: false, reason, error: t('backupCannotImport', t(reason, ...subs)) };
}
