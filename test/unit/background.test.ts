import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, MIGRATIONS, openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { exportBackup } from '../../src/background/exporter';
import { importBackup } from '../../src/background/importer';
import { syncInstanceScripts } from '../../src/background/instances';
import { type BackgroundEffects, createService } from '../../src/background/service';
import { type Backup, type ImportMode, parseBackup } from '../../src/core/backup';
import { instancePattern } from '../../src/core/instances';
import { healthProblems, type PageHealth } from '../../src/core/health';
import type { ItemStatus } from '../../src/core/types';
import { guardAdapter } from '../../src/sites/guard';
import { xAdapter } from '../../src/sites/x';
import type { InsertResult } from '../../src/shared/protocol';
import { createRouter, type RouterOptions } from '../../src/shared/router';
import { InstanceBrowserFake } from './instance-browser';
import { pageHealth, scanned } from './items';

class Effects implements BackgroundEffects {
  clock = 1_000_000;
  ids = 0;
  counts: number[] = [];
  attention: string[][] = [];
  broadcasts: Record<string, ItemStatus>[] = [];
  refreshes = 0;
  wakeAt: (number | null)[] = [];
  opened: string[] = [];
  inserted: string[] = [];
  insertResult: InsertResult = { ok: true, itemKey: null, missing: [], unknown: [] };
  now = () => this.clock;
  newId = () => `id-${++this.ids}`;
  setPendingCount = (count: number, attention: string[]) => {
    this.counts.push(count);
    this.attention.push(attention);
  };

  broadcastStatuses = (s: Record<string, ItemStatus>) => void this.broadcasts.push(s);
  broadcastRefresh = () => void this.refreshes++;
  logChanges = 0;
  noteLogChanged = () => void this.logChanges++;
  scheduleWake = (at: number | null) => void this.wakeAt.push(at);
  /** The retell alarm as the browser holds it, and each arming and disarming in order. */
  retellArmed = false;
  retells: boolean[] = [];
  retellLater = (armed: boolean) => {
    this.retellArmed = armed;
    this.retells.push(armed);
  };

  openUrl = async (url: string) => void this.opened.push(url);
  optionsOpened = 0;
  openOptions = async () => void this.optionsOpened++;
  insertIntoActiveTab = async (body: string) => {
    this.inserted.push(body);
    return this.insertResult;
  };

  injected: [number, number][] = [];
  injectTools = async (tabId: number, frameId: number) => void this.injected.push([tabId, frameId]);

  isSiteUrl = (url: string) => url.startsWith('https://x.com/');

  instances = new InstanceBrowserFake();
  instanceAccess = (host: string) => this.instances.hasAccess(instancePattern(host));
  syncInstances = async (hosts: readonly string[]) => void (await syncInstanceScripts(hosts, this.instances));
  withdrawInstance = async (host: string) => void this.instances.granted.delete(host);

  defaultSelectors = () => ({ tweet: 'article[data-testid="tweet"]', text: '[data-testid="tweetText"]' });
  readCatalogs = async () => [{ badgeLabel: { message: 'Wartet' } }, { badgeLabel: { message: 'Waiting' } }];
}

let fx: Effects;
let db: ReplylineDb;
let service: ReturnType<typeof createService>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  fx = new Effects();
  db = await openReplylineDb();
  service = createService(db, fx);
});

const h = () => service.handlers;
const ctx = { sender: {}, tabId: 1 };

describe('the item log', () => {
  it('stores reported items, counts pending ones and lists them oldest first', async () => {
    const result = await h()['items/report'](
      { site: 'x', items: [scanned('30'), scanned('10'), scanned('20')] },
      ctx,
    );
    expect(result).toEqual({ statuses: { 'x:30': 'pending', 'x:10': 'pending', 'x:20': 'pending' }, by: {}, refused: 0 });
    await service.settled();
    expect(fx.counts.at(-1)).toBe(3);
    const list = await h()['items/list']({ statuses: ['pending'] }, ctx);
    expect(list.map((i) => i.id)).toEqual(['10', '20', '30']);
  });

  it('ignores items claimed for another site than the reporting one', async () => {
    const result = await h()['items/report']({ site: 'youtube', items: [scanned('5')] }, ctx);
    expect(result).toEqual({ statuses: {}, by: {}, refused: 1 });
  });

  it('marks answered, and a rescan without the reply keeps it answered', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const answered = await h()['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    expect(answered).toMatchObject({ status: 'answered', answeredVia: 'manual' });
    await service.settled();
    expect(fx.counts.at(-1)).toBe(0);
    expect(fx.broadcasts.at(-1)).toEqual({ 'x:10': 'answered' });
    const again = await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    expect(again.statuses).toEqual({ 'x:10': 'answered' });
  });

  it('a sent snippet answers the item; inserting it counts its use', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const snippet = await h()['snippets/save'](
      { id: null, title: 'Thanks', body: 'Thank you!', tags: [], shortcut: '' },
      ctx,
    );
    fx.clock += 5000;
    await h()['snippets/used']({ id: snippet.id }, ctx);
    const item = await h()['items/sent']({ key: 'x:10' }, ctx);
    expect(item).toMatchObject({ status: 'answered', answeredVia: 'snippet', answeredAt: fx.clock });
    const [used] = await h()['snippets/list']({}, ctx);
    expect(used).toMatchObject({ uses: 1, lastUsedAt: fx.clock });
  });

  it('snoozes with an alarm and wakes the item when its time comes', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    await h()['items/act']({ key: 'x:10', action: 'snooze', until: fx.clock + 60_000 }, ctx);
    await service.settled();
    expect(fx.wakeAt.at(-1)).toBe(fx.clock + 60_000);
    expect(fx.counts.at(-1)).toBe(1);
    expect(await service.wakeDue()).toEqual([]);
    fx.clock += 60_000;
    const woken = await service.wakeDue();
    await service.settled();
    expect(woken.map((i) => [i.key, i.status])).toEqual([['x:10', 'pending']]);
    expect(fx.counts.at(-1)).toBe(2);
    expect(fx.wakeAt.at(-1)).toBeNull();
  });

  it('refuses a snooze in the past with a clear message through the router', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const route = createRouter(() => h(), routerOptions);
    const reply = await route(
      { type: 'items/act', payload: { key: 'x:10', action: 'snooze', until: 5 } },
      popupSender,
    );
    expect(reply).toEqual({ ok: false, error: 'A snooze must end in the future.' });
  });

  it('acts on many items in one go', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10'), scanned('11'), scanned('12')] }, ctx);
    await service.settled();
    expect(await h()['items/actMany']({ keys: ['x:10', 'x:11', 'x:404'], action: 'answer' }, ctx)).toBe(2);
    await service.settled();
    expect(fx.counts.at(-1)).toBe(1);
    expect(fx.broadcasts.at(-1)).toEqual({ 'x:10': 'answered', 'x:11': 'answered' });
    await expect(h()['items/actMany']({ keys: ['x:12'], action: 'snooze', until: 1 }, ctx)).rejects.toThrow(/future/);
    expect(await h()['items/actMany']({ keys: ['x:10', 'x:11'], action: 'reopen' }, ctx)).toBe(2);
    await service.settled();
    expect(fx.counts.at(-1)).toBe(3);
  });

  it('a bad item costs that item only: the rest of the report is stored, and the refused are counted', async () => {
    const route = createRouter(() => h(), routerOptions);
    const hostile = [
      { ...scanned('20'), text: 'x'.repeat(50_000) },
      { id: 5 },
      { ...scanned('21'), createdAt: 'yesterday' },
      { ...scanned('22'), id: '' },
    ];
    const reply = await route(
      { type: 'items/report', payload: { site: 'x', items: [scanned('10'), ...hostile, scanned('11')] } },
      contentSender,
    );
    expect(reply).toEqual({ ok: true, value: { statuses: { 'x:10': 'pending', 'x:11': 'pending' }, by: {}, refused: 4 } });
    const list = await h()['items/list']({ statuses: ['pending'] }, ctx);
    expect(list.map((i) => i.key)).toEqual(['x:10', 'x:11']);
  });

  it('ingests idempotently: a report sent again (its answer lost) stores the same, and keeps statuses', async () => {
    const items = Array.from({ length: 50 }, (_, i) => scanned(String(100 + i)));
    const first = await h()['items/report']({ site: 'x', items }, ctx);
    await h()['items/act']({ key: 'x:100', action: 'dismiss' }, ctx);
    fx.clock += 1000;
    const again = await h()['items/report']({ site: 'x', items: [...items, items[3]!] }, ctx);
    expect(Object.keys(again.statuses)).toEqual(Object.keys(first.statuses));
    expect(again.statuses['x:100']).toBe('dismissed');
    const all = await h()['items/list']({ statuses: ['pending', 'dismissed'] }, ctx);
    expect(all).toHaveLength(50);
    expect(new Set(all.map((i) => i.key)).size).toBe(50);
  });

  it('answers the statuses a page shows, from the log', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    await h()['items/act']({ key: 'x:11', action: 'answer' }, ctx);
    expect(await h()['items/statuses']({ keys: ['x:10', 'x:11', 'x:404'] }, ctx)).toEqual({
      'x:10': 'pending',
      'x:11': 'answered',
    });
  });

  it('tells the tabs an action\'s result even when it was already applied (a retry after a lost answer)', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    await h()['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    await service.settled();
    fx.broadcasts = [];
    const again = await h()['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    expect(again).toMatchObject({ status: 'answered' });
    await service.settled();
    expect(fx.broadcasts).toEqual([{ 'x:10': 'answered' }]);
  });

  it('says the log changed to open pages after a change, and not after an action that changed nothing', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    await service.settled();
    expect(fx.logChanges).toBe(1);
    await h()['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    await service.settled();
    expect(fx.logChanges).toBe(2);
    await h()['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    await service.settled();
    expect(fx.broadcasts.at(-1)).toEqual({ 'x:10': 'answered' });
    expect(fx.logChanges).toBe(2);
  });

  it('answers a report before its side work: the toolbar and the tabs follow, nothing left out', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const counted = fx.setPendingCount;
    fx.setPendingCount = async (count, attention) => {
      await blocked;
      counted(count, attention);
    };
    const result = await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    expect(result.statuses).toEqual({ 'x:10': 'pending' });
    const second = await h()['items/report']({ site: 'x', items: [scanned('11')] }, ctx);
    expect(second.statuses).toEqual({ 'x:11': 'pending' });
    expect(fx.counts).toEqual([]);
    release();
    await service.settled();
    expect(Object.assign({}, ...fx.broadcasts)).toEqual({ 'x:10': 'pending', 'x:11': 'pending' });
    expect(fx.counts.at(-1)).toBe(2);
  });

  it('arms a wake-up before a change is answered, and disarms it once the tabs were told', async () => {
    const result = await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    expect(result.statuses).toEqual({ 'x:10': 'pending' });
    // Were the worker stopped now, the browser would still wake it to tell the tabs.
    expect(fx.retellArmed).toBe(true);
    expect(fx.broadcasts).toEqual([]);
    await service.settled();
    expect(fx.broadcasts).toEqual([{ 'x:10': 'pending' }]);
    expect(fx.retells).toEqual([true, false]);

    // Telling the tabs fails: the wake-up stays armed, and the next change arms it again.
    fx.broadcastStatuses = () => {
      throw new Error('no tab answered');
    };
    await h()['items/act']({ key: 'x:10', action: 'dismiss' }, ctx);
    await service.settled();
    expect(fx.retellArmed).toBe(true);
    await h()['items/act']({ key: 'x:10', action: 'reopen' }, ctx);
    await service.settled();
    expect(fx.retells).toEqual([true, false, true, true]);
  });

  it('an unknown key acts on nothing', async () => {
    expect(await h()['items/act']({ key: 'x:404', action: 'dismiss' }, ctx)).toBeNull();
  });
});

describe('settings and snippets', () => {
  it('keeps detected and typed handles, the typed one winning', async () => {
    await h()['owner/detected']({ site: 'x', handle: 'brightloop' }, ctx);
    expect(await h()['page/hello']({ site: 'x' }, ctx)).toEqual({
      owner: 'brightloop',
      selectors: {},
      enabled: true,
      trigger: ';;',
      pickerShortcut: 'Alt+Shift+S',
    });
    await h()['settings/setOwner']({ site: 'x', handle: '@bright_two' }, ctx);
    expect((await h()['page/hello']({ site: 'x' }, ctx)).owner).toBe('bright_two');
    expect(fx.refreshes).toBe(1);
    await h()['settings/setOwner']({ site: 'x', handle: '' }, ctx);
    expect((await h()['page/hello']({ site: 'x' }, ctx)).owner).toBe('brightloop');
    await expect(h()['settings/setOwner']({ site: 'x', handle: 'two words' }, ctx)).rejects.toThrow(
      /no spaces/,
    );
  });

  it('tells a page asking for them the words of times in its languages and English, learnt here', async () => {
    const told = await h()['page/hello']({ site: 'bluesky', languages: ['de-DE'] }, ctx);
    expect(told.timeWords?.map((w) => w.tag)).toEqual(['de-DE', 'en']);
    const german = told.timeWords![0]!;
    expect(new Map(german.dates!.months).get('november')).toBe(10);
    expect(new Map(german.ages!.units).get('stunden')).toBe(3_600_000);
    // Plain data, as a message carries it.
    expect(JSON.parse(JSON.stringify(told.timeWords))).toEqual(told.timeWords);
    expect((await h()['page/hello']({ site: 'x' }, ctx)).timeWords).toBeUndefined();
  });

  it('keeps the picker trigger and shortcut, refusing ones that would not work', async () => {
    const next = await h()['settings/setPicker']({ trigger: ' // ', pickerShortcut: 'Ctrl+Shift+Space' }, ctx);
    expect(next).toMatchObject({ trigger: '//', pickerShortcut: 'Ctrl+Shift+Space' });
    expect((await h()['page/hello']({ site: 'youtube' }, ctx)).trigger).toBe('//');
    await expect(h()['settings/setPicker']({ trigger: 'hi', pickerShortcut: 'Alt+S' }, ctx)).rejects.toThrow(/sign/);
    await expect(h()['settings/setPicker']({ trigger: ';;', pickerShortcut: 'S' }, ctx)).rejects.toThrow(/modifier/);
  });

  it('creates, edits and deletes snippets, rejecting empty ones', async () => {
    const created = await h()['snippets/save'](
      { id: null, title: ' Thanks ', body: 'Hi {first_name}', tags: ['a', 'a', ' '], shortcut: 'ty' },
      ctx,
    );
    expect(created).toMatchObject({ id: 'id-1', title: 'Thanks', tags: ['a'] });
    fx.clock += 10;
    const edited = await h()['snippets/save']({ ...created, title: 'Thank you' }, ctx);
    expect(edited).toMatchObject({
      id: 'id-1',
      title: 'Thank you',
      createdAt: created.createdAt,
      updatedAt: fx.clock,
    });
    await expect(h()['snippets/save']({ ...created, id: null, body: '  ' }, ctx)).rejects.toThrow(/no text/);
    await h()['snippets/delete']({ id: 'id-1' }, ctx);
    expect(await h()['snippets/list']({}, ctx)).toEqual([]);
  });

  it('turns sites off and on: the page is told at once, and a site it does not know is refused by the router', async () => {
    const next = await h()['settings/setSites']({ disabledSites: ['youtube', 'youtube'] }, ctx);
    expect(next.disabledSites).toEqual(['youtube']);
    expect((await h()['page/hello']({ site: 'youtube' }, ctx)).enabled).toBe(false);
    expect((await h()['page/hello']({ site: 'x' }, ctx)).enabled).toBe(true);
    expect(fx.refreshes).toBe(1);
    await h()['settings/setSites']({ disabledSites: [] }, ctx);
    expect((await h()['page/hello']({ site: 'youtube' }, ctx)).enabled).toBe(true);
  });

  it('adds saved replies from a file in one go, skipping those already saved, and adds none when one is bad', async () => {
    await h()['snippets/save']({ id: null, title: 'Thanks', body: 'Thank you!', tags: [], shortcut: '' }, ctx);
    const draft = (title: string, body: string) => ({ id: null, title, body, tags: ['csv'], shortcut: '' });
    const result = await h()['snippets/import'](
      { drafts: [draft('Thanks', 'Thank you!'), draft('Hours', 'We open at 9.'), draft('Hours', 'We open at 9.')] },
      ctx,
    );
    expect(result).toEqual({ added: 1, skipped: 2 });
    expect((await h()['snippets/list']({}, ctx)).map((x) => x.title).sort()).toEqual(['Hours', 'Thanks']);
    await expect(h()['snippets/import']({ drafts: [draft('Fine', 'ok'), draft('Empty', ' ')] }, ctx)).rejects.toThrow(
      /^Saved reply 2: The saved reply has no text/,
    );
    expect(await h()['snippets/list']({}, ctx)).toHaveLength(2);
  });

  it('keeps a site\'s selector overrides, drops defaults and blanks, refuses unknown names, resets with {}', async () => {
    const next = await h()['settings/setSelectors'](
      { site: 'x', overrides: { tweet: ' article[data-testid="post"] ', text: '[data-testid="tweetText"]' } },
      ctx,
    );
    expect(next.selectorOverrides).toEqual({ x: { tweet: 'article[data-testid="post"]' } });
    expect((await h()['page/hello']({ site: 'x' }, ctx)).selectors).toEqual({ tweet: 'article[data-testid="post"]' });
    expect(fx.refreshes).toBe(1);
    await expect(h()['settings/setSelectors']({ site: 'x', overrides: { nope: 'a' } }, ctx)).rejects.toThrow(/nope/);
    await h()['settings/setSelectors']({ site: 'x', overrides: {} }, ctx);
    expect((await h()['settings/get']({}, ctx)).selectorOverrides).toEqual({});
  });

  it('inserts a snippet through the active tab and opens only site pages', async () => {
    const s = await h()['snippets/save']({ id: null, title: 'T', body: 'Body', tags: [], shortcut: '' }, ctx);
    expect(await h()['tabs/insert']({ snippetId: s.id }, ctx)).toMatchObject({ ok: true });
    expect(fx.inserted).toEqual(['Body']);
    await h()['tabs/open']({ url: 'https://x.com/a/status/1' }, ctx);
    expect(fx.opened).toEqual(['https://x.com/a/status/1']);
    await expect(h()['tabs/open']({ url: 'https://evil.example/' }, ctx)).rejects.toThrow(/only opens/);
  });
});

const routerOptions: RouterOptions = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  isContentUrl: (url) => url.startsWith('https://x.com/'),
};
const popupSender = { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' };
const contentSender = {
  id: 'ext',
  url: 'https://x.com/a/status/1',
  tab: { id: 3, url: 'https://x.com/a/status/1' },
};

describe('the message router', () => {
  it('accepts our pages and content scripts for their own messages only', async () => {
    const route = createRouter(() => h(), routerOptions);
    expect(await route({ type: 'settings/get', payload: {} }, popupSender)).toMatchObject({ ok: true });
    expect(await route({ type: 'settings/get', payload: {} }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'items/report', payload: { site: 'x', items: [] } }, contentSender)).toEqual({
      ok: true,
      value: { statuses: {}, by: {}, refused: 0 },
    });
    expect(
      await route({ type: 'items/report', payload: { site: 'x', items: [] } }, popupSender),
    ).toMatchObject({
      ok: false,
    });
  });

  it('gives a content script the packaged messages, and nobody else', async () => {
    const route = createRouter(() => h(), routerOptions);
    expect(await route({ type: 'i18n/catalogs', payload: {} }, contentSender)).toEqual({
      ok: true,
      value: [{ badgeLabel: { message: 'Wartet' } }, { badgeLabel: { message: 'Waiting' } }],
    });
    expect(await route({ type: 'i18n/catalogs', payload: {} }, popupSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'i18n/catalogs', payload: null }, contentSender)).toMatchObject({ ok: false });
  });

  it('takes a sent reply from a content script', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const route = createRouter(() => h(), routerOptions);
    expect(await route({ type: 'items/sent', payload: { key: 'x:10' } }, contentSender)).toMatchObject({
      ok: true,
      value: { status: 'answered', answeredVia: 'snippet' },
    });
  });

  it('refuses other extensions, other pages and malformed requests', async () => {
    const route = createRouter(() => h(), routerOptions);
    const other = { ...popupSender, id: 'someone-else' };
    expect(await route({ type: 'settings/get', payload: {} }, other)).toMatchObject({ ok: false });
    const stranger = { id: 'ext', url: 'https://evil.example/', tab: { id: 4 } };
    expect(await route({ type: 'items/report', payload: { site: 'x', items: [] } }, stranger)).toMatchObject({
      ok: false,
    });
    const bad = { type: 'items/report', payload: { site: 'x', items: 'not a list' } };
    expect(await route(bad, contentSender)).toEqual({
      ok: false,
      error: '“items/report” has a malformed request.',
    });
    expect(await route({ type: 'nope', payload: {} }, popupSender)).toBeUndefined();
    expect(await route('not even an object', popupSender)).toBeUndefined();
  });

  it('turns a full disk into a message for the user and loses nothing stored', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const full = createRouter(
      () => ({
        ...h(),
        'items/report': () => {
          throw new DOMException('quota', 'QuotaExceededError');
        },
      }),
      routerOptions,
    );
    const reply = await full({ type: 'items/report', payload: { site: 'x', items: [] } }, contentSender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/no room left/) });
    expect(await h()['items/list']({ statuses: ['pending'] }, ctx)).toHaveLength(1);
  });
});

describe('settings changed at once', () => {
  it('applies both: neither change is lost to the other', async () => {
    await Promise.all([
      h()['settings/setSites']({ disabledSites: ['tiktok'] }, ctx),
      h()['settings/setOwner']({ site: 'x', handle: 'brightloop' }, ctx),
      h()['settings/setPicker']({ trigger: '//', pickerShortcut: 'Alt+Shift+S' }, ctx),
    ]);
    const settings = await h()['settings/get']({}, ctx);
    expect(settings.trigger).toBe('//');
    expect(settings.accounts.x?.manual).toBe('brightloop');
    expect(settings.disabledSites).toEqual(['tiktok']);
  });
});

describe('the database', () => {
  it('creates every store and index from nothing, at the current version', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openReplylineDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['catalog', 'health', 'items', 'journal', 'settings', 'snippets']);
    expect([...db.transaction('items').store.indexNames].sort()).toEqual(['by-snooze', 'by-status-sort']);
    expect([...db.transaction('snippets').store.indexNames]).toEqual([]);
    db.close();
  });

  it('upgrades a version 1 database in place, keeping what it holds', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db, _o, _n, tx) => MIGRATIONS[0]!(db as never, tx as never) });
    await v1.put('snippets', { id: 's1', title: 'Kept', body: 'Still here', tags: [], shortcut: '', uses: 2 });
    v1.close();
    const db = await openReplylineDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('snippets', 's1')).toMatchObject({ title: 'Kept' });
    expect([...db.objectStoreNames]).toContain('health');
    db.close();
  });

  it('refuses to open a database from a newer version rather than damage it', async () => {
    globalThis.indexedDB = new IDBFactory();
    (await openDB(DB_NAME, DB_VERSION + 1)).close();
    await expect(openReplylineDb()).rejects.toThrow();
  });
});

/** An import as the Options page runs it: the file read there, written in one transaction, then the worker told. */
async function importText(text: string, mode: ImportMode, into = { db, service }) {
  const parsed = parseBackup(text, { selectorNames: () => Object.keys(fx.defaultSelectors()), now: fx.now() });
  if (!parsed.ok) throw new RangeError(parsed.error);
  const { hostsBefore } = await importBackup(into.db, parsed.backup, mode);
  await into.service.handlers['data/imported']({ hostsBefore }, ctx);
  return parsed.summary;
}

/** What the Options page exports, read from the database as the page reads it (no message carries the log). */
async function exportOf(from: ReplylineDb): Promise<Backup> {
  const control = { signal: new AbortController().signal, progress: () => undefined };
  const exported = await exportBackup(from, new Date(fx.now()), control);
  return JSON.parse(await exported.blob.text()) as Backup;
}

describe('export, import and clearing', () => {
  it('exports everything and imports it into an empty profile, giving the same data', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    await h()['items/act']({ key: 'x:11', action: 'dismiss' }, ctx);
    await h()['snippets/save']({ id: null, title: 'Thanks', body: 'Thank you!', tags: ['a'], shortcut: 'ty' }, ctx);
    await h()['owner/detected']({ site: 'x', handle: 'brightloop' }, ctx);
    const backup = await exportOf(db);

    globalThis.indexedDB = new IDBFactory();
    const freshDb = await openReplylineDb();
    const fresh = createService(freshDb, fx);
    const summary = await importText(JSON.stringify(backup), 'replace', { db: freshDb, service: fresh });
    expect(summary).toMatchObject({ items: 2, pending: 1, snippets: 1 });
    const again = await exportOf(freshDb);
    expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
    expect(fx.counts.at(-1)).toBe(1);
  });

  it('a broken file changes nothing and says why', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    const before = await exportOf(db);
    await expect(importText('{"format":"replyline-backup","version":1,"items":[{}]', 'replace')).rejects.toThrow(/not JSON/);
    const broken = JSON.stringify({ ...before, items: [{ ...before.items[0], status: 'gone' }] });
    await expect(importText(broken, 'replace')).rejects.toThrow(/item 1 \(x:10\)/);
    expect({ ...(await exportOf(db)), exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
  });

  it('no message carries a file: the page writes it, and data/imported only tells the worker, from our pages', async () => {
    const route = createRouter(() => h(), routerOptions);
    const text = JSON.stringify(await exportOf(db));
    expect(await route({ type: 'data/import', payload: { text, mode: 'replace' } }, popupSender)).toBeUndefined();
    const told = { type: 'data/imported', payload: { hostsBefore: [] } };
    expect(await route(told, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'data/imported', payload: { hostsBefore: 'x' } }, popupSender)).toMatchObject({ ok: false });
    const many = { type: 'data/imported', payload: { hostsBefore: Array.from({ length: 21 }, (_, i) => `m${i}.social`) } };
    expect(await route(many, popupSender)).toMatchObject({ ok: false });
    const counted = fx.counts.length;
    expect(await route(told, popupSender)).toEqual({ ok: true, value: null });
    expect(fx.counts.length).toBe(counted + 1);
  });

  it('gives back only instances that are gone, never a built-in site\'s access', async () => {
    fx.instances.grant('x.com');
    fx.instances.grant('fosstodon.org');
    fx.instances.grant('mastodon.social');
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    await h()['data/imported']({ hostsBefore: ['x.com', 'fosstodon.org', 'mastodon.social'] }, ctx);
    expect([...fx.instances.granted].sort()).toEqual(['mastodon.social', 'x.com']);
  });

  it('clears everything', async () => {
    await h()['items/report']({ site: 'x', items: [scanned('10')] }, ctx);
    await h()['snippets/save']({ id: null, title: 'T', body: 'B', tags: [], shortcut: '' }, ctx);
    await h()['data/clear']({ confirm: 'delete everything' }, ctx);
    expect(await h()['items/list']({ statuses: ['pending'] }, ctx)).toEqual([]);
    expect(await h()['snippets/list']({}, ctx)).toEqual([]);
    expect(fx.counts.at(-1)).toBe(0);
  });
});

describe('Mastodon instances', () => {
  const hosts = async () => (await h()['settings/get']({}, ctx)).mastodonHosts;

  it('adds an instance whose access the browser granted, and runs there only', async () => {
    fx.instances.grant('mastodon.social');
    const settings = await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    expect(settings.mastodonHosts).toEqual(['mastodon.social']);
    expect(fx.instances.running).toEqual(['mastodon.social']);
    expect(await h()['instances/list']({}, ctx)).toEqual([{ host: 'mastodon.social', access: true }]);
    // Adding it again changes nothing.
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    expect(await hosts()).toEqual(['mastodon.social']);
    expect(fx.instances.calls).toEqual(['register replyline-mastodon:mastodon.social']);
  });

  it('refuses a host without access, a malformed one and a built-in site, saying why', async () => {
    await expect(h()['instances/add']({ host: 'fosstodon.org' }, ctx)).rejects.toThrow(/no access to fosstodon\.org/);
    await expect(h()['instances/add']({ host: 'https://fosstodon.org/' }, ctx)).rejects.toThrow(/not a server address/);
    await expect(h()['instances/add']({ host: 'localhost' }, ctx)).rejects.toThrow(/not a server address/);
    fx.instances.grant('x.com');
    await expect(h()['instances/add']({ host: 'x.com' }, ctx)).rejects.toThrow(/already supports/);
    expect(await hosts()).toEqual([]);
    expect(fx.instances.scripts).toEqual([]);
  });

  it('keeps to a limit, naming it', async () => {
    for (let i = 0; i < 20; i++) {
      fx.instances.grant(`m${i}.social`);
      await h()['instances/add']({ host: `m${i}.social` }, ctx);
    }
    fx.instances.grant('one-more.social');
    await expect(h()['instances/add']({ host: 'one-more.social' }, ctx)).rejects.toThrow(/At most 20/);
    expect(fx.instances.running).toHaveLength(20);
  });

  it('removing one unregisters its script and gives its access back; others keep running', async () => {
    fx.instances.grant('mastodon.social');
    fx.instances.grant('fosstodon.org');
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    await h()['instances/add']({ host: 'fosstodon.org' }, ctx);
    const settings = await h()['instances/remove']({ host: 'mastodon.social' }, ctx);
    expect(settings.mastodonHosts).toEqual(['fosstodon.org']);
    expect(fx.instances.running).toEqual(['fosstodon.org']);
    expect([...fx.instances.granted]).toEqual(['fosstodon.org']);
  });

  it('follows the browser: access withdrawn there stops the script, granted again restarts it', async () => {
    fx.instances.grant('mastodon.social');
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    fx.instances.granted.clear();
    await service.syncInstances();
    expect(fx.instances.running).toEqual([]);
    expect(await h()['instances/list']({}, ctx)).toEqual([{ host: 'mastodon.social', access: false }]);
    fx.instances.grant('mastodon.social');
    await service.syncInstances();
    expect(fx.instances.running).toEqual(['mastodon.social']);
  });

  // Granting access fires permissions.onAdded, whose resync (service.syncInstances) runs while the
  // options page's instances/add does its own: the two must not both register, nor undo each other.
  // Each case holds one sync inside the browser's calls until the other has gone as far as it can
  // (200 ms at most: one that is made to wait for the first never gets there).
  const until = (event: Promise<unknown>) => Promise.race([event, new Promise((done) => setTimeout(done, 200))]);

  it('registers once when the browser’s resync arrives while an add syncs', async () => {
    fx.instances.grant('mastodon.social');
    const registered = fx.instances.registered;
    let resync: Promise<void> | undefined;
    let resyncListed = () => {};
    const listedByResync = new Promise<void>((done) => (resyncListed = done));
    fx.instances.registered = async () => {
      const scripts = await registered();
      if (resync) resyncListed();
      else {
        resync = service.syncInstances();
        await until(listedByResync);
      }
      return scripts;
    };
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    await resync;
    expect(fx.instances.calls).toEqual(['register replyline-mastodon:mastodon.social']);
    expect(fx.instances.running).toEqual(['mastodon.social']);
  });

  it('keeps an instance added while a resync that began before it was still running', async () => {
    fx.instances.grant('mastodon.social');
    const registered = fx.instances.registered;
    let added: Promise<unknown> = new Promise(() => {});
    let first = true;
    fx.instances.registered = async () => {
      if (first) {
        first = false;
        await until(added);
      }
      return registered();
    };
    const resync = service.syncInstances();
    added = Promise.resolve(h()['instances/add']({ host: 'mastodon.social' }, ctx));
    await added;
    await resync;
    expect(fx.instances.running).toEqual(['mastodon.social']);
  });

  it('takes messages from an added instance’s pages as a content script’s, and opens its pages', async () => {
    const route = createRouter(() => h(), { ...routerOptions, isContentUrl: (url) => service.isContentUrl(url) });
    const fromInstance = { id: 'ext', url: 'https://mastodon.social/@brightloop/1', tab: { id: 4, url: 'https://mastodon.social/@brightloop/1' } };
    const hello = { type: 'page/hello', payload: { site: 'mastodon' } };
    expect(await route(hello, fromInstance)).toMatchObject({ ok: false, error: expect.stringMatching(/page\/hello/) });
    await expect(h()['tabs/open']({ url: 'https://mastodon.social/@brightloop/1' }, ctx)).rejects.toThrow(/only opens/);
    fx.instances.grant('mastodon.social');
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    expect(await route(hello, fromInstance)).toMatchObject({ ok: true });
    await h()['tabs/open']({ url: 'https://mastodon.social/@brightloop/1' }, ctx);
    expect(fx.opened).toEqual(['https://mastodon.social/@brightloop/1']);
    expect(await service.isContentUrl('http://mastodon.social/@brightloop/1')).toBe(false);
    expect(await service.isContentUrl('https://mastodon.social.evil.example/')).toBe(false);
    await h()['instances/remove']({ host: 'mastodon.social' }, ctx);
    expect(await route(hello, fromInstance)).toMatchObject({ ok: false });
  });

  it('a Mastodon handle is the full address', async () => {
    await expect(h()['settings/setOwner']({ site: 'mastodon', handle: 'brightloop' }, ctx)).rejects.toThrow(/full address/);
    const settings = await h()['settings/setOwner']({ site: 'mastodon', handle: '@brightloop@Mastodon.Social' }, ctx);
    expect(settings.accounts.mastodon?.manual).toBe('brightloop@mastodon.social');
  });

  it('an import brings its instances (merged, or replacing ours), and a clear withdraws them all', async () => {
    fx.instances.grant('mastodon.social');
    await h()['instances/add']({ host: 'mastodon.social' }, ctx);
    const backup = await exportOf(db);
    const theirs = JSON.stringify({ ...backup, settings: { ...backup.settings, mastodonHosts: ['fosstodon.org'] } });
    await importText(theirs, 'merge');
    expect(await h()['instances/list']({}, ctx)).toEqual([
      { host: 'mastodon.social', access: true },
      { host: 'fosstodon.org', access: false },
    ]);
    await importText(theirs, 'replace');
    expect(await hosts()).toEqual(['fosstodon.org']);
    expect(fx.instances.running).toEqual([]);
    expect(fx.instances.granted.has('mastodon.social')).toBe(false);
    fx.instances.grant('fosstodon.org');
    await service.syncInstances();
    await h()['data/clear']({ confirm: 'delete everything' }, ctx);
    expect(await hosts()).toEqual([]);
    expect(fx.instances.running).toEqual([]);
    expect(fx.instances.granted.size).toBe(0);
  });

  it('refuses a backup whose instances are not hosts', async () => {
    const backup = await exportOf(db);
    for (const bad of [['javascript:alert(1)'], 'mastodon.social', ['MASTODON.SOCIAL'], Array.from({ length: 21 }, (_, i) => `m${i}.social`)]) {
      const text = JSON.stringify({ ...backup, settings: { ...backup.settings, mastodonHosts: bad } });
      await expect(importText(text, 'replace')).rejects.toThrow(/Mastodon instances/);
    }
    // A backup from before instances existed has none.
    const old = JSON.stringify({ ...backup, settings: { ...backup.settings, mastodonHosts: undefined } });
    await importText(old, 'replace');
    expect(await hosts()).toEqual([]);
  });
});

describe('site health', () => {
  const health = (over: Partial<PageHealth> = {}): PageHealth =>
    pageHealth({ items: 9, readable: 9, relevant: 5, refused: 0, composerFound: false, ...over });

  it('names what failed: no items where expected, unreadable items, missing parts, adapter errors', () => {
    expect(healthProblems(health())).toEqual([]);
    expect(healthProblems(health({ expected: false, items: 0 }))).toEqual([]);
    expect(healthProblems(health({ items: 0, readable: 0, missing: ['tweet'] }))).toEqual([
      { kind: 'noItems' },
      { kind: 'missing', parts: ['tweet'] },
    ]);
    expect(healthProblems(health({ readable: 0 }))).toEqual([{ kind: 'unreadable', items: 9 }]);
    expect(healthProblems(health({ expected: false, errors: ['readEntry'] }))).toEqual([
      { kind: 'errors', parts: ['readEntry'] },
    ]);
  });

  it('keeps the last report per site, and the toolbar says which sites need attention', async () => {
    await h()['site/health'](health({ items: 0, readable: 0 }), { ...ctx, sender: { url: 'https://x.com/a' } });
    expect(fx.attention.at(-1)).toEqual(['X']);
    expect(await h()['health/list']({}, ctx)).toMatchObject({ x: { items: 0 } });
    await h()['site/health'](health(), { ...ctx, sender: { url: 'https://x.com/a' } });
    expect(fx.attention.at(-1)).toEqual([]);
    await h()['data/clear']({ confirm: 'delete everything' }, ctx);
    expect(await h()['health/list']({}, ctx)).toEqual({});
  });

  it('is accepted from content scripts only, in its exact shape', async () => {
    const route = createRouter(() => h(), routerOptions);
    expect(await route({ type: 'site/health', payload: health() }, contentSender)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'site/health', payload: health() }, popupSender)).toMatchObject({ ok: false });
    const bad = { ...health(), items: -1 };
    expect(await route({ type: 'site/health', payload: bad }, contentSender)).toMatchObject({ ok: false });
  });
});

describe('a guarded adapter', () => {
  it('turns a throw into nothing, and names the function that threw', () => {
    const errors = new Set<string>();
    const broken = guardAdapter(
      {
        ...xAdapter,
        readEntry: () => {
          throw new TypeError('markup changed');
        },
      },
      errors,
    );
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(broken.readEntry({} as Element, { url: new URL('https://x.com/'), memo: new Map() })).toBeNull();
    }
    finally {
      console.warn = warn;
    }
    expect([...errors]).toEqual(['readEntry']);
    expect(broken.scansPage(new URL('https://x.com/a/status/1'))).toBe(true);
  });
});
