/** The backup file's format: what it holds, its bounds, and how its size and nesting are measured. */
import { t } from './i18n';
import type { Item, Settings, SiteId, Snippet } from './types';

/** The file Replyline exports: everything it keeps, with a format version. */
export const BACKUP_FORMAT = 'replyline-backup';
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are read: 50 MiB, counted in UTF-8 bytes wherever it is
 * checked (a file's size in the page, a text's encoded length in parseBackup).
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/**
 * A file the Options page streams (BackupStream) is held a record at a time, not whole: it may be
 * far larger, up to 1 GiB (well over a million comments); its size is checked before it is read.
 */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** An export nests 4 levels deep (file, list, item, author); deeper texts are refused before parsing. */
export const MAX_BACKUP_DEPTH = 32;
/** How far past now a recorded time may be: another device's clock may run ahead, not by more than a day. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/**
 * The latest time a Date holds. A snooze may end as late as that: the popup's date field lets
 * anyone snooze for years, so no nearer bound would be one Replyline itself keeps.
 */
export const MAX_DATE_MS = 8.64e15;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  items: Item[];
  snippets: Snippet[];
  settings: Settings;
}

export interface BackupSummary {
  exportedAt: string;
  items: number;
  pending: number;
  snippets: number;
  sites: SiteId[];
  /** Fields the file holds that Replyline does not know: left out of what is written. */
  dropped: number;
}

/** Every reason a file is refused for, in the order they are checked: each a key of the catalogs. */
export type RefusalReason =
  | 'backupHuge'
  | 'backupLarger'
  | 'backupTooDeep'
  | 'backupNotJson'
  | 'backupNotOurs'
  | 'backupNoVersion'
  | 'backupBadVersion'
  | 'backupNewer'
  | 'backupBadDate'
  | 'backupNoLists'
  | 'backupBadItem'
  | 'backupItemBadTime'
  | 'backupBadSnooze'
  | 'backupItemTwice'
  | 'backupBadSnippet'
  | 'backupSnippetBadTime'
  | 'backupSnippetTwice'
  | 'backupNoSettings'
  | 'backupBadHandles'
  | 'backupUnknownSite'
  | 'backupBadHandle'
  | 'backupBadSites'
  | 'backupBadPicker'
  | 'backupBadSelectors'
  | 'backupUnknownSelector'
  | 'backupBadInstances';

/** A refusal names its reason too. */
export type Parsed =
  | { ok: true; backup: Backup; summary: BackupSummary }
  | { ok: false; error: string; reason: RefusalReason };

/** What parseBackup needs from outside the pure core. */
export interface ParseOptions {
  /** The names in a site's adapter selector table: overrides of any other name are refused. */
  selectorNames(site: SiteId): readonly string[];
  /** Epoch ms: no time recorded in the file may be later than this (plus CLOCK_SKEW_MS). */
  now: number;
}

export type ImportMode = 'merge' | 'replace';

export interface Stored {
  items: Item[];
  snippets: Snippet[];
  settings: Settings;
}

export function makeBackup(stored: Stored, now: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    items: stored.items,
    snippets: stored.snippets,
    settings: stored.settings,
  };
}

/** A text's length in UTF-8 bytes, counted without encoding it; counting stops once past `stop`. */
export function utf8Bytes(text: string, stop = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair
      i++;
    }
    else bytes += 3; // a lone surrogate is written as U+FFFD, 3 bytes too
  }
  return bytes;
}

/**
 * How deep arrays and objects nest in a JSON text, in one pass without parsing it (brackets inside
 * strings do not count); the scan stops once past `stop`. Malformed texts get a number too: the
 * parser refuses them afterwards.
 */
export function jsonDepth(text: string, stop = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    }
    else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stop) break;
    }
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Why a file of this many bytes cannot be imported (null: its size is fine), checked before the page streams it. */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_FILE_BYTES ? t('backupCannotImport', t('backupHuge')) : null;
}
