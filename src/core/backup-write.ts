/**
 * A backup written as it is read: the file's text in pieces (its head, the items a page at a time,
 * then the saved replies and settings), so that no piece holds more than a page of the log. Joined,
 * the pieces are exactly JSON.stringify(makeBackup(...)): older and newer files read the same.
 */
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';
import type { Item, Settings, Snippet } from './types';

/** The text before the first item. */
export function backupHead(exportedAt: string): string {
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, items: [] });
  return head.slice(0, -2); // without the list's "]}"
}

/** A page of items; `first`: the first page, with no comma before it. */
export function itemsPiece(items: readonly Item[], first: boolean): string {
  if (items.length === 0) return '';
  const text = items.map((item) => JSON.stringify(item)).join(',');
  return first ? text : `,${text}`;
}

/** The text after the last item. */
export function backupTail(snippets: readonly Snippet[], settings: Settings): string {
  return `],"snippets":${JSON.stringify(snippets)},"settings":${JSON.stringify(settings)}}`;
}
