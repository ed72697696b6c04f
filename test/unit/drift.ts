/**
 * Markup drift, as a site's redesign brings it: the same items, each inside one or two more
 * wrapper elements. An adapter that relates items through ids, links, test ids and document order
 * judges the page the same way before and after.
 */
import { judgeEntry } from '../../src/core/relevance';
import type { SiteAdapter } from '../../src/sites/types';

/**
 * Puts every element of `root` matching `selector` inside new `<div>`s where it stood: one for the
 * first match, two for the second, and so on alternately, so that neighbours sit at different
 * depths. Returns how many elements were wrapped.
 */
export function wrapEach(selector: string, root: ParentNode = document): number {
  const found = Array.from(root.querySelectorAll(selector));
  found.forEach((el, i) => {
    const doc = el.ownerDocument;
    const outer = doc.createElement('div');
    let inner = outer;
    if (i % 2 === 1) inner = outer.appendChild(doc.createElement('div'));
    el.replaceWith(outer);
    inner.append(el);
  });
  return found.length;
}

/** What the page's items are judged to be, one line per item element: unread ones too. */
export type Judged = { id: string; relevant: false; reason: string } | {
  id: string;
  relevant: true;
  kind: string;
  ownerReplied: boolean;
} | null;

/** Every item element's verdict, in page order, read and judged as the content script does. */
export function judgeAll(adapter: SiteAdapter, url: URL, owner: string | null): Judged[] {
  const page = { url, memo: new Map<string, unknown>() };
  return Array.from(document.querySelectorAll(adapter.itemSelector)).map((el) => {
    const entry = adapter.readEntry(el, page);
    if (!entry) return null;
    const verdict = judgeEntry(adapter.id, entry, owner);
    if (!verdict.relevant) return { id: entry.id, relevant: false, reason: verdict.reason };
    return { id: entry.id, relevant: true, kind: verdict.item.kind, ownerReplied: verdict.item.ownerReplied };
  });
}
