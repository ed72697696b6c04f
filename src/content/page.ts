/**
 * One page session of the content script: the parts (page state, scanner, reporter, badges,
 * composers, health, inline picker) share one context whose signal ends with the session, so
 * stop() leaves no listener, observer or timer behind.
 */
import type { ItemStatus } from '../core/types';
import type { InsertResult } from '../shared/protocol';
import { guardAdapter } from '../sites/guard';
import type { SiteAdapter } from '../sites/types';
import { type BadgeLayer, createBadgeLayer } from './badge-layer';
import { createComposers } from './composers';
import type { PageContext, Send } from './context';
import { showNotice } from './notice';
import { createPageHealth } from './page-health';
import { createPageState, type PageStateStore } from './page-state';
import { createReporter } from './reporter';
import { createScanner } from './scanner';
import { startPicker } from './picker-watch';
import type { ContentTools } from './tools-api';
import { requestTools, toolsLoader } from './tools-loader';

export type { Send };

interface Parts {
  tools: () => Promise<ContentTools>;
  /** The user went into a comment box (the picker, once started, makes itself ready). */
  composerFocused: () => void;
}

function createParts(ctx: PageContext, state: PageStateStore, errors: Set<string>, parts: Parts) {
  const owner = () => state.get().owner;
  const enabled = () => state.get().enabled;
  // The badge layer and the composers need each other: a badge's menu replies through the composers.
  const replyWith: Parameters<typeof createBadgeLayer>[1] = (el, snippet) => void composers.replyWith(el, snippet);
  const badges: BadgeLayer = createBadgeLayer(ctx, replyWith, () => reporter.expecting());
  const stored = (key: string, status: ItemStatus) => badges.apply({ [key]: status });
  const composers = createComposers(ctx, { badges, owner, stored, ...parts });
  const health = createPageHealth(ctx, { enabled, owner, errors });
  const reporter = createReporter(ctx, {
    answered(batch, result) {
      health.refused(result.refused);
      void badges.draw(batch, result.statuses, result.by);
    },
  });
  const scanner = createScanner(ctx, {
    badges,
    reporter,
    health,
    enabled,
    owner,
    beforeBatch: () => void state.checkOwner(() => scanner.rescan(true)),
    navigated: () => composers.forgetTarget(),
  });
  return { badges, composers, health, reporter, scanner };
}

/**
 * `loadTools` gives the tools (the worker injects their script, by default; a test hands them over).
 */
export function startContent(
  siteAdapter: SiteAdapter,
  doc: Document,
  send: Send,
  loadTools = () => requestTools(send),
) {
  const session = new AbortController();
  const errors = new Set<string>();
  const ctx: PageContext = {
    doc,
    win: doc.defaultView ?? window,
    adapter: guardAdapter(siteAdapter, errors),
    send,
    notify: (message, tone = 'info') => showNotice(doc, message, tone),
    signal: session.signal,
  };
  const state = createPageState(ctx, siteAdapter, errors);
  const tools = toolsLoader(loadTools, (message) => ctx.notify(message, 'error'));
  let picker: ReturnType<typeof startPicker> | null = null;
  const composerFocused = () => picker?.preload();
  const { badges, composers, health, reporter, scanner } = createParts(ctx, state, errors, { tools, composerFocused });

  /** The worker (re)started or the tab came back into view: unsent reports go, and badges follow the log. */
  const resync = () => reporter.resync(badges.keys(), badges.apply);

  return {
    async start() {
      await state.hello();
      // The owner the page shows already is known before the first reading (else every item is read twice).
      await state.checkOwner(() => undefined);
      ctx.adapter.prepare?.(doc);
      scanner.watch();
      health.schedule();
      picker = startPicker(ctx, state, composers, tools);
      // Back in view: badges are checked against the log (a change may have been told while the worker was away).
      const onVisible = () => void (doc.visibilityState === 'visible' && resync().catch(() => null));
      doc.addEventListener('visibilitychange', onVisible, { signal: session.signal });
    },
    applyStatuses: badges.apply,
    resync,
    /** Settings changed: read them again, and judge the page anew where what matters changed. */
    async refresh() {
      state.recheckOwner();
      const before = state.get();
      const itemsChanged = await state.hello();
      // Found under another owner, or on a site now turned off: judged again, or not at all.
      const judgedAnew = state.get().owner !== before.owner || !state.get().enabled;
      // A new item selector (an override) needs a watcher that looks for it.
      if (itemsChanged) {
        if (judgedAnew) reporter.clear();
        badges.forgetAll();
        if (state.get().enabled) scanner.watch();
      }
      else scanner.rescan(judgedAnew);
      health.schedule();
    },
    insertFromPopup: (body: string): Promise<InsertResult> => composers.insertFromPopup(body),
    /** Ends the session: every listener, observer and timer of its parts goes with it, and its badges. */
    stop() {
      session.abort();
      badges.forgetAll();
    },
  };
}
