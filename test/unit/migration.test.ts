/**
 * Upgrades from every earlier database version: a profile made by an older Replyline, with data in
 * every store it had, opens with `openReplylineDb` and keeps all of it, readable the way the code
 * reads it. Generic over MIGRATIONS: a new entry adds a version here by itself, and a new store
 * fails this test until SAMPLES has records for it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { type IDBPDatabase, openDB, type StoreNames, type StoreValue } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DB_NAME,
  DB_VERSION,
  MIGRATIONS,
  openReplylineDb,
  readSettings,
  type ReplylineDb,
  type ReplylineSchema,
  SETTINGS_KEY,
  statusRange,
} from '../../src/background/db';
import { encodeChunk, encodeWords } from '../../src/background/catalog-chunk';
import { entryOf, journalRecord } from '../../src/background/catalog-entry';
import { createCatalog } from '../../src/background/catalog';
import type { PageHealth } from '../../src/core/health';
import { DEFAULT_FILTER } from '../../src/core/triage';
import { DEFAULT_SETTINGS, type Item, type ItemStatus, type Settings, type Snippet } from '../../src/core/types';
import { pageHealth } from './items';

type Store = StoreNames<ReplylineSchema>;

/** One record as stored; `key` only for a store whose records carry no key of their own (settings). */
interface Sample<S extends Store> {
  key?: IDBValidKey;
  value: StoreValue<ReplylineSchema, S>;
}

/** Every status an item can have (the Record makes TypeScript name a status added later). */
const EVERY_STATUS: Record<ItemStatus, true> = { pending: true, answered: true, dismissed: true, snoozed: true };
const STATUSES = Object.keys(EVERY_STATUS) as ItemStatus[];

/** The moment the test reads the log: one snoozed item is due by then, one is not. */
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;

function item(over: Partial<Item> & Pick<Item, 'site' | 'id' | 'status' | 'sortAt'>): Item {
  const base = {
    kind: 'comment' as const,
    author: { name: 'Devon K', handle: 'devon_k' },
    text: 'Is there a dark mode?\nAsking for my eyes.',
    url: `https://x.com/devon_k/status/${over.id}`,
    thread: '1950000000000000001',
    createdAt: over.sortAt,
    firstSeenAt: over.sortAt + 60_000,
    lastSeenAt: NOW - HOUR,
    answeredAt: null,
    answeredVia: null,
    snoozeUntil: null,
    statusAt: over.sortAt + 60_000,
  };
  return { ...base, ...over, key: `${over.site}:${over.id}` };
}

const ITEMS: Item[] = [
  item({ site: 'x', id: '1950000000000000004', status: 'pending', sortAt: NOW - 50 * HOUR }),
  item({
    site: 'youtube',
    id: 'UgxLena001AaABAg',
    status: 'pending',
    sortAt: NOW - 30 * HOUR,
    createdAt: null,
    author: { name: 'lenamakes', handle: '@lenamakes' },
    text: 'Which brush is this? 🎨 你好 مرحبا',
    url: 'https://www.youtube.com/watch?v=Qm7tLp2vX9c&lc=UgxLena001AaABAg',
    thread: 'Qm7tLp2vX9c',
  }),
  item({
    site: 'mastodon',
    id: 'mastodon.social/113500000000000103',
    kind: 'reply',
    status: 'answered',
    sortAt: NOW - 40 * HOUR,
    author: { name: 'Mara Lindqvist', handle: 'mara@mastodon.social' },
    url: 'https://mastodon.social/@mara/113500000000000103',
    thread: 'mastodon.social/113500000000000100',
    answeredAt: NOW - 39 * HOUR,
    answeredVia: 'snippet',
    statusAt: NOW - 39 * HOUR,
  }),
  item({
    site: 'reddit',
    id: 't1_m4ra01',
    status: 'answered',
    sortAt: NOW - 45 * HOUR,
    answeredAt: NOW - 44 * HOUR,
    answeredVia: 'seen-reply',
    statusAt: NOW - 44 * HOUR,
  }),
  item({ site: 'x', id: '1950000000000000101', kind: 'mention', status: 'dismissed', sortAt: NOW - 20 * HOUR, statusAt: NOW - 19 * HOUR }),
  // Snoozed: one whose time has come by NOW, one still asleep.
  item({ site: 'bluesky', id: 'maralind.bsky.social/3mbl03mara22', status: 'snoozed', sortAt: NOW - 10 * HOUR, snoozeUntil: NOW - HOUR }),
  item({ site: 'x', id: '1950000000000000008', status: 'snoozed', sortAt: NOW - 5 * HOUR, snoozeUntil: NOW + 24 * HOUR }),
];

const SNIPPETS: Snippet[] = [
  {
    id: 'snippet-1',
    title: 'Contrast fix',
    body: 'Thanks {first_name}!\nA contrast fix ships this week 👋 {cursor}',
    tags: ['design', 'roadmap'],
    shortcut: 'cf',
    uses: 7,
    lastUsedAt: NOW - 2 * HOUR,
    createdAt: NOW - 100 * HOUR,
    updatedAt: NOW - 50 * HOUR,
  },
  {
    id: 'snippet-2',
    title: 'Opening hours',
    body: 'We answer every day from 9 to 18.',
    tags: [],
    shortcut: '',
    uses: 0,
    lastUsedAt: null,
    createdAt: NOW - 80 * HOUR,
    updatedAt: NOW - 80 * HOUR,
  },
];

const SETTINGS: Settings = {
  accounts: {
    x: { detected: 'brightloop', manual: null },
    youtube: { detected: null, manual: '@brightloop' },
    mastodon: { detected: 'brightloop@mastodon.social', manual: 'brightloop@fosstodon.org' },
  },
  disabledSites: ['tiktok', 'linkedin'],
  trigger: '//',
  pickerShortcut: 'Ctrl+Shift+Period',
  selectorOverrides: { x: { tweet: 'article[data-testid="post"]' }, reddit: { comment: 'shreddit-comment[thingid]' } },
  mastodonHosts: ['mastodon.social', 'fosstodon.org'],
};

function health(over: Partial<PageHealth> & Pick<PageHealth, 'site'>): PageHealth {
  return pageHealth({ path: '/', at: NOW - HOUR, ...over });
}

/**
 * Sample records for every store, as the current code writes them. A store added by a new
 * migration needs its records here (this test fails until it has some).
 */
const SAMPLES: { [S in Store]: Sample<S>[] } = {
  items: ITEMS.map((value) => ({ value })),
  snippets: SNIPPETS.map((value) => ({ value })),
  settings: [{ key: SETTINGS_KEY, value: SETTINGS }],
  // The popup's catalog as catalog-store.ts writes it: a meta record, and one chunk of entries and of their words.
  catalog: [
    { key: 'meta', value: { format: 1, count: ITEMS.length, chunks: 1 } },
    { key: ['entries', 0], value: encodeChunk(ITEMS.map(entryOf)) },
    { key: ['words', 0], value: encodeWords(ITEMS.map(entryOf)) },
  ],
  // A record as an earlier version wrote it (one per item, under its key), and one as the current code
  // writes them (one per write, numbered).
  journal: [
    { key: ITEMS[0]!.key, value: journalRecord(entryOf({ ...ITEMS[0]!, status: 'dismissed', statusAt: NOW })) },
    { key: 1, value: [journalRecord(entryOf(ITEMS[1]!))] },
  ],
  health: [
    { value: health({ site: 'x', path: '/brightloop/status/1950000000000000001' }) },
    // A site needing attention: its markup changed.
    {
      value: health({
        site: 'facebook',
        path: '/permalink.php',
        items: 0,
        readable: 0,
        relevant: 0,
        composerFound: false,
        missing: ['comment'],
        errors: ['readEntry'],
      }),
    },
  ],
};

/**
 * A current sample as a database at `version` held it. Every migration so far only added stores
 * and indexes, so records look the same at every version; a migration that reshapes records says
 * here how they looked before it (and the upgraded record must then equal the current sample).
 */
function asStoredAt<S extends Store>(_store: S, value: StoreValue<ReplylineSchema, S>, _version: number): unknown {
  return value;
}

/** A store's samples; a store without any fails the test, naming it. */
function samplesOf(store: string): Sample<Store>[] {
  const samples = (SAMPLES as Record<string, Sample<Store>[] | undefined>)[store];
  if (!samples?.length) throw new Error(`No sample records for the store "${store}": add some to SAMPLES.`);
  return samples;
}

/** The versions an existing profile can be at (0: no database yet). */
const EARLIER = Array.from({ length: DB_VERSION }, (_, version) => version);

/** Creates the database as Replyline at `version` did: only the first `version` migrations ran. */
async function createAtVersion(version: number): Promise<IDBPDatabase<ReplylineSchema>> {
  return openDB<ReplylineSchema>(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) MIGRATIONS[v]!(db as never, tx as never);
    },
  });
}

/** Fills every store the database has with its samples; throws for a store without any. */
async function fill(db: IDBPDatabase<ReplylineSchema>, version: number): Promise<Store[]> {
  const stores = [...db.objectStoreNames];
  for (const store of stores) {
    const samples = samplesOf(store);
    const tx = db.transaction(store, 'readwrite');
    // Through the untyped store: a record may have another shape at an earlier version.
    const raw = tx.store as unknown as { put(value: unknown, key?: IDBValidKey): Promise<IDBValidKey> };
    await Promise.all(samples.map((s) => raw.put(asStoredAt(store, s.value, version), s.key)));
    await tx.done;
  }
  return stores;
}

interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Record<string, { keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
}

/** The stores, keys and indexes of a database, to compare an upgraded one with a new one. */
function schemaOf(db: IDBPDatabase<ReplylineSchema>): Record<string, StoreShape> {
  const stores = [...db.objectStoreNames];
  if (stores.length === 0) return {};
  const tx = db.transaction(stores);
  return Object.fromEntries(
    stores.map((name) => {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((index) => {
          const { keyPath, unique, multiEntry } = store.index(index);
          return [index, { keyPath, unique, multiEntry }];
        }),
      );
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

/** The key a record has in an index with this key path (undefined: the record is not in it). */
function indexKey(value: unknown, keyPath: string | string[]): unknown {
  const at = (path: string) =>
    path.split('.').reduce<unknown>((v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), value);
  const valid = (key: unknown) => typeof key === 'string' || (typeof key === 'number' && !Number.isNaN(key)) || key instanceof Date;
  if (typeof keyPath === 'string') return valid(at(keyPath)) ? at(keyPath) : undefined;
  const parts = keyPath.map(at);
  return parts.every(valid) ? parts : undefined;
}

const primaryKey = (sample: Sample<Store>, keyPath: string | string[] | null) =>
  (keyPath === null ? sample.key : indexKey(sample.value, keyPath)) as IDBValidKey;

let fresh: Record<string, StoreShape>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openReplylineDb();
  fresh = schemaOf(db);
  db.close();
  globalThis.indexedDB = new IDBFactory();
});

describe('the sample data', () => {
  it('has records for every store of the current schema, and items in every status', () => {
    const table = SAMPLES as Record<string, unknown[] | undefined>;
    const missing = Object.keys(fresh).filter((store) => !table[store]?.length);
    expect(missing, 'stores without sample records').toEqual([]);
    expect(new Set(ITEMS.map((i) => i.status))).toEqual(new Set(STATUSES));
  });
});

describe.each(EARLIER.map((version) => ({ version, name: version === 0 ? 'no database' : `version ${version}` })))(
  'opening a profile with $name',
  ({ version }) => {
    it('keeps every record, reads it through the indexes the code queries, and has the new stores', async () => {
      let filled: Store[] = [];
      if (version > 0) {
        const old = await createAtVersion(version);
        expect(old.version).toBe(version);
        filled = await fill(old, version);
        old.close();
      }

      const db: ReplylineDb = await openReplylineDb();
      // Records found by whatever key their store has (the typed view knows each store's key type).
      const byKey = db as unknown as IDBPDatabase;
      try {
        expect(db.version).toBe(DB_VERSION);
        // Every store and index, as a new profile has them: the stores added since exist.
        const shape = schemaOf(db);
        expect(shape).toEqual(fresh);

        for (const store of Object.keys(shape) as Store[]) {
          const samples = filled.includes(store) ? samplesOf(store) : [];
          // Every record intact, found by its key, and nothing else in the store.
          for (const sample of samples) {
            expect(await byKey.get(store, primaryKey(sample, shape[store]!.keyPath)), `${store} record`).toEqual(sample.value);
          }
          expect(await db.count(store), `${store} count`).toBe(samples.length);
          // Every index holds exactly the records whose indexed value is a key.
          for (const [index, { keyPath }] of Object.entries(shape[store]!.indexes)) {
            const keys = (await db.getAllKeysFromIndex(store, index as never)).map(String).sort();
            const expected = samples
              .filter((s) => indexKey(s.value, keyPath) !== undefined)
              .map((s) => String(primaryKey(s, shape[store]!.keyPath)))
              .sort();
            expect(keys, `${store}.${index}`).toEqual(expected);
          }
        }

        // The log's views, by the code's own queries: each status oldest first, and the pending count.
        const items = filled.includes('items') ? ITEMS : [];
        for (const status of STATUSES) {
          const listed = await db.getAllFromIndex('items', 'by-status-sort', statusRange(status));
          const expected = items.filter((i) => i.status === status).sort((a, b) => a.sortAt - b.sortAt);
          expect(listed, `status ${status}`).toEqual(expected);
        }
        expect(await db.countFromIndex('items', 'by-status-sort', statusRange('pending'))).toBe(
          items.filter((i) => i.status === 'pending').length,
        );
        // Snoozed items: the next to wake first, and those due by now.
        const snoozed = items.filter((i) => i.snoozeUntil !== null).sort((a, b) => a.snoozeUntil! - b.snoozeUntil!);
        const next = await db.transaction('items').store.index('by-snooze').openCursor();
        expect(next?.value ?? null).toEqual(snoozed[0] ?? null);
        expect(await db.getAllFromIndex('items', 'by-snooze', IDBKeyRange.upperBound(NOW))).toEqual(
          snoozed.filter((i) => i.snoozeUntil! <= NOW),
        );

        // Settings as the code reads them: accounts, instances and overrides kept.
        expect(await readSettings(db)).toEqual(filled.includes('settings') ? SETTINGS : DEFAULT_SETTINGS);

        // The popup's catalog, built from the items kept the first time it is read: the same counts,
        // views and search as the items say, and read back the same by a worker started afterwards.
        for (const catalog of [createCatalog(db), createCatalog(db)]) {
          const counts = Object.fromEntries(STATUSES.map((s) => [s, items.filter((i) => i.status === s).length]));
          expect(await catalog.counts()).toEqual(counts);
          for (const status of STATUSES) {
            const { view } = await catalog.view({ ...DEFAULT_FILTER, status, grouped: false });
            const time = (i: Item) => (status === 'pending' ? i.sortAt : i.statusAt);
            const expected = items.filter((i) => i.status === status).sort((a, b) => time(a) - time(b));
            expect(view.matched.map((e) => e.key), `catalog, ${status}`).toEqual(expected.map((i) => i.key));
          }
          const { view } = await catalog.view({ ...DEFAULT_FILTER, query: 'brush 🎨', grouped: false });
          expect(view.matched.map((e) => e.key)).toEqual(items.filter((i) => i.text.includes('brush')).map((i) => i.key));
        }

        // The stores added since take records as the current code writes them.
        for (const store of Object.keys(shape) as Store[]) {
          if (filled.includes(store)) continue;
          for (const sample of samplesOf(store)) {
            const raw = db.transaction(store, 'readwrite').store as unknown as { put(v: unknown, k?: IDBValidKey): Promise<IDBValidKey> };
            await raw.put(sample.value, sample.key);
            expect(await byKey.get(store, primaryKey(sample, shape[store]!.keyPath))).toEqual(sample.value);
          }
        }
      }
      finally {
        db.close();
      }
    });
  },
);
