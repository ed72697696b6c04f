import { t } from './i18n';
import { SNIPPET_LIMITS } from './snippets';
import { MAX_INSTANCES, parseInstanceHost } from './instances';
import { parseShortcut, validateTrigger } from './picker';
import type { Account, Item, Person, Settings, SiteId, Snippet } from './types';
import { DEFAULT_SETTINGS, itemKey, SITE_IDS, SITE_NAMES } from './types';
import { arrayOf, type Check, isRecord, nullable, num, oneOf, str } from './validate';

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

/**
 * Why a file of this many bytes cannot be imported (null: its size is fine): the page's check of a
 * file's size before reading it, in parseBackup's words for a text over the same limit.
 */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES ? t('backupCannotImport', t('backupLarger')) : null;
}

/** Why a file cannot be imported: a message key of the catalogs and what fills it. */
class Refusal {
  constructor(
    readonly reason: RefusalReason,
    readonly subs: (string | number)[],
  ) {}
}

const refuse = (reason: RefusalReason, ...subs: (string | number)[]) => new Refusal(reason, subs);

/** What a file holds that Replyline does not know, counted as it is left out. */
interface Tally {
  dropped: number;
}

/**
 * Reads a value into a fresh one made of known fields only, or undefined when it is not in the
 * expected form. Nothing of the parsed file itself is kept: what is written is what was read.
 */
type Reader<T> = (value: unknown, tally: Tally) => T | undefined;

/** A string, number, boolean or null: copied by value. */
const plain =
  <T extends string | number | boolean | null>(check: Check<T>): Reader<T> =>
    (value) =>
      check(value) ? value : undefined;

const strings =
  (check: Check<string>, max: number): Reader<string[]> =>
    (value) =>
      arrayOf(check, max)(value) ? [...value] : undefined;

/** An object of exactly these fields, each read; any other field (`__proto__` too) is left out and counted. */
function record<T>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> {
  const names = Object.keys(fields) as (keyof T & string)[];
  return (value, tally) => {
    if (!isRecord(value)) return undefined;
    const out = {} as T;
    for (const name of names) {
      const read = fields[name](Object.hasOwn(value, name) ? value[name] : undefined, tally);
      if (read === undefined) return undefined;
      out[name] = read;
    }
    for (const name of Object.keys(value)) if (!Object.hasOwn(fields, name)) tally.dropped++;
    return out;
  };
}

const site = oneOf<SiteId>(...SITE_IDS);
/** Epoch ms; whether the time is plausible is checked once the record is read. */
const time = plain(num);
const maybeTime = plain(nullable(num));
/** A count: a whole number from 0 up. */
const count: Check<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

const readItemFields = record<Item>({
  key: plain(str(300, 3)),
  site: plain(site),
  id: plain(str(200, 1)),
  kind: plain(oneOf('comment', 'reply', 'mention')),
  author: record<Person>({ name: plain(str(1000)), handle: plain(str(1000, 1)) }),
  text: plain(str(20_000)),
  url: plain(str(4096)),
  thread: plain(str(300)),
  createdAt: maybeTime,
  firstSeenAt: time,
  lastSeenAt: time,
  sortAt: time,
  status: plain(oneOf('pending', 'answered', 'dismissed', 'snoozed')),
  answeredAt: maybeTime,
  answeredVia: plain(nullable(oneOf('seen-reply', 'snippet', 'manual'))),
  snoozeUntil: maybeTime,
  statusAt: time,
});

const readSnippetFields = record<Snippet>({
  id: plain(str(100, 1)),
  title: plain(str(SNIPPET_LIMITS.title, 1)),
  body: plain(str(SNIPPET_LIMITS.body, 1)),
  tags: strings(str(SNIPPET_LIMITS.tag), SNIPPET_LIMITS.tags),
  shortcut: plain(str(SNIPPET_LIMITS.shortcut)),
  uses: plain(count),
  lastUsedAt: maybeTime,
  createdAt: time,
  updatedAt: time,
});

const readAccount = record<Account>({ detected: plain(nullable(str(100))), manual: plain(nullable(str(100))) });

/** Times a record keeps of what happened: none may be before 1970 or after now (give or take a day). */
const ITEM_TIMES = ['createdAt', 'firstSeenAt', 'lastSeenAt', 'sortAt', 'answeredAt', 'statusAt'] as const;
const SNIPPET_TIMES = ['createdAt', 'updatedAt', 'lastUsedAt'] as const;

const inRange = (value: number | null, latest: number) => value === null || (value >= 0 && value <= latest);

/** " (x:123)": a record's name from the file, cut short, for a message. */
function named(value: unknown, field: string): string {
  const name = isRecord(value) && Object.hasOwn(value, field) ? value[field] : undefined;
  return typeof name === 'string' ? ` (${name.slice(0, 60)})` : '';
}

function readItem(value: unknown, index: number, tally: Tally, latest: number): Item {
  const item = readItemFields(value, tally);
  const which = `${index + 1}${named(value, 'key')}`;
  if (!item || item.key !== itemKey(item.site, item.id)) throw refuse('backupBadItem', which);
  const wrong = ITEM_TIMES.find((field) => !inRange(item[field], latest))
    ?? (inRange(item.snoozeUntil, MAX_DATE_MS) ? null : 'snoozeUntil');
  if (wrong) throw refuse('backupItemBadTime', which, wrong);
  // A snoozed item without a time would never wake; a time on another would keep the wake alarm firing.
  if ((item.status === 'snoozed') !== (item.snoozeUntil !== null)) throw refuse('backupBadSnooze', which);
  return item;
}

function readSnippet(value: unknown, index: number, tally: Tally, latest: number): Snippet {
  const snippet = readSnippetFields(value, tally);
  const which = `${index + 1}${named(value, 'title')}`;
  if (!snippet) throw refuse('backupBadSnippet', which);
  const wrong = SNIPPET_TIMES.find((field) => !inRange(snippet[field], latest));
  if (wrong) throw refuse('backupSnippetBadTime', which, wrong);
  return snippet;
}

const SETTINGS_FIELDS: readonly string[] = Object.keys(DEFAULT_SETTINGS);

/** The settings, each checked; a field missing (a file from before it existed) takes its default. */
function readSettings(value: unknown, tally: Tally, options: ParseOptions): Settings {
  if (!isRecord(value)) throw refuse('backupNoSettings');
  const field = (name: keyof Settings) => (Object.hasOwn(value, name) ? value[name] : undefined);
  // Missing (a file from before the setting existed): its default. Present, even null: it is checked.
  const orDefault = (name: keyof Settings, fallback: unknown) => (field(name) === undefined ? fallback : field(name));
  for (const name of Object.keys(value)) if (!SETTINGS_FIELDS.includes(name)) tally.dropped++;

  const handles = field('accounts');
  if (!isRecord(handles)) throw refuse('backupBadHandles');
  const accounts: Settings['accounts'] = {};
  for (const [key, account] of Object.entries(handles)) {
    if (!site(key)) throw refuse('backupUnknownSite', key.slice(0, 40));
    const read = readAccount(account, tally);
    if (!read) throw refuse('backupBadHandle', SITE_NAMES[key]);
    accounts[key] = read;
  }

  const disabled = orDefault('disabledSites', []);
  if (!arrayOf(site, SITE_IDS.length)(disabled)) throw refuse('backupBadSites');

  const trigger = orDefault('trigger', DEFAULT_SETTINGS.trigger);
  const shortcut = orDefault('pickerShortcut', DEFAULT_SETTINGS.pickerShortcut);
  if (!str(20, 1)(trigger) || validateTrigger(trigger) || !str(40, 1)(shortcut) || !parseShortcut(shortcut)) {
    throw refuse('backupBadPicker');
  }

  const overrides = orDefault('selectorOverrides', {});
  if (!isRecord(overrides)) throw refuse('backupBadSelectors');
  const selectorOverrides: Settings['selectorOverrides'] = {};
  for (const [key, table] of Object.entries(overrides)) {
    if (!site(key)) throw refuse('backupUnknownSite', key.slice(0, 40));
    if (!isRecord(table)) throw refuse('backupBadSelectors');
    const known = options.selectorNames(key);
    const kept: Record<string, string> = {};
    for (const [name, css] of Object.entries(table)) {
      // Only the adapter's own names: never "constructor" or "__proto__".
      if (!known.includes(name)) throw refuse('backupUnknownSelector', name.slice(0, 40), SITE_NAMES[key]);
      if (!str(500, 1)(css)) throw refuse('backupBadSelectors');
      kept[name] = css;
    }
    selectorOverrides[key] = kept;
  }

  const hosts = orDefault('mastodonHosts', []);
  if (!arrayOf(str(253, 1), MAX_INSTANCES)(hosts) || hosts.some((h) => parseInstanceHost(h) !== h)) {
    throw refuse('backupBadInstances');
  }
  return {
    accounts,
    disabledSites: SITE_IDS.filter((s) => disabled.includes(s)),
    trigger,
    pickerShortcut: shortcut,
    selectorOverrides,
    mastodonHosts: [...new Set(hosts)],
  };
}

const BACKUP_FIELDS: readonly string[] = ['format', 'version', 'exportedAt', 'items', 'snippets', 'settings'];

/** The file's export date, when it is one: an ISO date no later than `latest`. */
function readExportedAt(value: unknown, latest: number): string {
  const at = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : Number.NaN;
  if (!inRange(Number.isFinite(at) ? at : -1, latest)) throw refuse('backupBadDate');
  return value as string;
}

function read(data: unknown, options: ParseOptions): { backup: Backup; summary: BackupSummary } {
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) throw refuse('backupNotOurs');
  const version = data.version;
  if (typeof version !== 'number') throw refuse('backupNoVersion');
  if (!Number.isSafeInteger(version) || version < 1) throw refuse('backupBadVersion');
  if (version > BACKUP_VERSION) throw refuse('backupNewer');
  const latest = options.now + CLOCK_SKEW_MS;
  const exportedAt = readExportedAt(data.exportedAt, latest);
  if (!Array.isArray(data.items) || !Array.isArray(data.snippets)) throw refuse('backupNoLists');
  const tally: Tally = { dropped: 0 };
  for (const name of Object.keys(data)) if (!BACKUP_FIELDS.includes(name)) tally.dropped++;

  const items = (data.items as unknown[]).map((value, index) => readItem(value, index, tally, latest));
  const keys = new Set<string>();
  for (const item of items) {
    if (keys.has(item.key)) throw refuse('backupItemTwice', item.key.slice(0, 60));
    keys.add(item.key);
  }
  const snippets = (data.snippets as unknown[]).map((value, index) => readSnippet(value, index, tally, latest));
  const ids = new Set<string>();
  for (const snippet of snippets) {
    if (ids.has(snippet.id)) throw refuse('backupSnippetTwice', snippet.title.slice(0, 60));
    ids.add(snippet.id);
  }
  const settings = readSettings(data.settings, tally, options);
  const backup: Backup = { format: BACKUP_FORMAT, version, exportedAt, items, snippets, settings };
  const sites = new Set(items.map((i) => i.site));
  return {
    backup,
    summary: {
      exportedAt,
      items: items.length,
      pending: items.filter((i) => i.status === 'pending').length,
      snippets: snippets.length,
      sites: SITE_IDS.filter((s) => sites.has(s)),
      dropped: tally.dropped,
    },
  };
}

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
