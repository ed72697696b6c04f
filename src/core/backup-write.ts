/**
 * A backup written as it is read: the file's text in pieces (its head, the items a page at a time,
 * then the saved replies and settings), so that no piece holds more than a page of the log. Joined,
 * the pieces are exactly JSON.stringify(makeBackup(...)): older and newer files read the same.
 */
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup-format';
import type { TeamItem } from './team-doc';
import type { Item, Settings, Snippet } from './types';

/** The text before the first item. */
export function backupHead(exportedAt: string): string {
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, items: [] });
  return head.slice(0, -2); // without the list's "]}"
}

/** An item without what a team shares of it (who set its status, who it is assigned to): a backup is this browser's. */
function ownFields(item: TeamItem): Item {
  if (item.by === undefined && item.assignee === undefined) return item;
  const own = { ...item };
  delete own.by;
  delete own.assignee;
  return own;
}

/** A page of items; `first`: the first page, with no comma before it. */
export function itemsPiece(items: readonly Item[], first: boolean): string {
  if (items.length === 0) return '';
  const text = items.map((item) => JSON.stringify(ownFields(item))).join(',');
  return first ? text : `,${text}`;
}

/** The text after the last item. */
export function backupTail(snippets: readonly Snippet[], settings: Settings): string {
  return `],"snippets":${JSON.stringify(snippets)},"settings":${JSON.stringify(settings)}}`;
}
