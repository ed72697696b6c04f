/** Small DOM readers shared by adapters. They never throw on odd markup. */
import type { PageInfo } from './types';
import { memoize } from './types';

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text with line breaks kept (block children and <br> become newlines), for comment bodies. */
export function multilineTextOf(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName === 'BR') out += '\n';
        else if (element.tagName === 'IMG') out += element.getAttribute('alt') ?? '';
        else if (BLOCKS.has(element.tagName)) {
          // A paragraph or block starts and ends a line.
          if (out && !out.endsWith('\n')) out += '\n';
          walk(element);
          if (!out.endsWith('\n')) out += '\n';
        }
        else walk(element);
      }
    }
  };
  walk(el);
  return out
    .replace(/[ \t\u00a0]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

export function hrefPath(a: Element | null | undefined): string | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  // Most links on these sites are plain paths: no need to parse a URL.
  if (/^\/[^/?#\\%]*(\/[^/?#\\%]*)*$/.test(href)) return href;
  try {
    return new URL(href, 'https://invalid.example').pathname;
  }
  catch {
    return null;
  }
}

export function searchParam(a: Element | null | undefined, name: string): string | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  // A plain query (no escapes, no spaces written as "+", no characters a URL parser drops) is split
  // as it stands: parsing a URL per item is a large share of reading a page of thousands.
  if (/[%+\s]/u.test(href) || hasControl(href)) return viaUrl(href, name);
  const query = /^[^?#]*\?([^#]*)/u.exec(href)?.[1];
  if (query === undefined) return null;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq < 0 ? pair : pair.slice(0, eq)) === name) return eq < 0 ? '' : pair.slice(eq + 1);
  }
  return null;
}

const hasControl = (text: string) => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
};

function viaUrl(href: string, name: string): string | null {
  try {
    return new URL(href, 'https://invalid.example').searchParams.get(name);
  }
  catch {
    return null;
  }
}

const subtreeSelectors = new Map<string, string>();

/**
 * `selector` with each `#name` outside brackets and quotes written `[id="name" i]`, which Chromium
 * answers from the element's own nodes (see walkWithin): the same elements, but for ids that differ
 * from it only in case.
 */
export function subtreeSelector(selector: string): string {
  let out = subtreeSelectors.get(selector);
  if (out !== undefined) return out;
  out = '';
  let depth = 0;
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charAt(i);
    const id = !quote && depth === 0 && c === '#' ? /^[A-Za-z_-][\w-]*/u.exec(selector.slice(i + 1))?.[0] : undefined;
    if (id && !/^-\d/u.test(id) && selector.charAt(i + 1 + id.length) !== '\\') {
      out += `[id="${id}" i]`;
      i += id.length;
      continue;
    }
    if (c === '\\') {
      out += c + selector.charAt(++i);
      continue;
    }
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === '\'') quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    out += c;
  }
  subtreeSelectors.set(selector, out);
  return out;
}

/**
 * The first element inside `el` matching `selector` that is its own, not inside an item nested in it
 * (matching `skip`): one native query (ids asked as subtreeSelector does), and a walk only for an
 * item that holds another.
 */
export function firstOwn(el: Element, selector: string, skip: string): Element | null {
  const found = el.querySelector(subtreeSelector(selector));
  if (!found) return null;
  const item = found.closest(skip);
  if (item === el || !item || !el.contains(item)) return found;
  return walkWithin(el, selector, skip).next().value ?? null;
}

/**
 * Elements inside `el` matching `selector`, in document order, never entering an element that
 * matches `skip`. A walk over the element's own nodes, not a query: pages such as YouTube's repeat
 * ids in every comment, and Chromium answers `el.querySelectorAll("#name")` (and `[id="name"]`) by
 * looking at every element of the document with that id, a cost per item that grows with the page.
 */
export function* walkWithin(el: Element, selector: string, skip?: string): Generator<Element> {
  for (let node = el.firstElementChild; node;) {
    const skipped = skip !== undefined && node.matches(skip);
    if (!skipped && node.matches(selector)) yield node;
    node = nextWithin(node, el, !skipped);
  }
}

/** The element after `node` in document order inside `root`: its first child (if `descend`), else the next one out. */
function nextWithin(node: Element, root: Element, descend: boolean): Element | null {
  if (descend && node.firstElementChild) return node.firstElementChild;
  for (let at: Element | null = node; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** The parts of an item matching `selector` that are its own, not those of an item nested in it. */
export function ownParts(el: Element, selector: string, itemSelector: string): Element[] {
  return [...walkWithin(el, selector, itemSelector)];
}

/**
 * The items of one conversation or timeline in document order, and each one's place in it. Adapters
 * relate items by position ("the reply after this one") through this, never through siblings or a
 * fixed number of parents, so the wrappers a redesign puts around items or their cells change nothing.
 */
export interface ItemIndex {
  /** The container the items were found in (a timeline, a conversation, or the whole document). */
  readonly root: ParentNode;
  /** The items in document order. */
  readonly items: readonly Element[];
  /** An item's place in `items`; -1 for an element that is not one of them. */
  at(el: Element): number;
}

/**
 * Indexes the items matching `selector` inside `root` (one query, one pass; `keep` leaves some out,
 * such as a status quoted inside another). The one place an adapter's index of items is made.
 */
export function indexItems(root: ParentNode, selector: string, keep?: (el: Element) => boolean): ItemIndex {
  const found = Array.from(root.querySelectorAll(selector));
  const items = keep ? found.filter(keep) : found;
  const places = new Map<Element, number>(items.map((el, i) => [el, i]));
  return { root, items, at: (el) => places.get(el) ?? -1 };
}

/**
 * What `build` makes of one container, made once per scan: every item read with the same
 * `page.memo` (one chunk of the content script's work) shares it. `name` keeps adapters' apart.
 */
export function perScan<T>(page: PageInfo, name: string, root: ParentNode, build: (root: ParentNode) => T): T {
  const byRoot = memoize(page, `per-scan:${name}`, () => new Map<ParentNode, T>());
  if (byRoot.has(root)) return byRoot.get(root) as T;
  const value = build(root);
  byRoot.set(root, value);
  return value;
}

/**
 * What `compute` reads of one item, read once per chunk (`page.memo`): an item is looked at by its own
 * reading, by its neighbours' (the chain it continues) and by the items related to it. Without a
 * page (a lone call), read each time.
 */
export function perItem<T>(page: PageInfo | undefined, name: string, el: Element, compute: () => T): T {
  if (!page) return compute();
  const byItem = memoize(page, `per-item:${name}`, () => new Map<Element, T>());
  if (byItem.has(el)) return byItem.get(el) as T;
  const value = compute();
  byItem.set(el, value);
  return value;
}

/**
 * Elements matching `selector` that start before `el` in document order within `root`, nearest
 * first. It walks only as far as it is read: for callers with no per-scan index at hand.
 */
export function* precedingInOrder(el: Element, selector: string, root: Node): Generator<Element> {
  // Reverse document order: the previous sibling's last descendant, else the parent.
  let node: Element | null = el;
  while (node && node !== root) {
    const sibling: Element | null = node.previousElementSibling;
    if (sibling) {
      node = sibling;
      while (node.lastElementChild) node = node.lastElementChild;
    }
    else node = node.parentElement;
    if (node && node !== root && node.matches(selector)) yield node;
  }
}

/** The first match of `selector` that `read` makes something of (a handle from a profile link), or null. */
export function firstRead<T>(root: ParentNode, selector: string, read: (el: Element) => T | null): T | null {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const value = read(el);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The languages a page's times may be written in: its `<html lang>`, then the browser's (an app
 * page may keep the lang it was served with while it shows the user's language).
 */
export function pageLanguages(el: Element): string[] {
  const said = el.ownerDocument.documentElement.getAttribute('lang');
  const browser = el.ownerDocument.defaultView?.navigator.language;
  return [said, browser].flatMap((tag) => (tag ? [tag] : []));
}
