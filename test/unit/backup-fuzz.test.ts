/**
 * Hostile and mutated backups, generated from a seeded PRNG, run through the import as the Options
 * page runs it (parseBackup, then importBackup). Each is either refused with a localised message
 * and every store unchanged, or accepted, and then the store is what the rule says: the file's
 * known fields (replace), or applyImport's merge of them with what was there.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openReplylineDb, SETTINGS_KEY } from '../../src/background/db';
import { importBackup } from '../../src/background/importer';
import {
  applyImport,
  type Backup,
  BACKUP_VERSION,
  type ImportMode,
  makeBackup,
  MAX_BACKUP_DEPTH,
  type ParseOptions,
  parseBackup,
  type Stored,
} from '../../src/core/backup';
import type { PageHealth } from '../../src/core/health';
import { DEFAULT_SETTINGS, type Item, type Settings, SITE_IDS, type Snippet } from '../../src/core/types';
import { adapterFor } from '../../src/sites/registry';
import { logged, pageHealth } from './items';
import { readCatalog } from './messages';
import { dumpOf, dumpStores } from './store-dump';

const SEED = 0x5eed_2026;
const RANDOM_CASES = 1_000;
const NOW = Date.parse('2026-11-02T00:00:00Z');
const DAY = 86_400_000;
const options: ParseOptions = { selectorNames: (site) => Object.keys(adapterFor(site).defaultSelectors), now: NOW };

/** mulberry32: small, fast, and the same numbers on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// What is in the store before each import, and the valid file every case starts from.

const T0 = Date.parse('2026-10-01T00:00:00Z');
const item = (id: string, over: Partial<Item> = {}, site: Item['site'] = 'x'): Item => ({
  ...logged(id, { createdAt: T0 - 5000, sortAt: T0 - 5000 }, T0),
  key: `${site}:${id}`,
  site,
  ...over,
});
const snippet = (id: string, over: Partial<Snippet> = {}): Snippet => ({
  id,
  title: `Reply ${id}`,
  body: `Thanks {first_name}! (${id})`,
  tags: ['thanks'],
  shortcut: `ty${id}`,
  uses: 2,
  lastUsedAt: T0 + 1000,
  createdAt: T0,
  updatedAt: T0 + 10,
  ...over,
});

const MINE: Stored = {
  items: [
    item('1'),
    item('2', { status: 'dismissed', statusAt: T0 + 50 }),
    item('3', { status: 'snoozed', snoozeUntil: NOW + 3 * DAY, statusAt: T0 + 60 }),
    item('9', { kind: 'mention' }, 'youtube'),
  ],
  snippets: [snippet('a'), snippet('b', { tags: [], lastUsedAt: null })],
  settings: {
    ...DEFAULT_SETTINGS,
    accounts: { x: { detected: 'brightloop', manual: null } },
    mastodonHosts: ['mastodon.social'],
  },
};

const THEIRS: Backup = makeBackup(
  {
    items: [
      item('1', { status: 'answered', answeredAt: T0 + 500, answeredVia: 'manual', statusAt: T0 + 500 }),
      item('2', { status: 'pending', statusAt: T0 + 40, text: 'Ça va? 👋 “quoted”' }),
      item('4', { status: 'snoozed', snoozeUntil: NOW + 7 * DAY, statusAt: T0 + 70 }),
      item('5', { createdAt: null, sortAt: T0 }),
      item('c1', { kind: 'reply', status: 'answered', answeredAt: T0 + 9, answeredVia: 'seen-reply', statusAt: T0 + 9 }, 'reddit'),
      item('m1', { kind: 'mention', author: { name: 'Ana', handle: 'ana@mastodon.social' } }, 'mastodon'),
    ],
    snippets: [snippet('a', { title: 'Newer', updatedAt: T0 + 99, uses: 1 }), snippet('c'), snippet('d', { tags: ['a', 'b'] })],
    settings: {
      accounts: { x: { detected: 'other', manual: 'typed' }, youtube: { detected: null, manual: 'channel' } },
      disabledSites: ['tiktok'],
      trigger: '//',
      pickerShortcut: 'Ctrl+Shift+Y',
      selectorOverrides: { x: { tweet: 'article.post', text: 'div.text' } },
      mastodonHosts: ['fosstodon.org'],
    },
  },
  new Date(NOW - DAY),
);
const BASE_TEXT = JSON.stringify(THEIRS);

const HEALTH: PageHealth = pageHealth({ at: T0 });

// ---------------------------------------------------------------------------------------------
// Mutations.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own property, `__proto__` included (an assignment would change the prototype instead). */
function setOwn(target: Obj | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Spot {
  parent: Obj | Json[];
  key: string | number;
  path: string;
}

/** Every value in the file with its place, the root's fields first. */
function spots(root: Obj): Spot[] {
  const found: Spot[] = [];
  const walk = (parent: Obj | Json[], path: string) => {
    const entries: [string | number, Json][] = Array.isArray(parent)
      ? parent.map((v, i) => [i, v])
      : Object.entries(parent);
    for (const [key, value] of entries) {
      const here = `${path}.${key}`;
      found.push({ parent, key, path: here });
      if (typeof value === 'object' && value !== null) walk(value, here);
    }
  };
  walk(root, '');
  return found;
}

const get = (spot: Spot): Json => (spot.parent as Record<string | number, Json>)[spot.key]!;
const kindOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const ODD_VALUES: Json[] = [null, true, false, 0, -1, 1.5, '', 'text', '1', [], [1, 'a'], {}, { a: 1 }, [[[]]]];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const ODD_KEYS = [...PROTO_KEYS, 'toString', 'hasOwnProperty', 'valueOf', 'extra', 'x-custom', ''];

function deep(levels: number, rnd: Random): Json {
  let value: Json = rnd.pick([1, 'leaf', null]);
  for (let i = 0; i < levels; i++) value = rnd.chance(0.5) ? [value] : { d: value };
  return value;
}

/** The same as text: thousands of levels are more than JSON.stringify's recursion takes. */
function deepText(levels: number, rnd: Random): string {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i++) {
    const array = rnd.chance(0.5);
    open += array ? '[' : '{"d":';
    close = (array ? ']' : '}') + close;
  }
  return open + rnd.pick(['1', '"leaf"', 'null']) + close;
}

const MARKER = '\u0000marker\u0000';

/** Puts `text` where the marker value is (one spot), in the file's JSON. */
const withText = (file: Obj, text: string) => JSON.stringify(file).replace(JSON.stringify(MARKER), () => text);

function hugeString(rnd: Random): string {
  const length = rnd.pick([300, 301, 1000, 1001, 4096, 4097, 20_000, 20_001, 100_000, 1_000_000]);
  const unit = rnd.pick(['a', 'é', '😀', '"', '\\', '\u0000', '\ud800']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The place of each record the format defines, and the maps whose keys are data. */
const RECORD_PATHS = [
  /^$/,
  /^\.items\.\d+$/,
  /^\.items\.\d+\.author$/,
  /^\.snippets\.\d+$/,
  /^\.settings$/,
  /^\.settings\.accounts\.\w+$/,
];
const MAP_PATHS = [/^\.settings\.accounts$/, /^\.settings\.selectorOverrides$/, /^\.settings\.selectorOverrides\.\w+$/];

type Expect = 'accept' | 'refuse' | null;
interface Mutation {
  kind: string;
  /** What a single mutation of this kind must give, where it is certain. */
  expect: Expect;
  /** The reasons a refusal may give, where they are certain. */
  reasons?: string[];
  apply(file: Obj, rnd: Random): { text?: string } | void;
}

/** The records of a list, when it still is one (an earlier mutation may have broken it). */
const records = (file: Obj, list: 'items' | 'snippets'): Obj[] => (Array.isArray(file[list]) ? (file[list] as Json[]).filter(isObj) : []);

const objects = (file: Obj) => [{ parent: { file } as Obj, key: 'file', path: '' }, ...spots(file)].filter((s) => isObj(get(s)));

const MUTATIONS: Mutation[] = [
  {
    kind: 'truncated',
    expect: 'refuse',
    reasons: ['backupNotJson'],
    apply: (file, rnd) => {
      const text = JSON.stringify(file);
      return { text: text.slice(0, rnd.int(text.length)) };
    },
  },
  {
    kind: 'wrong type',
    expect: null,
    apply: (file, rnd) => {
      const spot = rnd.pick(spots(file));
      const was = kindOf(get(spot));
      const odd = ODD_VALUES.filter((v) => kindOf(v) !== was);
      setOwn(spot.parent, spot.key, rnd.pick(odd));
    },
  },
  {
    kind: 'field removed',
    expect: null,
    apply: (file, rnd) => {
      const spot = rnd.pick(objects(file));
      const target = get(spot) as Obj;
      const keys = Object.keys(target);
      if (keys.length) delete target[rnd.pick(keys)];
    },
  },
  {
    kind: 'unknown field',
    expect: null,
    apply: (file, rnd) => {
      const spot = rnd.pick(objects(file));
      setOwn(get(spot) as Obj, rnd.pick(ODD_KEYS), rnd.chance(0.5) ? rnd.pick(ODD_VALUES) : deep(rnd.int(20), rnd));
    },
  },
  {
    kind: 'unknown field on a record',
    expect: 'accept',
    apply: (file, rnd) => {
      const records = objects(file).filter((s) => RECORD_PATHS.some((p) => p.test(s.path)));
      setOwn(get(rnd.pick(records)) as Obj, rnd.pick(ODD_KEYS), rnd.pick(ODD_VALUES));
    },
  },
  {
    kind: 'prototype key in a map',
    expect: 'refuse',
    reasons: ['backupUnknownSite', 'backupUnknownSelector'],
    apply: (file, rnd) => {
      const maps = objects(file).filter((s) => MAP_PATHS.some((p) => p.test(s.path)));
      if (!maps.length) return;
      const spot = rnd.pick(maps);
      const map = get(spot) as Obj;
      const sample = Object.values(map)[0] ?? 'a';
      setOwn(map, rnd.pick(PROTO_KEYS), sample);
    },
  },
  {
    kind: 'deeper than the limit',
    expect: 'refuse',
    reasons: ['backupTooDeep'],
    apply: (file, rnd) => {
      const spot = rnd.pick(spots(file));
      setOwn(spot.parent, spot.key, MARKER);
      return { text: withText(file, deepText(rnd.pick([MAX_BACKUP_DEPTH, 100, 5000]), rnd)) };
    },
  },
  {
    kind: 'nested, within the limit',
    expect: null,
    apply: (file, rnd) => {
      const spot = rnd.pick(spots(file));
      setOwn(spot.parent, spot.key, deep(1 + rnd.int(20), rnd));
    },
  },
  {
    kind: 'duplicate record',
    expect: 'refuse',
    reasons: ['backupItemTwice', 'backupSnippetTwice', 'backupBadItem', 'backupBadSnippet'],
    apply: (file, rnd) => {
      const list = rnd.pick(['items', 'snippets'] as const);
      const those = records(file, list);
      if (!those.length || !Array.isArray(file[list])) return;
      const copy = JSON.parse(JSON.stringify(rnd.pick(those))) as Obj;
      if (rnd.chance(0.5)) copy[list === 'items' ? 'text' : 'body'] = 'a different copy';
      if (list === 'items' && rnd.chance(0.3)) copy.id = 'other'; // its key no longer matches
      (file[list] as Json[]).splice(rnd.int((file[list] as Json[]).length + 1), 0, copy);
    },
  },
  {
    kind: 'huge string',
    expect: null,
    apply: (file, rnd) => {
      const strings = spots(file).filter((s) => typeof get(s) === 'string');
      if (!strings.length) return;
      const spot = rnd.pick(strings);
      setOwn(spot.parent, spot.key, hugeString(rnd));
    },
  },
  {
    kind: 'bad number',
    expect: null,
    apply: (file, rnd) => {
      const numbers = spots(file).filter((s) => typeof get(s) === 'number');
      if (!numbers.length) return;
      const spot = rnd.pick(numbers);
      setOwn(spot.parent, spot.key, MARKER);
      const bad = rnd.pick(['NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e400', '-1', '-0', '0.5', '9007199254740993',
        String(NOW + 2 * DAY), String(NOW + DAY), '0', '1e-7', '-5e-324']);
      return { text: withText(file, bad) };
    },
  },
  {
    kind: 'time out of range',
    expect: 'refuse',
    reasons: ['backupItemBadTime', 'backupSnippetBadTime', 'backupBadSnooze', 'backupBadItem'],
    apply: (file, rnd) => {
      const isTime = (s: Spot) => /(At|Until)$/.test(String(s.key)) && /^\.(items|snippets)\.\d+\.\w+$/.test(s.path);
      const times = spots(file).filter(isTime);
      if (!times.length) return;
      const spot = rnd.pick(times);
      const until = spot.key === 'snoozeUntil';
      const impossible = until ? [-1, 8.64e15 + 1, 1e308] : [-1, -1e308, 1e308, NOW + DAY + 1, NOW + 365 * DAY];
      setOwn(spot.parent, spot.key, rnd.pick(impossible));
    },
  },
  {
    kind: 'version',
    expect: null,
    apply: (file, rnd) => {
      const version = rnd.pick<Json | undefined>([0, -1, 2, 99, 1.5, '1', null, true, 1e308, [1], undefined, BACKUP_VERSION]);
      if (version === undefined) delete file.version;
      else file.version = version;
    },
  },
  {
    kind: 'snooze without a time',
    expect: 'refuse',
    reasons: ['backupBadSnooze'],
    apply: (file, rnd) => {
      const those = records(file, 'items');
      if (!those.length) return;
      const target = rnd.pick(those);
      if (target.status === 'snoozed' || rnd.chance(0.5)) Object.assign(target, { status: 'snoozed', snoozeUntil: null });
      else target.snoozeUntil = NOW + DAY;
    },
  },
  {
    kind: 'snoozed with a time',
    expect: 'accept',
    apply: (file, rnd) => {
      const those = records(file, 'items');
      if (!those.length) return;
      const target = rnd.pick(those);
      Object.assign(target, { status: 'snoozed', snoozeUntil: rnd.pick([0, NOW - DAY, NOW + 30 * DAY, 8.64e15]) });
    },
  },
  {
    kind: 'selector name',
    expect: null,
    apply: (file, rnd) => {
      const site = rnd.pick(SITE_IDS);
      const names = Object.keys(adapterFor(site).defaultSelectors);
      const name = rnd.pick([...names, ...names, 'constructor', 'toString', '__proto__', 'valueOf', 'bogus']);
      const settings = file.settings;
      if (!isObj(settings)) return;
      if (!isObj(settings.selectorOverrides)) settings.selectorOverrides = {};
      const overrides = settings.selectorOverrides;
      const table: Obj = isObj(overrides[site]) ? overrides[site] : {};
      setOwn(table, name, 'div.changed');
      overrides[site] = table;
    },
  },
  {
    kind: 'garbage characters',
    expect: null,
    apply: (file, rnd) => {
      let text = JSON.stringify(file);
      for (let n = 1 + rnd.int(4); n > 0; n--) {
        const at = rnd.int(text.length);
        text = text.slice(0, at) + rnd.pick(['{', '}', '[', ']', '"', ',', ':', '\\', 'é', '\u2028', ' ', '0', 'null']) + text.slice(at);
      }
      return { text };
    },
  },
  {
    kind: 'valid edit',
    expect: 'accept',
    apply: (file, rnd) => {
      const items = records(file, 'items');
      if (!items.length) return;
      const target = rnd.pick(items);
      target.text = Array.from({ length: rnd.int(200) }, () => String.fromCodePoint(32 + rnd.int(0x2fff))).join('');
      target.lastSeenAt = NOW - rnd.int(DAY);
      if (rnd.chance(0.5)) {
        Object.assign(target, { status: 'dismissed', snoozeUntil: null, statusAt: NOW - rnd.int(DAY) });
      }
      if (rnd.chance(0.3)) file.items = items.filter((i) => i !== target);
      if (rnd.chance(0.3)) file.snippets = [];
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The rule an accepted file must follow, computed from the file itself (not from the parser).

const ITEM_FIELDS = Object.keys(THEIRS.items[0]!);
const SNIPPET_FIELDS = Object.keys(THEIRS.snippets[0]!);
const SETTINGS_FIELDS = Object.keys(DEFAULT_SETTINGS);
const TOP_FIELDS = Object.keys(THEIRS);

const only = (value: Obj, fields: string[]) => Object.fromEntries(fields.map((f) => [f, value[f]]));
const extra = (value: Obj, fields: string[]) => Object.keys(value).filter((k) => !fields.includes(k)).length;

/** The file's known fields, with the defaults of settings it lacks: what replace writes. */
function known(file: Obj): Backup {
  const settings = file.settings as Obj;
  const accounts = settings.accounts as Record<string, Obj>;
  const fallback = <K extends keyof Settings>(key: K) =>
    settings[key] === undefined ? DEFAULT_SETTINGS[key] : settings[key];
  return {
    ...THEIRS,
    items: (file.items as Obj[]).map((i) => ({ ...only(i, ITEM_FIELDS), author: only(i.author as Obj, ['name', 'handle']) }) as unknown as Item),
    snippets: (file.snippets as Obj[]).map((s) => only(s, SNIPPET_FIELDS) as unknown as Snippet),
    settings: {
      accounts: Object.fromEntries(Object.entries(accounts).map(([site, a]) => [site, only(a, ['detected', 'manual'])])),
      disabledSites: SITE_IDS.filter((s) => (fallback('disabledSites') as string[]).includes(s)),
      trigger: fallback('trigger') as string,
      pickerShortcut: fallback('pickerShortcut') as string,
      selectorOverrides: fallback('selectorOverrides') as Settings['selectorOverrides'],
      mastodonHosts: [...new Set(fallback('mastodonHosts') as string[])],
    },
  };
}

function unknownFields(file: Obj): number {
  let count = extra(file, TOP_FIELDS) + extra(file.settings as Obj, SETTINGS_FIELDS);
  for (const i of file.items as Obj[]) count += extra(i, ITEM_FIELDS) + extra(i.author as Obj, ['name', 'handle']);
  for (const s of file.snippets as Obj[]) count += extra(s, SNIPPET_FIELDS);
  for (const a of Object.values((file.settings as Obj).accounts as Obj)) count += extra(a as Obj, ['detected', 'manual']);
  return count;
}

const byKey = <T>(pairs: [string, T][]): [string, T][] => pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function expectedDump(stored: Stored): string {
  return dumpOf({
    health: [['x', HEALTH]],
    items: byKey(stored.items.map((i) => [i.key, i])),
    snippets: byKey(stored.snippets.map((s) => [s.id, s])),
    settings: [[SETTINGS_KEY, stored.settings]],
  });
}

// ---------------------------------------------------------------------------------------------

interface Case {
  name: string;
  kinds: string[];
  expect: Expect;
  reasons?: string[];
  text: string;
  mode: ImportMode;
}

/** Mutations applied in turn; one that gives a text ends the chain (later ones would need JSON again). */
function chain(rnd: Random, mutations: Mutation[]): Case {
  const file = JSON.parse(BASE_TEXT) as Obj;
  let text: string | undefined;
  const applied: Mutation[] = [];
  for (const mutation of mutations) {
    applied.push(mutation);
    text = mutation.apply(file, rnd)?.text;
    if (text !== undefined) break;
  }
  return {
    name: applied.map((m) => m.kind).join(' + '),
    kinds: applied.map((m) => m.kind),
    expect: applied.length === 1 ? applied[0]!.expect : null,
    reasons: applied.length === 1 ? applied[0]!.reasons : undefined,
    text: text ?? JSON.stringify(file),
    mode: rnd.chance(0.5) ? 'merge' : 'replace',
  };
}

function cases(): Case[] {
  const rnd = prng(SEED);
  const all: Case[] = [];
  // Every value of the file, once, with a value of another type.
  const base = JSON.parse(BASE_TEXT) as Obj;
  for (const [index, spot] of spots(base).entries()) {
    const file = JSON.parse(BASE_TEXT) as Obj;
    const here = spots(file)[index]!;
    const odd = ODD_VALUES.filter((v) => kindOf(v) !== kindOf(get(here)));
    setOwn(here.parent, here.key, rnd.pick(odd));
    all.push({
      name: `wrong type at ${spot.path}`,
      kinds: ['wrong type (every field)'],
      expect: null,
      text: JSON.stringify(file),
      mode: rnd.chance(0.5) ? 'merge' : 'replace',
    });
  }
  for (let n = 0; n < RANDOM_CASES; n++) {
    const count = rnd.chance(0.2) ? 2 + rnd.int(2) : 1;
    all.push(chain(rnd, Array.from({ length: count }, () => rnd.pick(MUTATIONS))));
  }
  return all;
}

// ---------------------------------------------------------------------------------------------

const CATALOGS = ['en', 'es', 'de'].map(readCatalog);
const PREFIX = 'This file cannot be imported: ';

describe('import fuzz', () => {
  it(`refuses or imports each of ${RANDOM_CASES} seeded mutations, plus every field with a wrong type, all or nothing`, async () => {
    const figures = { cases: 0, chains: 0, refused: 0, accepted: 0 };
    const byReason = new Map<string, number>();
    const byKind = new Map<string, { accepted: number; refused: number }>();
    const mine = makeBackup(MINE, new Date(NOW - 2 * DAY));
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    for (const c of cases()) {
      globalThis.indexedDB = new IDBFactory();
      const db = await openReplylineDb();
      await importBackup(db, mine, 'replace');
      await db.put('health', HEALTH);
      const before = await dumpStores(db);

      const parsed = parseBackup(c.text, options);
      figures.cases++;
      if (c.kinds.length > 1) figures.chains++;
      for (const kind of c.kinds) {
        if (!byKind.has(kind)) byKind.set(kind, { accepted: 0, refused: 0 });
        byKind.get(kind)![parsed.ok ? 'accepted' : 'refused']++;
      }
      const outcome = parsed.ok ? 'accept' : 'refuse';
      if (c.expect) expect(outcome, `${c.name}: ${parsed.ok ? 'accepted' : parsed.error}`).toBe(c.expect);

      if (!parsed.ok) {
        figures.refused++;
        byReason.set(parsed.reason, (byReason.get(parsed.reason) ?? 0) + 1);
        if (c.reasons) expect(c.reasons, `${c.name}: ${parsed.error}`).toContain(parsed.reason);
        // A clear message: the catalogs' own words (in each language), bounded, naming no raw key.
        expect(parsed.error.startsWith(PREFIX) && parsed.error.endsWith('.'), parsed.error).toBe(true);
        expect(parsed.error.length, parsed.error).toBeLessThan(300);
        expect(parsed.error).not.toMatch(/\bbackup[A-Z]\w+/);
        for (const catalog of CATALOGS) expect(catalog[parsed.reason]?.message, parsed.reason).toBeTruthy();
        expect(await dumpStores(db), c.name).toBe(before);
      }
      else {
        figures.accepted++;
        const file = JSON.parse(c.text) as Obj;
        expect(parsed.summary.dropped, c.name).toBe(unknownFields(file));
        const rule = known(file);
        const after = c.mode === 'replace'
          ? { items: rule.items, snippets: rule.snippets, settings: rule.settings }
          : applyImport(MINE, rule, 'merge');
        await importBackup(db, parsed.backup, c.mode);
        expect(await dumpStores(db), `${c.name} (${c.mode})`).toBe(expectedDump(after));
        // Nothing unknown is stored: every record has exactly the known fields.
        for (const stored of await db.getAll('items')) expect(Object.keys(stored).sort()).toEqual([...ITEM_FIELDS].sort());
        for (const stored of await db.getAll('snippets')) expect(Object.keys(stored).sort()).toEqual([...SNIPPET_FIELDS].sort());
      }
      db.close();
    }
    // No file reached Object.prototype.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);

    const reasons = Object.fromEntries([...byReason].sort(([, a], [, b]) => b - a));
    const kinds = Object.fromEntries([...byKind].sort(([a], [b]) => a.localeCompare(b)));
    const perKind = Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, `${v.accepted} / ${v.refused}`]));
    console.info(
      `Import fuzz (seed ${SEED.toString(16)}): ${figures.cases} files (${figures.chains} with 2 or 3 mutations), `
      + `${figures.refused} refused, ${figures.accepted} accepted`,
    );
    console.info('Refused, by reason:', reasons);
    console.info('By mutation, alone or in a chain (accepted / refused):', perKind);
    expect(figures.cases).toBeGreaterThanOrEqual(RANDOM_CASES);
    expect(figures.accepted).toBeGreaterThan(50);
    expect(figures.refused).toBeGreaterThan(500);
  }, 300_000);
});
