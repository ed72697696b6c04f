/**
 * Site health: what the adapter found on this page, reported to the background for the popup, once
 * early and once when late parts came, after each load or change of address.
 */
import type { PageHealth } from '../core/health';
import { later, type PageContext } from './context';

/** When a page's health is measured after it loads or the address changes. */
const HEALTH_CHECKS = [6_000, 20_000];

export interface HealthDeps {
  enabled(): boolean;
  owner(): string | null;
  /** Adapter functions that threw, and selector overrides that were refused. */
  errors: Set<string>;
}

export function createPageHealth(ctx: PageContext, deps: HealthDeps) {
  const { adapter, doc, win } = ctx;
  let seen = { readable: new Set<string>(), relevant: new Set<string>(), unrelated: new Set<string>(), refused: 0 };
  /** Each page's checks belong to its round: a new page makes the old checks do nothing. */
  let round = 0;

  function measure(): PageHealth {
    const url = new URL(win.location.href);
    const expected = deps.enabled() && adapter.scansPage(url) && !!adapter.expectsItems(url, doc);
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
      unrelated: seen.unrelated.size,
      ownerKnown: deps.owner() !== null,
      composerFound: !!doc.querySelector(adapter.composerSelector),
      missing,
      errors: [...deps.errors].slice(0, 20),
    };
  }

  return {
    /** Counts what this page yields: read, addressed to the owner, refused by the log. */
    readable: (id: string) => void seen.readable.add(id),
    relevant: (id: string) => void seen.relevant.add(id),
    /** An item whose relations the page did not show (see PageEntry.unrelated). */
    unrelated: (id: string) => void seen.unrelated.add(id),
    refused: (count: number) => void (seen.refused += count),
    /** A new page (or settings): counting starts again, and health is sent after each check delay. */
    schedule() {
      const mine = ++round;
      seen = { readable: new Set(), relevant: new Set(), unrelated: new Set(), refused: 0 };
      for (const delay of HEALTH_CHECKS) {
        later(ctx.signal, delay, () => {
          if (mine === round && deps.enabled()) void ctx.send('site/health', measure()).catch(() => null);
        });
      }
    },
  };
}
