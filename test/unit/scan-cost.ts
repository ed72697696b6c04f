/**
 * What one scan of a page costs in DOM work, counted rather than timed: each query made
 * (querySelector, querySelectorAll, closest, matches) and each element a query hands back, plus
 * every entry of the repliedBy lists read. A scan that relates every item to every earlier one
 * shows up as work growing with the square of the items; a linear one doubles with them.
 */
import { readChunk } from '../../src/content/scanner';
import type { SiteAdapter } from '../../src/sites/types';

/** The watcher's chunk: what the content script hands the adapter at a time. */
const CHUNK = 25;

const METHODS = ['querySelector', 'querySelectorAll', 'closest', 'matches'] as const;

/** `owner`: the account judged for, as the content script tells the adapter (it may then relate less). */
export function scanCost(adapter: SiteAdapter, url: URL, root: ParentNode = document, owner?: string): number {
  let cost = 0;
  // Each method is patched once, where the DOM defines it (up the prototype chains of the node kinds).
  const saved: [Record<string, unknown>, string, unknown][] = [];
  const starts = [HTMLElement.prototype, Element.prototype, Document.prototype, DocumentFragment.prototype];
  for (const name of METHODS) {
    for (const start of starts) {
      let proto: object | null = start;
      while (proto && !Object.prototype.hasOwnProperty.call(proto, name)) {
        proto = Object.getPrototypeOf(proto) as object | null;
      }
      const owner = proto as Record<string, unknown> | null;
      if (!owner || saved.some(([o, n]) => o === owner && n === name)) continue;
      const original = owner[name];
      if (typeof original !== 'function') continue;
      saved.push([owner, name, original]);
      owner[name] = function (this: unknown, ...args: unknown[]) {
        cost += 1;
        const result = (original as (...a: unknown[]) => unknown).apply(this, args);
        if (result && typeof (result as { length?: unknown }).length === 'number') {
          cost += (result as { length: number }).length;
        }
        return result;
      };
    }
  }
  try {
    // As the content script reads one batch of new items: in chunks of 25, each with its own memo,
    // sharing the page's state (a whole-page index rebuilt per chunk shows as the square of the items).
    const items = Array.from(root.querySelectorAll(adapter.itemSelector));
    const facts = new Map<string, unknown>();
    const batch = {};
    // An item's repliers are counted at its first reading: the post a reply answers is read again
    // with each chunk holding one of its replies, and its list is the index's, not made again.
    const counted = new Set<Element>();
    for (let i = 0; i < items.length; i += CHUNK) {
      const page = { url, memo: new Map<string, unknown>(), facts, batch, owner };
      for (const { el, entry } of readChunk(adapter, items.slice(i, i + CHUNK), page)) {
        if (entry && !counted.has(el)) cost += entry.repliedBy.length;
        counted.add(el);
      }
    }
  }
  finally {
    for (const [proto, name, original] of saved.reverse()) proto[name] = original;
  }
  return cost;
}

/**
 * `count` copies of the markup `template` (a test's own fixture part) put at the end of `into`, each
 * made distinct by `vary` (given its number), parsed in one go: building a long page node by node
 * costs more than reading it.
 */
export function repeat(
  template: Element, into: Element, count: number, vary: (html: string, n: number) => string,
): void {
  const html = template.outerHTML;
  const copies: string[] = [];
  for (let n = 0; n < count; n++) copies.push(vary(html, n));
  into.insertAdjacentHTML('beforeend', copies.join(''));
}
