/**
 * Reading a parsed backup: every record is read field by field into a fresh one (nothing unknown,
 * deep or prototype-named is ever kept), times must be plausible, and the first problem is named.
 */
import { SNIPPET_LIMITS } from './snippets';
import { MAX_INSTANCES, parseInstanceHost } from './instances';
import { parseShortcut, validateTrigger } from './picker';
import type { Account, Item, Person, Settings, SiteId, Snippet } from './types';
import { DEFAULT_SETTINGS, ITEM_UNITS, itemKey, SITE_IDS, SITE_NAMES } from './types';
import { arrayOf, type Check, isRecord, nullable, num, oneOf, str } from './validate';

import { MAX_DATE_MS, type ParseOptions, type RefusalReason } from './backup-format';

/** Why a file cannot be imported: a message key of the catalogs and what fills it. */
export class Refusal {
  constructor(
    readonly reason: RefusalReason,
    readonly subs: (string | number)[],
  ) {}
}

export const refuse = (reason: RefusalReason, ...subs: (string | number)[]) => new Refusal(reason, subs);

/** What a file holds that Replyline does not know, counted as it is left out. */
export interface Tally {
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
  key: plain(str(ITEM_UNITS.key, 3)),
  site: plain(site),
  id: plain(str(ITEM_UNITS.id, 1)),
  kind: plain(oneOf('comment', 'reply', 'mention')),
  author: record<Person>({ name: plain(str(ITEM_UNITS.name)), handle: plain(str(ITEM_UNITS.name, 1)) }),
  text: plain(str(ITEM_UNITS.text)),
  url: plain(str(ITEM_UNITS.url)),
  thread: plain(str(ITEM_UNITS.thread)),
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

export function readItem(value: unknown, index: number, tally: Tally, latest: number): Item {
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

export function readSnippet(value: unknown, index: number, tally: Tally, latest: number): Snippet {
  const snippet = readSnippetFields(value, tally);
  const which = `${index + 1}${named(value, 'title')}`;
  if (!snippet) throw refuse('backupBadSnippet', which);
  const wrong = SNIPPET_TIMES.find((field) => !inRange(snippet[field], latest));
  if (wrong) throw refuse('backupSnippetBadTime', which, wrong);
  return snippet;
}

const SETTINGS_FIELDS: readonly string[] = Object.keys(DEFAULT_SETTINGS);

/** The settings, each checked; a field missing (a file from before it existed) takes its default. */
export function readSettings(value: unknown, tally: Tally, options: ParseOptions): Settings {
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

/** The file's export date, when it is one: an ISO date no later than `latest`. */
export function readExportedAt(value: unknown, latest: number): string {
  const at = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : Number.NaN;
  if (!inRange(Number.isFinite(at) ? at : -1, latest)) throw refuse('backupBadDate');
  return value as string;
}
