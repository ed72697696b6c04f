/**
 * Reading the page: the watcher hands over new items, the adapter reads their facts, the rules
 * judge them, and what waits for the owner goes to the reporter. Single-page navigation starts
 * the reading again.
 */
import { judgeEntry } from '../core/relevance';
import type { ScannedItem } from '../core/types';
import type { PageInfo, SiteAdapter } from '../sites/types';
import type { BadgeLayer } from './badge-layer';
import type { PageContext } from './context';
import type { Reporter } from './reporter';
import { watchItems } from './watcher';

export interface ScannerDeps {
  badges: BadgeLayer;
  reporter: Reporter;
  health: { readable(id: string): void; relevant(id: string): void; unrelated(id: string): void; schedule(): void };
  enabled(): boolean;
  owner(): string | null;
  /** Called before each batch is read: the signed-in account may be shown by now. */
  beforeBatch(): void;
  /** The address changed without a page load. */
  navigated(): void;
}

/**
 * One chunk of new items read: each item, then the items whose verdict it may change (the comments
 * it answers), each once. `page.memo` is this chunk's; `page.facts` the page state's.
 */
export function* readChunk(adapter: SiteAdapter, elements: Element[], page: PageInfo) {
  // An item the page took away since the batch was collected is not read: it would not be in the
  // page's index, which would then be built again for it (and it has no badge to show).
  const all = new Set(elements.filter((el) => el.isConnected));
  for (const el of [...all]) for (const related of adapter.relatedItems(el, page)) all.add(related);
  for (const el of all) if (el.isConnected) yield { el, entry: adapter.readEntry(el, page) };
}

export function createScanner(ctx: PageContext, deps: ScannerDeps) {
  const { adapter, win } = ctx;
  let watching = new AbortController();
  let watcher: { rescan(): void } | null = null;
  let lastUrl = win.location.href;

  /** What the adapter keeps for the page's state (new for each address and rescan); the watcher's batch in progress. */
  const kept = { url: '', facts: new Map<string, unknown>(), batch: {} };

  function judge(elements: Element[]) {
    if (!deps.enabled()) return;
    deps.beforeBatch();
    const url = new URL(win.location.href);
    if (!adapter.scansPage(url)) return;
    if (url.href !== kept.url) {
      kept.facts = new Map();
      kept.url = url.href;
    }
    const found: [Element, ScannedItem][] = [];
    const owner = deps.owner();
    const page = { url, memo: new Map(), facts: kept.facts, batch: kept.batch, owner };
    for (const { el, entry } of readChunk(adapter, elements, page)) {
      // A broken adapter never breaks the page (guarded): the item is left alone and health says so.
      if (!entry) continue;
      deps.health.readable(entry.id);
      if (entry.unrelated) deps.health.unrelated(entry.id);
      const verdict = judgeEntry(adapter.id, entry, owner);
      if (verdict.relevant) {
        deps.health.relevant(entry.id);
        found.push([el, verdict.item]);
      }
      else deps.badges.forget(el);
    }
    if (found.length > 0) deps.reporter.queue(found);
  }

  /** Single-page sites change the address without a page load: what is on the page is judged anew. */
  function noticeNavigation() {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    deps.navigated();
    // What the last page found and the worker has not acknowledged is still sent.
    rescan(false);
    deps.health.schedule();
  }

  /** Everything on the page is read again; what was found under another owner or setting is not sent. */
  function rescan(dropUnsent: boolean) {
    kept.facts = new Map();
    if (dropUnsent) deps.reporter.clear();
    deps.badges.forgetAll();
    // Turned off in the options: the badges go and nothing is read until it is turned on again.
    if (deps.enabled()) watcher?.rescan();
  }

  win.addEventListener('popstate', noticeNavigation, { signal: ctx.signal });
  for (const type of adapter.navigationEvents ?? []) {
    ctx.doc.addEventListener(type, noticeNavigation, { signal: ctx.signal });
  }

  return {
    /** Starts (or, for a new item selector, restarts) watching the page. */
    watch() {
      watching.abort();
      watching = new AbortController();
      ctx.signal.addEventListener('abort', () => watching.abort(), { signal: watching.signal });
      watcher = watchItems({
        root: ctx.doc,
        itemSelector: adapter.itemSelector,
        signal: watching.signal,
        onBatch: () => {
          kept.batch = {};
          noticeNavigation();
        },
        onItems: (items) => judge(items),
      });
    },
    rescan,
  };
}
