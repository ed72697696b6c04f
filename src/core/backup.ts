import { t } from '../shared/i18n';
import { SNIPPET_LIMITS } from './snippets';
import { MAX_INSTANCES, parseInstanceHost } from './instances';
import type { Item, Settings, SiteId, Snippet } from './types';
import { DEFAULT_SETTINGS, itemKey, SITE_IDS } from './types';
import { arrayOf, type Check, isRecord, nullable, num, oneOf, selectorOverrides, shape, str } from './validate';

/** The file Replyline exports: everything it keeps, with a format version. */
export const BACKUP_FORMAT = 'replyline-backup';
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are read: 50 MiB, counted in UTF-8 bytes wherever it is
 * checked (a file's size in the page, a text's encoded length in parseBackup).
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
/** An export nests 4 levels deep (file, list, item, author); deeper texts are refused before parsing. */
export const MAX_BACKUP_DEPTH = 32;

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
}

export type Parsed = { ok: true; backup: Backup; summary: BackupSummary } | { ok: false; error: string };

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

const site = oneOf<SiteId>(...SITE_IDS);
const time = nullable(num);
const person = shape({ name: str(1000), handle: str(1000, 1) });

const isItem: Check<Item> = shape<Item>({
  key: str(300, 3),
  site,
  id: str(200, 1),
  kind: oneOf('comment', 'reply', 'mention'),
  author: person,
  text: str(20_000),
  url: str(4096),
  thread: str(300),
  createdAt: time,
  firstSeenAt: num,
  lastSeenAt: num,
  sortAt: num,
  status: oneOf('pending', 'answered', 'dismissed', 'snoozed'),
  answeredAt: time,
  answeredVia: nullable(oneOf('seen-reply', 'snippet', 'manual')),
  snoozeUntil: time,
  statusAt: num,
});

const isSnippet: Check<Snippet> = shape<Snippet>({
  id: str(100, 1),
  title: str(SNIPPET_LIMITS.title, 1),
  body: str(SNIPPET_LIMITS.body, 1),
  tags: arrayOf(str(SNIPPET_LIMITS.tag), SNIPPET_LIMITS.tags),
  shortcut: str(SNIPPET_LIMITS.shortcut),
  uses: num,
  lastUsedAt: time,
  createdAt: num,
  updatedAt: num,
});

const isAccount = shape({ detected: nullable(str(100)), manual: nullable(str(100)) });

function checkSettings(value: unknown): Settings | string {
  if (!isRecord(value)) return t('backupNoSettings');
  const accounts: Settings['accounts'] = {};
  if (!isRecord(value.accounts)) return t('backupBadHandles');
  for (const [key, account] of Object.entries(value.accounts)) {
    if (!site(key)) return t('backupUnknownSite', key.slice(0, 40));
    if (!isAccount(account)) return t('backupBadHandle', key);
    accounts[key] = account;
  }
  const disabled = value.disabledSites ?? [];
  if (!arrayOf(site, SITE_IDS.length)(disabled)) return t('backupBadSites');
  const trigger = value.trigger ?? DEFAULT_SETTINGS.trigger;
  const shortcut = value.pickerShortcut ?? DEFAULT_SETTINGS.pickerShortcut;
  if (!str(20, 1)(trigger) || !str(40, 1)(shortcut)) return t('backupBadPicker');
  const overrides = value.selectorOverrides ?? {};
  if (!isRecord(overrides) || !Object.entries(overrides).every(([k, v]) => site(k) && selectorOverrides(v))) {
    return t('backupBadSelectors');
  }
  const hosts = value.mastodonHosts ?? [];
  if (!arrayOf(str(253, 1), MAX_INSTANCES)(hosts) || hosts.some((h) => parseInstanceHost(h) !== h)) {
    return t('backupBadInstances');
  }
  return {
    accounts,
    disabledSites: disabled,
    trigger,
    pickerShortcut: shortcut,
    selectorOverrides: overrides as Settings['selectorOverrides'],
    mastodonHosts: [...new Set(hosts)],
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

/** Why a file of this many bytes cannot be imported (null: its size is fine). The page and parseBackup share it. */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES ? t('backupCannotImport', t('backupLarger')) : null;
}

function describe(index: number, value: unknown, what: 'backupBadItem' | 'backupBadSnippet'): string {
  const name = isRecord(value) && typeof value.key === 'string' ? ` (${value.key.slice(0, 60)})` : '';
  return t(what, `${index + 1}${name}`);
}

/**
 * Reads an exported file; nothing is trusted. Every item, snippet and setting is checked, and the
 * first problem is named, so that a broken file changes nothing and says why.
 */
export function parseBackup(text: string): Parsed {
  const fail = (error: string): Parsed => ({ ok: false, error: t('backupCannotImport', error) });
  const tooLarge = backupSizeProblem(utf8Bytes(text, MAX_BACKUP_BYTES));
  if (tooLarge) return { ok: false, error: tooLarge };
  // Checked before JSON.parse: a file of nothing but "[" must not take the page down.
  if (jsonDepth(text, MAX_BACKUP_DEPTH) > MAX_BACKUP_DEPTH) return fail(t('backupTooDeep', MAX_BACKUP_DEPTH));
  let data: unknown;
  try {
    data = JSON.parse(text);
  }
  catch {
    return fail(t('backupNotJson'));
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) return fail(t('backupNotOurs'));
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) return fail(t('backupNoVersion'));
  if (data.version > BACKUP_VERSION) return fail(t('backupNewer'));
  if (!Array.isArray(data.items) || !Array.isArray(data.snippets)) return fail(t('backupNoLists'));
  const items = data.items as unknown[];
  const snippets = data.snippets as unknown[];
  const keys = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!isItem(item) || item.key !== itemKey(item.site, item.id)) return fail(describe(index, item, 'backupBadItem'));
    if (keys.has(item.key)) return fail(t('backupItemTwice', item.key.slice(0, 60)));
    keys.add(item.key);
  }
  const ids = new Set<string>();
  for (const [index, snippet] of snippets.entries()) {
    if (!isSnippet(snippet)) return fail(describe(index, snippet, 'backupBadSnippet'));
    if (ids.has(snippet.id)) return fail(t('backupSnippetTwice', snippet.title.slice(0, 60)));
    ids.add(snippet.id);
  }
  const settings = checkSettings(data.settings);
  if (typeof settings === 'string') return fail(settings);
  const exportedAt = typeof data.exportedAt === 'string' ? data.exportedAt : '';
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: data.version,
    exportedAt,
    items: items as Item[],
    snippets: snippets as Snippet[],
    settings,
  };
  const sites = SITE_IDS.filter((s) => backup.items.some((i) => i.site === s));
  const pending = backup.items.filter((i) => i.status === 'pending').length;
  return {
    ok: true,
    backup,
    summary: { exportedAt, items: backup.items.length, pending, snippets: backup.snippets.length, sites },
  };
}

/** Of two records of one item, the one whose status changed last, seen over both spans. */
function mergeItem(mine: Item, theirs: Item): Item {
  const newer = theirs.statusAt > mine.statusAt ? theirs : mine;
  return {
    ...newer,
    firstSeenAt: Math.min(mine.firstSeenAt, theirs.firstSeenAt),
    lastSeenAt: Math.max(mine.lastSeenAt, theirs.lastSeenAt),
  };
}

function mergeSnippet(mine: Snippet, theirs: Snippet): Snippet {
  const newer = theirs.updatedAt > mine.updatedAt ? theirs : mine;
  const lastUsedAt = Math.max(mine.lastUsedAt ?? 0, theirs.lastUsedAt ?? 0) || null;
  return { ...newer, uses: Math.max(mine.uses, theirs.uses), lastUsedAt };
}

/**
 * What the store holds after an import. Replace: exactly the file. Merge: both, the most recent
 * record of each item and saved reply winning; handles typed here stay, missing ones come from
 * the file; the Mastodon instances of both are kept.
 */
export function applyImport(stored: Stored, backup: Backup, mode: ImportMode): Stored {
  if (mode === 'replace') return { items: backup.items, snippets: backup.snippets, settings: backup.settings };
  const items = new Map(stored.items.map((i) => [i.key, i]));
  for (const item of backup.items) {
    const mine = items.get(item.key);
    items.set(item.key, mine ? mergeItem(mine, item) : item);
  }
  const snippets = new Map(stored.snippets.map((s) => [s.id, s]));
  for (const snippet of backup.snippets) {
    const mine = snippets.get(snippet.id);
    snippets.set(snippet.id, mine ? mergeSnippet(mine, snippet) : snippet);
  }
  const accounts: Settings['accounts'] = { ...backup.settings.accounts };
  for (const key of SITE_IDS) {
    const mine = stored.settings.accounts[key];
    const theirs = backup.settings.accounts[key];
    if (mine || theirs) {
      accounts[key] = {
        manual: mine?.manual ?? theirs?.manual ?? null,
        detected: mine?.detected ?? theirs?.detected ?? null,
      };
    }
  }
  return {
    items: [...items.values()],
    snippets: [...snippets.values()],
    settings: {
      ...stored.settings,
      accounts,
      // The instances of both; access to those new here is asked for in Options (each shows "Allow again").
      mastodonHosts: [...new Set([...stored.settings.mastodonHosts, ...backup.settings.mastodonHosts])].slice(
        0,
        MAX_INSTANCES,
      ),
    },
  };
}
