/**
 * Backups: the file's format (backup-format.ts), how a file is read (backup-read.ts) and merged
 * (backup-merge.ts); parseBackup is the one way in for a file.
 */
import { jsonDepth, MAX_BACKUP_BYTES, MAX_BACKUP_DEPTH, type Parsed, type ParseOptions, utf8Bytes } from './backup-format';
import { read, Refusal, refuse } from './backup-read';
import { t } from './i18n';

export * from './backup-format';
export { applyImport } from './backup-merge';

/**
 * Reads an exported file; nothing in it is trusted. Its size and nesting are bounded before it is
 * parsed; then every item, saved reply and setting is read field by field into fresh records (so
 * nothing unknown, deep or prototype-named is ever kept), with plausible times, and the first
 * problem is named, so that a broken file changes nothing and says why. Unknown fields are left
 * out and counted in the summary.
 */
export function parseBackup(text: string, options: ParseOptions): Parsed {
  const fail = ({ reason, subs }: Refusal): Parsed => ({
    ok: false,
    reason,
    error: t('backupCannotImport', t(reason, ...subs)),
  });
  if (utf8Bytes(text, MAX_BACKUP_BYTES) > MAX_BACKUP_BYTES) return fail(refuse('backupLarger'));
  // Checked before JSON.parse: a file of nothing but "[" must not take the page down.
  if (jsonDepth(text, MAX_BACKUP_DEPTH) > MAX_BACKUP_DEPTH) return fail(refuse('backupTooDeep', MAX_BACKUP_DEPTH));
  let data: unknown;
  try {
    data = JSON.parse(text);
  }
  catch {
    return fail(refuse('backupNotJson'));
  }
  try {
    return { ok: true, ...read(data, options) };
  }
  catch (error) {
    if (error instanceof Refusal) return fail(error);
    throw error;
  }
}
