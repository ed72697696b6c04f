/**
 * The soak's parts that run the same in Chromium and Firefox: replies added to an X conversation
 * over time, and what the log and the badges say at the end. The page functions are passed to
 * page.evaluate (Playwright or Puppeteer): they take plain data and close over nothing.
 */

/** A deterministic random source, so that a failing run can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

/** The id of the n-th reply added to tab `tab`: 19 digits, like X's. */
export const replyId = (tab: number, n: number) => `17${tab}${String(n).padStart(16, '0')}`;

export const expectedKeys = (tabs: number, perTab: number) =>
  Array.from({ length: tabs }, (_, tab) => Array.from({ length: perTab }, (_, n) => `x:${replyId(tab, n)}`)).flat();

export interface AddReplies {
  tab: number;
  count: number;
  burst: number;
  pauseMs: number;
  /** Every tab rests for this long in each cycle of `restCycleMs` on the wall clock (all at once). */
  restMs?: number;
  restCycleMs?: number;
}

/** In the page: adds `count` replies to the owner's post, `burst` at a time, as X does when the user scrolls. */
export async function addRepliesInPage(options: AddReplies): Promise<void> {
  const { tab, count, burst, pauseMs, restMs = 0, restCycleMs = 1 } = options;
  const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
  // Devon's reply in the fixture: a comment on the owner's post, waiting for an answer.
  const template = cells.find((c) => c.querySelector('a[href="/devon_k/status/1950000000000000004"]'));
  const anchor = cells.at(-1);
  if (!template || !anchor) throw new Error('the conversation fixture changed');
  const clean = template.cloneNode(true) as Element;
  for (const host of clean.querySelectorAll('[data-replyline-host]')) host.remove();
  for (let n = 0; n < count;) {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < burst && n < count; i++, n++) {
      const cell = clean.cloneNode(true) as Element;
      const id = `17${tab}${String(n).padStart(16, '0')}`;
      for (const a of cell.querySelectorAll('a[href="/devon_k/status/1950000000000000004"]')) {
        a.setAttribute('href', `/devon_k/status/${id}`);
      }
      const text = cell.querySelector('[data-testid="tweetText"] span');
      if (text) text.textContent = `Reply ${n} in tab ${tab}: does the export keep my labels?`;
      fragment.append(cell);
    }
    anchor.before(fragment);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const inCycle = Date.now() % restCycleMs;
    if (inCycle < restMs) await new Promise((resolve) => setTimeout(resolve, restMs - inCycle));
  }
}

export type StoredStatuses = Record<string, string>;

/** In an extension page (it shares the background's IndexedDB): every item's status. */
export function readLogInPage(): Promise<StoredStatuses> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('replyline');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('items').objectStore('items').getAll();
      all.onsuccess = () => {
        const items = all.result as { key: string; status: string }[];
        done(Object.fromEntries(items.map((i) => [i.key, i.status])));
        open.result.close();
      };
      all.onerror = () => fail(all.error);
    };
  });
}

/** In the site's page: the badges drawn, as [key, status]. */
export function readBadgesInPage(): [string, string][] {
  return [...document.querySelectorAll('[data-replyline-key]')].map((h) => [
    h.getAttribute('data-replyline-key') ?? '',
    h.getAttribute('data-replyline-status') ?? '',
  ]);
}

/** How the badges of a page differ from the log: none wrong and none doubled when all is well. */
export function compareBadges(badges: [string, string][], stored: StoredStatuses) {
  const status = new Map<string, string>();
  const copies = new Map<string, number>();
  for (const [key, value] of badges) {
    status.set(key, value);
    copies.set(key, (copies.get(key) ?? 0) + 1);
  }
  const wrong = [...status].filter(([key, value]) => stored[key] !== value);
  const doubled = [...copies].filter(([, n]) => n > 1);
  return { badges: status.size, wrong: wrong.slice(0, 5), doubled: doubled.slice(0, 5) };
}
