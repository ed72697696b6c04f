/**
 * Helpers for work that follows new nodes only: the content script reads a page in chunks as its
 * items arrive, so what an item needs is found near it (walks in document order that stop at the
 * next item), and what the whole page shares is kept for the page's state, not found again per chunk.
 */
import { batchMemo } from './batch-memo';
import type { PageInfo } from './types';
import { memoize } from './types';

/**
 * An element the whole page shares (the focal post, the video's owner link), kept for the page's
 * state (`page.facts`) while it stays in the page, and held weakly: a node the page dropped is
 * never kept. While there is none, `find` runs at most once per chunk.
 */
export function lastingElement(
  page: PageInfo, key: string, find: () => Element | null, still: (el: Element) => boolean = () => true,
): Element | null {
  const kept = page.facts?.get(key);
  const el = kept instanceof WeakRef ? (kept.deref() as Element | undefined) : undefined;
  // `still`: what made it the one is still so (else it is looked for again).
  if (el?.isConnected && still(el)) return el;
  const found = memoize(page, `lasting:${key}`, find);
  if (found) page.facts?.set(key, new WeakRef(found));
  else page.facts?.delete(key);
  return found;
}

/** The key of an index the whole page shares (lastingIndex), among those kept per container. */
const WHOLE_PAGE = {};

/**
 * An index of the page's items (a thread's posts in order, who answers whom) kept across the chunks
 * of one batch of the watcher while `fits` says it still serves (the item read is in it), else built
 * again: once per batch of new items, never per chunk. Held weakly between chunks, as it holds
 * nodes: the garbage collector may drop it, and it is built again.
 */
export function lastingIndex<T extends object>(
  page: PageInfo,
  key: string,
  fits: (value: T) => boolean,
  build: () => T,
): T {
  return lastingIndexOf(page, key, WHOLE_PAGE, fits, build);
}

interface Kept<T extends object> {
  batch?: object;
  byRoot: WeakMap<object, WeakRef<T>>;
}

/** As lastingIndex, one index per container (a conversation among the columns of a page). */
export function lastingIndexOf<T extends object>(
  page: PageInfo,
  key: string,
  root: object,
  fits: (value: T) => boolean,
  build: () => T,
): T {
  const chunk = memoize(page, `lasting-index:${key}`, () => new Map<object, T>());
  const held = chunk.get(root);
  if (held && fits(held)) return held;
  let kept = page.facts?.get(`lasting-index:${key}`) as Kept<T> | undefined;
  if (kept?.batch !== page.batch) kept = undefined;
  const value = kept?.byRoot.get(root)?.deref();
  if (value && fits(value)) {
    chunk.set(root, value);
    return value;
  }
  const fresh = build();
  // The chunk's memo holds it strongly while the chunk is read; the page's facts weakly.
  chunk.set(root, fresh);
  if (page.facts) {
    if (!kept) page.facts.set(`lasting-index:${key}`, (kept = { batch: page.batch, byRoot: new WeakMap() }));
    kept.byRoot.set(root, new WeakRef(fresh));
  }
  return fresh;
}

/**
 * A conversation's index for `root` (a column, a thread, the document): where the content script
 * reads (a page given), kept for the watcher's batch (lastingIndexOf); for a lone call, for the
 * stretch of synchronous work in progress (batchMemo). Rebuilt when `fits` says it does not serve.
 */
export function conversationIndex<T extends object>(
  page: PageInfo | undefined,
  key: string,
  root: object,
  fits: (value: T) => boolean,
  build: () => T,
): T {
  return page ? lastingIndexOf(page, key, root, fits, build) : batchMemo(root, key, build, fits);
}

/** The first match of `selector` in document order from `el` on: itself, else inside it (one native query). */
function firstIn(el: Element, selector: string): Element | null {
  return el.matches(selector) ? el : el.querySelector(selector);
}

/** The last match of `selector` in document order inside `el`, else `el` itself if it matches. */
function lastIn(el: Element, selector: string): Element | null {
  const inner = el.querySelectorAll(selector);
  return inner[inner.length - 1] ?? (el.matches(selector) ? el : null);
}

/** The next match after `el` (never inside it) within `root`: the following siblings of it and of its parents. */
function nextAfter(el: Element, selector: string, root: Node): Element | null {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const found = firstIn(sibling, selector);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Elements matching `selector` after `el` in document order within `root`, nearest first, never
 * inside `el` or inside a match (an item's own parts are not the next items). It looks at
 * neighbours only, as far as it is read: the cost follows the items read, not the page's size.
 */
export function* followingInOrder(el: Element, selector: string, root: Node): Generator<Element> {
  for (let next = nextAfter(el, selector, root); next; next = nextAfter(next, selector, root)) yield next;
}

/**
 * Elements matching `selector` before `el` in document order within `root`, nearest first: the
 * last match in each preceding sibling (of it, then of its parents), and the parents themselves.
 */
export function* precedingItems(el: Element, selector: string, root: Node): Generator<Element> {
  let current: Element = el;
  for (;;) {
    const previous = previousBefore(current, selector, root);
    if (!previous) return;
    yield previous;
    current = previous;
  }
}

function previousBefore(el: Element, selector: string, root: Node): Element | null {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const found = lastIn(sibling, selector);
      if (found) return found;
    }
    const parent = node.parentElement;
    if (parent && parent !== root && parent.matches(selector)) return parent;
  }
  return null;
}

/** The next element after `node`'s subtree in document order, within `root`. */
function nextOutside(node: Element, root: Node): Element | null {
  let current: Element | null = node;
  while (current && current !== root) {
    if (current.nextElementSibling) return current.nextElementSibling;
    current = current.parentElement;
  }
  return null;
}

/**
 * The items inside `el` that no other item inside `el` holds (its direct replies when replies nest
 * in their comment, whatever wrappers are between): a walk that never enters a nested item.
 */
export function outermostWithin(el: Element, selector: string): Element[] {
  const found: Element[] = [];
  let node = el.firstElementChild;
  while (node) {
    if (node.matches(selector)) {
      found.push(node);
      node = nextOutside(node, el);
    }
    else node = node.firstElementChild ?? nextOutside(node, el);
  }
  return found;
}

/** Whether `el` is, or holds, a match of `selector` that `wanted` accepts: the first match asked first. */
function holds(el: Element, selector: string, wanted: (found: Element) => boolean): boolean {
  if (el.matches(selector) && wanted(el)) return true;
  const first = el.querySelector(selector);
  if (!first) return false;
  return wanted(first) || Array.from(el.querySelectorAll(selector)).some(wanted);
}

/**
 * Whether the parent of `from` holds, beside `from`, a match of `selector` that `wanted` accepts:
 * its other children looked at nearest first, both ways, stopping at the first found. For walks up
 * from an item's part that stop where the next level holds another item: asked of the parent as a
 * whole, the level of a list of thousands costs the thousands for each item.
 */
export function besideHolds(from: Element, selector: string, wanted: (found: Element) => boolean): boolean {
  let before = from.previousElementSibling;
  let after = from.nextElementSibling;
  while (before || after) {
    if (before && holds(before, selector, wanted)) return true;
    if (after && holds(after, selector, wanted)) return true;
    before = before?.previousElementSibling ?? null;
    after = after?.nextElementSibling ?? null;
  }
  return false;
}
