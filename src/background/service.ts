import { t } from '../core/i18n';
import { makeBackup } from '../core/backup';
import { parseHandleInput } from '../core/handles';
import { MAX_INSTANCES, parseInstanceHost } from '../core/instances';
import { needsAttention } from '../core/health';
import { parseShortcut, validateTrigger } from '../core/picker';
import { validateSnippetDraft } from '../core/snippets';
import { answer, answerBySnippet, dismiss, mergeScanned, reopen, snooze, wake } from '../core/status';
import type { Item, ItemStatus, Settings, SiteId, Snippet } from '../core/types';
import { DEFAULT_SETTINGS, itemKey, SITE_IDS, SITE_NAMES } from '../core/types';
import { SITES } from '../core/sites';
import { type InsertResult, type ItemAction, scannedItem, type SnippetDraft } from '../shared/protocol';
import type { BackgroundHandlers } from '../shared/router';
import { type ReplylineDb, readSettings, SETTINGS_KEY, statusRange, writeSettings } from './db';

/** What the background needs from the browser, injected so that the logic runs in Node tests. */
export interface BackgroundEffects {
  now(): number;
  newId(): string;
  /** Pending count changed: the toolbar badge shows it. */
  /** The toolbar: how many wait, and the sites whose last page needs attention (their names). */
  setPendingCount(count: number, attention: string[]): Promise<void> | void;
  /** Statuses changed: tabs showing these items redraw their badges. */
  broadcastStatuses(statuses: Record<string, ItemStatus>): Promise<void> | void;
  /** Settings changed in a way that makes pages judge again (an owner handle). */
  broadcastRefresh(): Promise<void> | void;
  /** The next time a snoozed item wakes (null: none). */
  scheduleWake(at: number | null): Promise<void> | void;
  openUrl(url: string): Promise<void>;
  openOptions(): Promise<void>;
  insertIntoActiveTab(body: string): Promise<InsertResult>;
  /** Whether a URL belongs to a site Replyline ships with (a Mastodon instance the user added is not one). */
  isSiteUrl(url: string): boolean;
  /** Whether the browser grants access to an instance's pages (the user allowed it and has not withdrawn it). */
  instanceAccess(host: string): Promise<boolean>;
  /** Registers the content script on each of these hosts that has access, and unregisters every other of ours. */
  syncInstances(hosts: readonly string[]): Promise<void>;
  /** Gives an instance's access back to the browser. */
  withdrawInstance(host: string): Promise<void>;
  /** The selectors a site's adapter ships with, by name. */
  defaultSelectors(site: SiteId): Readonly<Record<string, string>>;
}

export function createService(db: ReplylineDb, fx: BackgroundEffects) {
  async function pendingCount(): Promise<number> {
    return db.countFromIndex('items', 'by-status-sort', statusRange('pending'));
  }

  async function refreshToolbar(): Promise<void> {
    const attention = (await db.getAll('health')).filter(needsAttention).map((h) => SITE_NAMES[h.site]);
    await fx.setPendingCount(await pendingCount(), attention);
  }

  /**
   * Side work after a commit (the toolbar count, telling open tabs, the wake alarm) runs after the
   * answer, gathered over one turn: a commit's answer never waits for it, and a worker stopped
   * before it ran loses nothing that matters (at its next start the count is read again and every
   * tab asks again for its statuses).
   */
  let unsent: Record<string, ItemStatus> = {};
  let countChanged = false;
  let sideWork: Promise<void> | null = null;
  function afterChange(changed: Item[], alsoTell: Item[] = []): void {
    if (changed.length === 0 && alsoTell.length === 0) return;
    for (const item of [...changed, ...alsoTell]) unsent[item.key] = item.status;
    if (changed.length > 0) countChanged = true;
    sideWork ??= runSideWork();
  }

  /** One runner at a time: what changes while it works is taken in its next round. */
  async function runSideWork(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    try {
      while (countChanged || Object.keys(unsent).length > 0) {
        const statuses = unsent;
        const recount = countChanged;
        unsent = {};
        countChanged = false;
        if (recount) {
          await refreshToolbar();
          // A snooze set, changed or ended moves the next wake-up.
          await rescheduleWake();
        }
        if (Object.keys(statuses).length > 0) await fx.broadcastStatuses(statuses);
      }
    }
    catch (error) {
      console.error('Replyline: after a change', error);
    }
    finally {
      sideWork = null;
    }
  }

  /** After an import or a clear: the count, the pages and the alarms follow the new data. */
  async function afterBulkChange(): Promise<void> {
    await refreshToolbar();
    await fx.broadcastRefresh();
    await rescheduleWake();
  }

  async function rescheduleWake(): Promise<void> {
    const cursor = await db.transaction('items').store.index('by-snooze').openCursor();
    await fx.scheduleWake(cursor?.value.snoozeUntil ?? null);
  }

  /** Snoozed items whose time has come go back to pending. */
  async function wakeDue(): Promise<Item[]> {
    const now = fx.now();
    const tx = db.transaction('items', 'readwrite');
    const woken: Item[] = [];
    let cursor = await tx.store.index('by-snooze').openCursor(IDBKeyRange.upperBound(now));
    while (cursor) {
      const next = wake(cursor.value, now);
      if (next !== cursor.value) {
        await cursor.update(next);
        woken.push(next);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    afterChange(woken);
    await rescheduleWake();
    return woken;
  }

  /**
   * Applies a user's action to one item. Idempotent: the same action again changes nothing, and its
   * result is told to every tab all the same, so an action retried after a lost answer still
   * reaches the badges.
   */
  async function updateItem(key: string, change: (item: Item, now: number) => Item): Promise<Item | null> {
    const tx = db.transaction('items', 'readwrite');
    const item = await tx.store.get(key);
    if (!item) {
      await tx.done;
      return null;
    }
    const next = change(item, fx.now());
    if (next !== item) await tx.store.put(next);
    await tx.done;
    if (next !== item) afterChange([next]);
    else afterChange([], [next]);
    return next;
  }

  function applyAction(item: Item, action: ItemAction, now: number): Item {
    switch (action.action) {
      case 'answer':
        return answer(item, 'manual', now);
      case 'dismiss':
        return dismiss(item, now);
      case 'reopen':
        return reopen(item, now);
      case 'snooze':
        return snooze(item, action.until, now);
    }
  }

  /** Reads the settings, writes `change(settings)`, and returns what was written. */
  async function changeSettings(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = change(await readSettings(db));
    await writeSettings(db, next);
    instanceHosts = null;
    return next;
  }

  /** The Mastodon hosts the user added, kept while the worker lives (every settings write resets it). */
  let instanceHosts: Promise<Set<string>> | null = null;
  function knownInstances(): Promise<Set<string>> {
    instanceHosts ??= readSettings(db).then((s) => new Set(s.mastodonHosts));
    return instanceHosts;
  }

  /** Whether a page is one Replyline runs on: a built-in site's, or an instance the user added. */
  async function isContentUrl(url: string): Promise<boolean> {
    if (fx.isSiteUrl(url)) return true;
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' && (await knownInstances()).has(parsed.hostname);
    }
    catch {
      return false;
    }
  }

  /** After the list of instances changed some other way (an import, a clear): scripts and access follow. */
  async function afterInstancesReplaced(before: readonly string[]): Promise<void> {
    instanceHosts = null;
    const after = (await readSettings(db)).mastodonHosts;
    for (const host of before.filter((h) => !after.includes(h))) await fx.withdrawInstance(host);
    await fx.syncInstances(after);
  }

  /** Why a host is not one the user may add as an instance (null when it is one). */
  function instanceHostProblem(host: string): string | null {
    if (parseInstanceHost(host) !== host) return t('instanceInvalid');
    if (fx.isSiteUrl(`https://${host}/`)) return t('instanceBuiltIn', host);
    return null;
  }

  /** A settings change that makes open pages judge again (handles, sites, picker, selectors). */
  async function changeSettingsAndRefresh(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = await changeSettings(change);
    await fx.broadcastRefresh();
    return next;
  }

  function withAccount(settings: Settings, site: SiteId, patch: { detected?: string | null; manual?: string | null }) {
    const account = { detected: null, manual: null, ...settings.accounts[site], ...patch };
    return { ...settings, accounts: { ...settings.accounts, [site]: account } };
  }

  function snippetFrom(draft: SnippetDraft, existing: Snippet | undefined, now: number): Snippet {
    const problem = validateSnippetDraft(draft);
    if (problem) throw new RangeError(problem);
    return {
      id: existing?.id ?? fx.newId(),
      title: draft.title.trim(),
      body: draft.body,
      tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
      shortcut: draft.shortcut.trim(),
      uses: existing?.uses ?? 0,
      lastUsedAt: existing?.lastUsedAt ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
  }

  async function saveSnippet(draft: SnippetDraft): Promise<Snippet> {
    const tx = db.transaction('snippets', 'readwrite');
    const existing = draft.id ? await tx.store.get(draft.id) : undefined;
    if (draft.id && !existing) throw new RangeError(t('snippetGone'));
    const snippet = snippetFrom(draft, existing, fx.now());
    await tx.store.put(snippet);
    await tx.done;
    return snippet;
  }

  async function importSnippets(drafts: SnippetDraft[]): Promise<{ added: number; skipped: number }> {
    const now = fx.now();
    // Every row is checked before anything is written: one bad row and nothing is added.
    const fresh = drafts.map((draft, row) => {
      try {
        return snippetFrom({ ...draft, id: null }, undefined, now);
      }
      catch (error) {
        throw new RangeError(t('snippetRowProblem', row + 1, (error as Error).message), { cause: error });
      }
    });
    const tx = db.transaction('snippets', 'readwrite');
    const seen = new Set((await tx.store.getAll()).map((s) => `${s.title}\u0000${s.body}`));
    let added = 0;
    for (const snippet of fresh) {
      const key = `${snippet.title}\u0000${snippet.body}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await tx.store.put(snippet);
      added++;
    }
    await tx.done;
    return { added, skipped: fresh.length - added };
  }

  async function markSnippetUsed(id: string): Promise<void> {
    const tx = db.transaction('snippets', 'readwrite');
    const snippet = await tx.store.get(id);
    if (snippet) await tx.store.put({ ...snippet, uses: snippet.uses + 1, lastUsedAt: fx.now() });
    await tx.done;
  }

  const handlers: BackgroundHandlers = {
    async 'page/hello'({ site }) {
      const settings = await readSettings(db);
      const account = settings.accounts[site];
      return {
        owner: account?.manual || account?.detected || null,
        enabled: !settings.disabledSites.includes(site),
        selectors: settings.selectorOverrides[site] ?? {},
        trigger: settings.trigger,
        pickerShortcut: settings.pickerShortcut,
      };
    },

    async 'owner/detected'({ site, handle }) {
      const parsed = parseHandleInput(handle, SITES[site].fullAddresses);
      if (!parsed) throw new RangeError(t('notAHandle'));
      const settings = await readSettings(db);
      if (settings.accounts[site]?.detected === parsed) return null;
      await changeSettings((s) => withAccount(s, site, { detected: parsed }));
      return null;
    },

    async 'site/health'(health) {
      // The router takes this from content scripts on supported sites only (BACKGROUND_MESSAGES).
      const before = await db.get('health', health.site);
      await db.put('health', health);
      if (needsAttention(before) !== needsAttention(health)) await refreshToolbar();
      return null;
    },

    async 'health/list'() {
      const all = await db.getAll('health');
      return Object.fromEntries(all.map((h) => [h.site, h]));
    },

    async 'items/report'({ site, items }) {
      const now = fx.now();
      // Each item is checked on its own: one that fails costs that item, not the report.
      const valid = items.filter((scanned) => scannedItem(scanned) && scanned.site === site);
      const tx = db.transaction('items', 'readwrite');
      const changed: Item[] = [];
      const statuses: Record<string, ItemStatus> = {};
      // Reads first, all at once, then the writes: one round trip each instead of one per item.
      const keys = valid.map((scanned) => itemKey(site, scanned.id));
      const existing = await Promise.all(keys.map((key) => tx.store.get(key)));
      const merged = new Map<string, Item>();
      valid.forEach((scanned, i) => {
        const key = keys[i]!;
        const before = merged.get(key) ?? existing[i];
        const next = mergeScanned(before, scanned, now);
        merged.set(key, next);
        statuses[key] = next.status;
        if (!before || before.status !== next.status) changed.push(next);
      });
      await Promise.all([...merged.values()].map((item) => tx.store.put(item)));
      await tx.done;
      afterChange(changed);
      return { statuses, refused: items.length - valid.length };
    },

    async 'items/statuses'({ keys }) {
      const tx = db.transaction('items');
      const found = await Promise.all(keys.map((key) => tx.store.get(key)));
      await tx.done;
      return Object.fromEntries(found.flatMap((item) => (item ? [[item.key, item.status]] : [])));
    },

    async 'items/list'({ statuses }) {
      const tx = db.transaction('items');
      const lists = await Promise.all(
        statuses.map((s) => tx.store.index('by-status-sort').getAll(statusRange(s))),
      );
      return lists.flat().sort((a, b) => a.sortAt - b.sortAt);
    },

    async 'items/act'(req) {
      return updateItem(req.key, (item, now) => applyAction(item, req, now));
    },

    async 'items/actMany'(req) {
      const now = fx.now();
      if (req.action === 'snooze' && req.until <= now) throw new RangeError(t('snoozeInPast'));
      const tx = db.transaction('items', 'readwrite');
      const changed: Item[] = [];
      const unchanged: Item[] = [];
      for (const key of req.keys) {
        const item = await tx.store.get(key);
        if (!item) continue;
        const next = applyAction(item, req, now);
        if (next !== item) {
          await tx.store.put(next);
          changed.push(next);
        }
        else unchanged.push(next);
      }
      await tx.done;
      afterChange(changed, unchanged);
      return changed.length;
    },

    async 'items/sent'({ key }) {
      return updateItem(key, answerBySnippet);
    },

    'items/get': async ({ key }) => (await db.get('items', key)) ?? null,

    'settings/get': () => readSettings(db),

    async 'settings/setPicker'({ trigger, pickerShortcut }) {
      const problem = validateTrigger(trigger.trim());
      if (problem) throw new RangeError(problem);
      if (!parseShortcut(pickerShortcut)) {
        throw new RangeError(t('shortcutForm'));
      }
      const picker = { trigger: trigger.trim(), pickerShortcut: pickerShortcut.trim() };
      return changeSettingsAndRefresh((s) => ({ ...s, ...picker }));
    },

    'settings/setSites': ({ disabledSites }) =>
      changeSettingsAndRefresh((s) => ({ ...s, disabledSites: SITE_IDS.filter((id) => disabledSites.includes(id)) })),

    async 'settings/setSelectors'({ site, overrides }) {
      const defaults = fx.defaultSelectors(site);
      const kept: Record<string, string> = {};
      for (const [name, css] of Object.entries(overrides)) {
        if (!(name in defaults)) throw new RangeError(t('unknownSelector', name));
        // Empty or the default itself: no override.
        if (css.trim() && css.trim() !== defaults[name]) kept[name] = css.trim();
      }
      return changeSettingsAndRefresh((s) => {
        const selectorOverrides = { ...s.selectorOverrides, [site]: kept };
        if (Object.keys(kept).length === 0) delete selectorOverrides[site];
        return { ...s, selectorOverrides };
      });
    },

    async 'settings/setOwner'({ site, handle }) {
      const manual = handle === null || handle.trim() === '' ? null : parseHandleInput(handle, SITES[site].fullAddresses);
      if (handle && handle.trim() !== '' && !manual) {
        throw new RangeError(t(SITES[site].fullAddresses ? 'handleFormMastodon' : 'handleForm'));
      }
      return changeSettingsAndRefresh((s) => withAccount(s, site, { manual }));
    },

    async 'snippets/list'() {
      const all = await db.getAll('snippets');
      return all.sort((a, b) => b.uses - a.uses || a.title.localeCompare(b.title));
    },

    'snippets/save': saveSnippet,

    'snippets/import': ({ drafts }) => importSnippets(drafts),

    async 'snippets/delete'({ id }) {
      await db.delete('snippets', id);
      return null;
    },

    async 'snippets/used'({ id }) {
      await markSnippetUsed(id);
      return null;
    },

    async 'tabs/open'({ url }) {
      if (!(await isContentUrl(url))) throw new RangeError(t('onlySupportedPages'));
      await fx.openUrl(url);
      return null;
    },

    async 'data/export'() {
      const tx = db.transaction(['items', 'snippets', 'settings']);
      const [items, snippets] = await Promise.all([tx.objectStore('items').getAll(), tx.objectStore('snippets').getAll()]);
      const stored = await tx.objectStore('settings').get(SETTINGS_KEY);
      await tx.done;
      return makeBackup({ items, snippets, settings: { ...DEFAULT_SETTINGS, ...stored } }, new Date(fx.now()));
    },

    async 'data/imported'({ hostsBefore }) {
      // The Options page wrote the import in one transaction (importer.ts); the worker follows it. Only
      // hosts that can be instances are ever given back: never a built-in site's access.
      await afterInstancesReplaced(hostsBefore.filter((host) => !instanceHostProblem(host)));
      await afterBulkChange();
      return null;
    },

    async 'data/clear'() {
      const hostsBefore = (await readSettings(db)).mastodonHosts;
      const tx = db.transaction(['items', 'snippets', 'settings', 'health'], 'readwrite');
      await Promise.all([
        tx.objectStore('items').clear(),
        tx.objectStore('snippets').clear(),
        tx.objectStore('settings').clear(),
        tx.objectStore('health').clear(),
      ]);
      await tx.done;
      await afterInstancesReplaced(hostsBefore);
      await afterBulkChange();
      return null;
    },

    async 'options/open'() {
      await fx.openOptions();
      return null;
    },

    async 'instances/list'() {
      const { mastodonHosts } = await readSettings(db);
      return Promise.all(mastodonHosts.map(async (host) => ({ host, access: await fx.instanceAccess(host) })));
    },

    async 'instances/add'({ host }) {
      const problem = instanceHostProblem(host);
      if (problem) throw new RangeError(problem);
      // The options page asked the browser for access first (a permission prompt needs the user's click).
      if (!(await fx.instanceAccess(host))) throw new RangeError(t('instanceNoAccess', host));
      const current = await readSettings(db);
      if (!current.mastodonHosts.includes(host) && current.mastodonHosts.length >= MAX_INSTANCES) {
        throw new RangeError(t('instanceLimit', MAX_INSTANCES));
      }
      const next = current.mastodonHosts.includes(host)
        ? current
        : await changeSettings((s) => ({ ...s, mastodonHosts: [...s.mastodonHosts.filter((h) => h !== host), host] }));
      await fx.syncInstances(next.mastodonHosts);
      return next;
    },

    async 'instances/remove'({ host }) {
      const next = await changeSettings((s) => ({ ...s, mastodonHosts: s.mastodonHosts.filter((h) => h !== host) }));
      await fx.syncInstances(next.mastodonHosts);
      // Only a host the user added is ever given back: a built-in site's access is the manifest's.
      if (!instanceHostProblem(host)) await fx.withdrawInstance(host);
      return next;
    },

    async 'tabs/insert'({ snippetId }) {
      const snippet = await db.get('snippets', snippetId);
      if (!snippet) throw new RangeError(t('snippetGone'));
      const result = await fx.insertIntoActiveTab(snippet.body);
      if (result.ok) await markSnippetUsed(snippetId);
      return result;
    },
  };

  return {
    handlers,
    pendingCount,
    wakeDue,
    isContentUrl,
    /** The Mastodon hosts the user added. */
    instanceHosts: async () => [...(await knownInstances())],
    /** At start and whenever the browser's permissions change: scripts run where access is granted. */
    async syncInstances() {
      await fx.syncInstances((await readSettings(db)).mastodonHosts);
    },
    async refreshBadge() {
      await refreshToolbar();
    },
    /** Resolves once the side work of the changes so far (count, tabs, alarm) has run. */
    async settled() {
      while (sideWork) await sideWork;
    },
  };
}

export type Service = ReturnType<typeof createService>;
