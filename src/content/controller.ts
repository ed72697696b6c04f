import { t } from '../shared/i18n';
import type { PageHealth } from '../core/health';
import { judgeEntry } from '../core/relevance';
import { expandTemplate } from '../core/snippets';
import type { ItemStatus, ScannedItem, Snippet } from '../core/types';
import { DEFAULT_SETTINGS, itemKey, SITE_NAMES } from '../core/types';
import type { BackgroundProtocol, BackgroundType, InsertResult, ReportResult, Req, Res } from '../shared/protocol';
import { guardAdapter } from '../sites/guard';
import { applySelectorOverrides, isValidSelector, type SiteAdapter } from '../sites/types';
import { type Badge, createBadge } from './badge';
import {
  contentOf,
  copyToClipboard,
  deepActiveElement,
  editableRoot,
  insertText,
  isEditable,
  squash,
} from './insert';
import { startInlinePicker } from './inline';
import { showNotice } from './notice';
import { watchItems, yieldToPage } from './watcher';

export type Send = <K extends BackgroundType>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
) => Promise<Res<BackgroundProtocol, K>>;

interface Tracked {
  key: string;
  item: ScannedItem;
  badge: Badge | null;
}

/** How long a click on an item's reply button makes it the target of the next insertion. */
const TARGET_TTL = 15 * 60_000;
/** How long after a send click the composer has to clear for the reply to count as sent. */
const SEND_WINDOW = 10_000;

/** How long badge drawing may hold the page before it yields. */
const DRAW_SLICE_MS = 8;

/** Items in one report to the worker. */
const REPORT_BATCH = 200;
/** Statuses asked for in one message when the badges are drawn again from the log. */
const STATUS_BATCH = 2000;
/** A report that found no worker is sent again after this, doubling up to the maximum. */
const REPORT_RETRY_MS = 500;
const REPORT_RETRY_MAX_MS = 30_000;

/** When a page's health is measured after it loads or the address changes: once early, once when late parts came. */
const HEALTH_CHECKS = [6_000, 20_000];

export function startContent(siteAdapter: SiteAdapter, doc: Document, send: Send) {
  const adapterErrors = new Set<string>();
  const adapter = guardAdapter(siteAdapter, adapterErrors);
  const win = doc.defaultView ?? window;
  let controller = new AbortController();
  let owner: string | null = null;
  let enabled = true;
  let pickerSettings = { trigger: DEFAULT_SETTINGS.trigger, pickerShortcut: DEFAULT_SETTINGS.pickerShortcut };
  const lifetime = new AbortController();
  let lastUrl = win.location.href;
  let ownerChecked = false;
  const tracked = new Map<Element, Tracked>();
  let lastComposer: HTMLElement | null = null;
  let savedRange: Range | null = null;
  let replyTarget: { el: Element; at: number } | null = null;
  let stopSendWatch: (() => void) | null = null;

  const report = (message: string, tone: 'info' | 'error' = 'info') => showNotice(doc, message, tone);

  async function hello(): Promise<boolean> {
    const state = await send('page/hello', { site: adapter.id });
    const itemSelector = adapter.itemSelector;
    for (const name of applySelectorOverrides(siteAdapter, state.selectors, (css) => isValidSelector(css, doc))) {
      adapterErrors.add(`override:${name}`.slice(0, 40));
    }
    owner = state.owner;
    enabled = state.enabled;
    pickerSettings = { trigger: state.trigger, pickerShortcut: state.pickerShortcut };
    return adapter.itemSelector !== itemSelector;
  }

  async function checkOwner() {
    if (ownerChecked) return;
    const detected = adapter.detectOwner(doc);
    if (!detected) return;
    ownerChecked = true;
    await send('owner/detected', { site: adapter.id, handle: detected });
    const before = owner;
    await hello();
    if (owner !== before) rescanAll(true);
  }

  function drawBadge(el: Element, entry: Tracked, status: ItemStatus) {
    if (entry.badge?.host.isConnected) {
      entry.badge.update(status);
      return;
    }
    entry.badge?.destroy();
    const anchor = adapter.badgeAnchor(el);
    if (!anchor) return;
    const key = entry.key;
    // The answer is the stored item: the badge shows what was applied (a lost answer is asked again by send).
    const act = (payload: Req<BackgroundProtocol, 'items/act'>) =>
      void send('items/act', payload).then(
        (item) => item && showStored(item.key, item.status),
        (e: Error) => report(e.message, 'error'),
      );
    entry.badge = createBadge(doc, key, status, {
      answer: () => act({ key, action: 'answer' }),
      dismiss: () => act({ key, action: 'dismiss' }),
      reopen: () => act({ key, action: 'reopen' }),
      snooze: (until) => act({ key, action: 'snooze', until }),
      loadSnippets: () => send('snippets/list', {}),
      replyWith: (snippet) => void replyWithSnippet(el, snippet),
    });
    anchor.append(entry.badge.host);
  }

  function forget(el: Element) {
    tracked.get(el)?.badge?.destroy();
    tracked.delete(el);
  }

  function forgetAll() {
    for (const el of [...tracked.keys()]) forget(el);
  }

  async function judge(elements: Element[]) {
    if (!enabled) return;
    void checkOwner();
    const url = new URL(win.location.href);
    if (!adapter.scansPage(url)) return;
    const page = { url, memo: new Map<string, unknown>() };
    const all = new Set(elements);
    for (const el of elements) for (const related of adapter.relatedItems(el)) all.add(related);
    const found: [Element, ScannedItem][] = [];
    for (const el of all) {
      // A broken adapter never breaks the page (guarded): the item is left alone and health says so.
      const entry = adapter.readEntry(el, page);
      if (entry) seen.readable.add(entry.id);
      const verdict = entry ? judgeEntry(adapter.id, entry, owner) : null;
      if (verdict?.relevant) {
        seen.relevant.add(entry!.id);
        found.push([el, verdict.item]);
      }
      else if (entry) forget(el);
    }
    if (found.length > 0) queueReport(found);
  }

  // --- reporting: every relevant item reaches the log at least once ---

  /**
   * Found but not yet acknowledged by the worker, in the order found (the latest read of an element
   * wins). The worker may be stopped at any moment: an item stays here until a report holding it
   * was answered, however long that takes, even after its element left the page.
   */
  const outbox = new Map<Element, ScannedItem>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let flushing = false;
  let failedFlushes = 0;

  function queueReport(found: [Element, ScannedItem][]) {
    for (const [el, item] of found) {
      outbox.delete(el);
      outbox.set(el, item);
    }
    scheduleFlush(0);
  }

  function scheduleFlush(delay: number) {
    if (flushTimer !== null || flushing || outbox.size === 0 || lifetime.signal.aborted) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      void flushReports();
    }, delay);
  }

  /** Sends the outbox in reports of REPORT_BATCH; a failed one is sent again later, with backoff. */
  async function flushReports() {
    if (flushing) return;
    flushing = true;
    let retryIn: number | null = null;
    try {
      while (outbox.size > 0 && !lifetime.signal.aborted) {
        const batch: [Element, ScannedItem][] = [];
        for (const entry of outbox) {
          batch.push(entry);
          if (batch.length === REPORT_BATCH) break;
        }
        let result: ReportResult;
        try {
          result = await send('items/report', { site: adapter.id, items: batch.map(([, item]) => item) });
        }
        catch (error) {
          failedFlushes++;
          retryIn = Math.min(REPORT_RETRY_MAX_MS, REPORT_RETRY_MS * 2 ** (failedFlushes - 1));
          console.warn(`Replyline will send what it found again in ${retryIn} ms:`, (error as Error).message);
          return;
        }
        failedFlushes = 0;
        // Acknowledged (stored, or refused by the log's checks): only a newer read of the same element stays.
        for (const [el, item] of batch) if (outbox.get(el) === item) outbox.delete(el);
        seen.refused += result.refused;
        void drawAll(batch, result.statuses);
      }
    }
    finally {
      flushing = false;
      if (retryIn !== null) scheduleFlush(retryIn);
      else scheduleFlush(0);
    }
  }

  /**
   * The worker (re)started or the tab came back into view: what was not acknowledged goes out now,
   * and the badges shown are drawn again from what the log holds (a change told while the worker
   * was being stopped may never have arrived).
   */
  async function resync() {
    failedFlushes = 0;
    if (flushTimer !== null) {
      clearTimeout(flushTimer);
      flushTimer = null;
    }
    scheduleFlush(0);
    const keys = [...new Set([...tracked.values()].map((entry) => entry.key))];
    for (let i = 0; i < keys.length; i += STATUS_BATCH) {
      applyStatuses(await send('items/statuses', { keys: keys.slice(i, i + STATUS_BATCH) }));
    }
  }

  /** Badges are drawn from the log's answer, yielding to the page every few milliseconds. */
  async function drawAll(found: [Element, ScannedItem][], statuses: Record<string, ItemStatus>) {
    let start = performance.now();
    for (const [el, item] of found) {
      // Each badge is a shadow root with its style: yield to the page every few milliseconds.
      if (performance.now() - start > DRAW_SLICE_MS) {
        await yieldToPage();
        start = performance.now();
      }
      const key = itemKey(item.site, item.id);
      const status = statuses[key];
      if (!status || !el.isConnected) continue;
      const entry = tracked.get(el);
      if (entry && entry.key !== key) entry.badge?.destroy();
      const next: Tracked = entry && entry.key === key ? { ...entry, item } : { key, item, badge: null };
      tracked.set(el, next);
      drawBadge(el, next, status);
    }
  }

  function showStored(key: string, status: ItemStatus) {
    applyStatuses({ [key]: status });
  }

  function applyStatuses(statuses: Record<string, ItemStatus>) {
    for (const [el, entry] of tracked) {
      const status = statuses[entry.key];
      if (!status) continue;
      if (!el.isConnected) forget(el);
      else drawBadge(el, entry, status);
    }
  }

  let watcher: { rescan(): void } | null = null;
  function startWatching() {
    controller.abort();
    controller = new AbortController();
    watcher = watchItems({
      root: doc,
      itemSelector: adapter.itemSelector,
      signal: controller.signal,
      onBatch: noticeNavigation,
      onItems: (items) => judge(items).catch((e: Error) => console.warn('Replyline:', e.message)),
    });
  }

  /** Everything on the page is read again; what was found under another owner or setting is not sent. */
  function rescanAll(dropUnsent: boolean) {
    if (dropUnsent) outbox.clear();
    forgetAll();
    // Turned off in the options: the badges go and nothing is read until it is turned on again.
    if (enabled) watcher?.rescan();
  }

  /** Single-page sites change the address without a page load: what is on the page is judged anew. */
  function noticeNavigation() {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    replyTarget = null;
    // What the last page found and the worker has not acknowledged is still sent.
    rescanAll(false);
    scheduleHealth();
  }

  // --- site health: what the adapter found on this page, for the popup ---

  let seen = { readable: new Set<string>(), relevant: new Set<string>(), refused: 0 };
  let healthTimers: ReturnType<typeof setTimeout>[] = [];

  function measureHealth(): PageHealth {
    const url = new URL(win.location.href);
    const expected = enabled && adapter.scansPage(url) && !!adapter.expectsItems(url, doc);
    const missing = expected
      ? Object.entries(adapter.required).filter(([, selector]) => !doc.querySelector(selector)).map(([name]) => name)
      : [];
    return {
      site: adapter.id,
      path: url.pathname.slice(0, 2048) || '/',
      at: Date.now(),
      expected,
      items: doc.querySelectorAll(adapter.itemSelector).length,
      readable: seen.readable.size,
      relevant: seen.relevant.size,
      refused: seen.refused,
      ownerKnown: owner !== null,
      composerFound: !!doc.querySelector(adapter.composerSelector),
      missing,
      errors: [...adapterErrors].slice(0, 20),
    };
  }

  function scheduleHealth() {
    for (const timer of healthTimers) clearTimeout(timer);
    seen = { readable: new Set(), relevant: new Set(), refused: 0 };
    healthTimers = HEALTH_CHECKS.map((delay) =>
      setTimeout(() => {
        if (!enabled) return;
        void send('site/health', measureHealth()).catch(() => null);
      }, delay),
    );
  }

  // --- composers: which one the user is in, and which item it answers ---

  /** The site's comment box around an element, if it is in one. */
  function composerAround(el: Element | null): HTMLElement | null {
    if (!el || !isEditable(el)) return null;
    const root = editableRoot(el);
    return root.matches(adapter.composerSelector) || root.querySelector(adapter.composerSelector)
      ? root
      : null;
  }

  doc.addEventListener(
    'focusin',
    () => {
      const composer = composerAround(deepActiveElement(doc));
      if (composer) lastComposer = composer;
    },
    true,
  );
  doc.addEventListener('selectionchange', () => {
    const selection = doc.getSelection();
    if (!lastComposer || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (lastComposer.contains(range.startContainer)) savedRange = range.cloneRange();
  });
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      for (const el of tracked.keys()) {
        const button = adapter.replyButton(el);
        if (button?.contains(target)) {
          replyTarget = { el, at: Date.now() };
          return;
        }
      }
    },
    true,
  );

  /** The tracked item a composer answers: the one whose reply button was clicked last, else the one it belongs to. */
  function itemForComposer(composer: HTMLElement): Tracked | null {
    if (replyTarget && Date.now() - replyTarget.at < TARGET_TTL) {
      const own = adapter.composerFor(replyTarget.el, doc);
      if (!own || own === composer || own.contains(composer)) return tracked.get(replyTarget.el) ?? null;
    }
    for (const [el, entry] of tracked) {
      const own = adapter.composerFor(el, doc);
      if (own && (own === composer || own.contains(composer) || composer.contains(own))) return entry;
    }
    return null;
  }

  function waitFor<T>(find: () => T | null, ms: number): Promise<T | null> {
    return new Promise((resolve) => {
      const started = Date.now();
      const tick = () => {
        const found = find();
        if (found || Date.now() - started > ms) resolve(found);
        else setTimeout(tick, 50);
      };
      tick();
    });
  }

  /** After an insertion for an item, a send that empties the composer answers it. */
  function watchSend(composer: HTMLElement, key: string, text: string) {
    stopSendWatch?.();
    const squashed = squash(text);
    const holdsText = () => composer.isConnected && squash(contentOf(composer)).includes(squashed);
    let checking = false;
    const check = async () => {
      // Only a send of our text counts: the box must hold it when Enter or Send is pressed.
      if (checking || !holdsText()) return;
      checking = true;
      const sent = await waitFor(() => (holdsText() ? null : true), SEND_WINDOW);
      checking = false;
      if (!sent) return;
      stop();
      await send('items/sent', { key }).then(
        (item) => item && showStored(item.key, item.status),
        (e: Error) => report(e.message, 'error'),
      );
    };
    const onClick = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(adapter.sendButtonSelector)) void check();
    };
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Enter'
        && (event.ctrlKey || event.metaKey || (adapter.sendsOnEnter && !event.shiftKey))
        && composer.contains(event.target as Node)
      )
        void check();
    };
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    const timer = setTimeout(() => stop(), 30 * 60_000);
    const stop = () => {
      clearTimeout(timer);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      stopSendWatch = null;
    };
    stopSendWatch = stop;
  }

  /** A snippet with the variables of the person being answered filled in. */
  function expand(body: string, target: Tracked | null) {
    const person = target?.item.author ?? null;
    return expandTemplate(body, { person, site: adapter.id, myName: owner, now: new Date() });
  }

  async function insertInto(composer: HTMLElement, body: string, target: Tracked | null): Promise<InsertResult> {
    const expanded = expand(body, target);
    // Watched from before the text goes in: a send pressed the moment it appears still counts.
    if (target) watchSend(composer, target.key, expanded.text);
    const outcome = await insertText(composer, expanded.text, { cursor: expanded.cursor, saved: savedRange });
    if (!outcome.ok) {
      stopSendWatch?.();
      const copied = await copyToClipboard(doc, expanded.text);
      const reason = copied ? `${outcome.reason} ${t('replyOnClipboard')}` : outcome.reason;
      report(reason, 'error');
      return { ok: false, reason, copied };
    }
    const gaps = [...expanded.missing, ...expanded.unknown];
    if (gaps.length > 0) report(t('checkReply', gaps.map((g) => `{${g}}`).join(', ')));
    return { ok: true, itemKey: target?.key ?? null, missing: expanded.missing, unknown: expanded.unknown };
  }

  async function replyWithSnippet(el: Element, snippet: Snippet) {
    const entry = tracked.get(el);
    replyTarget = { el, at: Date.now() };
    let composer = adapter.composerFor(el, doc);
    if (!composer) {
      adapter.replyButton(el)?.click();
      composer = await waitFor(() => adapter.composerFor(el, doc), 4000);
    }
    if (!composer) {
      const copied = await copyToClipboard(doc, expand(snippet.body, entry ?? null).text);
      report(
        `${t('noReplyBox', SITE_NAMES[adapter.id])}${copied ? ` ${t('onClipboard')}` : ''}`,
        'error',
      );
      return;
    }
    lastComposer = composer;
    const result = await insertInto(composer, snippet.body, entry ?? null);
    if (result.ok) await send('snippets/used', { id: snippet.id }).catch(() => null);
  }

  /** Insertion asked for from the popup: into the focused comment box, or the last one used. */
  async function insertFromPopup(body: string): Promise<InsertResult> {
    // Whatever editable the user focused counts; else the site's comment box they used last.
    const focused = deepActiveElement(doc);
    const active = isEditable(focused) ? editableRoot(focused) : null;
    const composer = active ?? (lastComposer?.isConnected ? lastComposer : null);
    if (!composer) {
      const reason = t('clickBoxFirst');
      report(reason, 'error');
      return { ok: false, reason, copied: false };
    }
    return insertInto(composer, body, itemForComposer(composer));
  }

  return {
    async start() {
      await hello();
      startWatching();
      scheduleHealth();
      startInlinePicker(
        {
          doc,
          site: adapter.id,
          settings: () => (enabled ? pickerSettings : null),
          snippets: () => send('snippets/list', {}),
          targetOf: (composer) => {
            const target = itemForComposer(composer);
            return target ? { key: target.key, person: target.item.author } : null;
          },
          item: (key) => send('items/get', { key }),
          manage: () => void send('options/open', {}).catch((e: Error) => report(e.message, 'error')),
          insert: async (composer, body, snippetId) => {
            lastComposer = composer;
            const result = await insertInto(composer, body, itemForComposer(composer));
            if (result.ok) await send('snippets/used', { id: snippetId }).catch(() => null);
          },
        },
        lifetime.signal,
      );
      win.addEventListener('popstate', noticeNavigation);
      // Back in view: badges are checked against the log (a change may have been told while the worker was away).
      doc.addEventListener('visibilitychange', () => {
        if (doc.visibilityState === 'visible') void resync().catch(() => null);
      }, { signal: lifetime.signal });
      // YouTube announces its own navigations.
      doc.addEventListener('yt-navigate-finish', noticeNavigation);
    },
    applyStatuses,
    resync,
    async refresh() {
      ownerChecked = false;
      const before = { owner, enabled };
      const itemsChanged = await hello();
      // Found under another owner, or on a site now turned off: judged again, or not at all.
      const judgedAnew = owner !== before.owner || !enabled;
      // A new item selector (an override) needs a watcher that looks for it.
      if (itemsChanged) {
        if (judgedAnew) outbox.clear();
        forgetAll();
        if (enabled) startWatching();
      }
      else rescanAll(judgedAnew);
      scheduleHealth();
    },
    insertFromPopup,
    health: measureHealth,
    stop() {
      for (const timer of healthTimers) clearTimeout(timer);
      controller.abort();
      lifetime.abort();
      forgetAll();
    },
  };
}
