/**
 * What one scan of a page costs in DOM work, counted rather than timed: each query made
 * (querySelector, querySelectorAll, closest, matches) and each element a query hands back, plus
 * every entry of the repliedBy lists read. A scan that relates every item to every earlier one
 * shows up as work growing with the square of the items; a linear one doubles with them.
 */
import { expect } from 'vitest';
import { readChunk } from '../../src/content/scanner';
import type { ScannedItem } from '../../src/core/types';
import type { SiteAdapter } from '../../src/sites/types';
import { scanPage } from '../helpers';

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

/**
 * Twice the items, about twice the work: `cost` builds the page at a size and counts the work of
 * reading it (a reading that relates each item to every other one gives about four times).
 */
export function expectLinear(cost: (count: number) => number, count: number): void {
  const small = cost(count);
  const large = cost(2 * count);
  expect(large).toBeGreaterThan(small * 1.5);
  expect(large).toBeLessThan(small * 2.3);
}

/** What one copy of a page's part holds: items found waiting or answered, those answered, replies among them. */
interface PerCopy {
  found: number;
  answered: number;
  replies?: number;
}

/** Every copy of the page's part was read: `per` copy, so many items found, answered and replies. */
export function expectEveryCopy(items: ScannedItem[], copies: number, per: PerCopy): void {
  expect(items).toHaveLength(per.found * copies);
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  expect(items.filter((i) => i.ownerReplied)).toHaveLength(per.answered * copies);
  if (per.replies !== undefined) expect(items.filter((i) => i.kind === 'reply')).toHaveLength(per.replies * copies);
}

/**
 * The work of reading a page that holds `copies` of a part (what `per` says one holds), after
 * checking that every copy is read and related (`owner`: whom the page is judged for).
 */
export function readCopies(adapter: SiteAdapter, url: URL, owner: string, copies: number, per: PerCopy): number {
  const work = scanCost(adapter, url);
  expectEveryCopy(scanPage(adapter, url, owner), copies, per);
  return work;
}
