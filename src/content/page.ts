/**
 * One page session of the content script: the parts (scanner, reporter, badges, composers, health,
 * inline picker) share one context whose signal ends with the session, so stop() leaves no
 * listener, observer or timer behind.
 */
import { DEFAULT_SETTINGS } from '../core/types';
import type { InsertResult, PageState } from '../shared/protocol';
import { guardAdapter } from '../sites/guard';
import { applySelectorOverrides, isValidSelector, type SiteAdapter } from '../sites/types';
import { createBadgeLayer } from './badge-layer';
import { createComposers } from './composers';
import type { PageContext, Send } from './context';
import { startInlinePicker } from './inline';
import { showNotice } from './notice';
import { createPageHealth } from './page-health';
import { createReporter } from './reporter';
import { createScanner } from './scanner';

export type { Send };

export function startContent(siteAdapter: SiteAdapter, doc: Document, send: Send) {
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
  let state: PageState = {
    owner: null,
    enabled: true,
    selectors: {},
    trigger: DEFAULT_SETTINGS.trigger,
    pickerShortcut: DEFAULT_SETTINGS.pickerShortcut,
  };
  let ownerChecked = false;

  const badges = createBadgeLayer(ctx, (el, snippet) => void composers.replyWith(el, snippet));
  const composers = createComposers(ctx, {
    badges,
    owner: () => state.owner,
    stored: (key, status) => badges.apply({ [key]: status }),
  });
  const health = createPageHealth(ctx, { enabled: () => state.enabled, owner: () => state.owner, errors });
  const reporter = createReporter(ctx, {
    answered(batch, result) {
      health.refused(result.refused);
      void badges.draw(batch, result.statuses);
    },
  });
  const scanner = createScanner(ctx, {
    badges,
    reporter,
    health,
    enabled: () => state.enabled,
    owner: () => state.owner,
    beforeBatch: () => void checkOwner(),
    navigated: () => composers.forgetTarget(),
  });

  /** Asks the background how this site is set up; true when the item selector changed (an override). */
  async function hello(): Promise<boolean> {
    state = await send('page/hello', { site: ctx.adapter.id });
    const itemSelector = ctx.adapter.itemSelector;
    for (const name of applySelectorOverrides(siteAdapter, state.selectors, (css) => isValidSelector(css, doc))) {
      errors.add(`override:${name}`.slice(0, 40));
    }
    return ctx.adapter.itemSelector !== itemSelector;
  }

  /** Where the page shows who is signed in, the background learns it once; a new owner judges the page anew. */
  async function checkOwner() {
    if (ownerChecked) return;
    const detected = ctx.adapter.detectOwner(doc);
    if (!detected) return;
    ownerChecked = true;
    await send('owner/detected', { site: ctx.adapter.id, handle: detected });
    const before = state.owner;
    await hello();
    if (state.owner !== before) scanner.rescan(true);
  }

  /** The worker (re)started or the tab came back into view: unsent reports go, and badges follow the log. */
  const resync = () => reporter.resync(badges.keys(), badges.apply);

  return {
    async start() {
      await hello();
      scanner.watch();
      health.schedule();
      startInlinePicker(
        {
          doc,
          site: ctx.adapter.id,
          settings: () => (state.enabled ? state : null),
          snippets: () => send('snippets/list', {}),
          targetOf: (composer) => {
            const target = composers.itemFor(composer);
            return target ? { key: target.key, person: target.item.author } : null;
          },
          item: (key) => send('items/get', { key }),
          manage: () => void send('options/open', {}).catch((e: Error) => ctx.notify(e.message, 'error')),
          insert: composers.insertChosen,
        },
        session.signal,
      );
      // Back in view: badges are checked against the log (a change may have been told while the worker was away).
      doc.addEventListener(
        'visibilitychange',
        () => void (doc.visibilityState === 'visible' && resync().catch(() => null)),
        { signal: session.signal },
      );
    },
    applyStatuses: badges.apply,
    resync,
    /** Settings changed: read them again, and judge the page anew where what matters changed. */
    async refresh() {
      ownerChecked = false;
      const before = state;
      const itemsChanged = await hello();
      // Found under another owner, or on a site now turned off: judged again, or not at all.
      const judgedAnew = state.owner !== before.owner || !state.enabled;
      // A new item selector (an override) needs a watcher that looks for it.
      if (itemsChanged) {
        if (judgedAnew) reporter.clear();
        badges.forgetAll();
        if (state.enabled) scanner.watch();
      }
      else scanner.rescan(judgedAnew);
      health.schedule();
    },
    insertFromPopup: (body: string): Promise<InsertResult> => composers.insertFromPopup(body),
    health: health.measure,
    /** Ends the session: every listener, observer and timer of its parts goes with it, and its badges. */
    stop() {
      session.abort();
      badges.forgetAll();
    },
  };
}
