import { readFileSync } from 'node:fs';

/**
 * Large pages for the benchmark and the linear-cost tests, made from our fixtures: their items
 * repeated with fresh ids, so adapters and the watcher meet the page sizes of a busy thread.
 */

/** A long X conversation: the fixture's reply cells repeated with fresh ids. */
export function longConversation(replies: number): string {
  const html = readFileSync('test/fixtures/x/conversation.html', 'utf8');
  const cells = html.match(/<div data-testid="cellInnerDiv"[\s\S]*?<\/article><\/div><\/div><\/div>/g) ?? [];
  const replyCells = cells.slice(1);
  let out = '';
  for (let i = 0; i < replies; i++) {
    const cell = replyCells[i % replyCells.length] ?? '';
    out += cell.replace(/19500000000000000(\d\d)/g, (_m, n) => `18${String(i).padStart(6, '0')}000000${n}`);
  }
  const marker = '<div data-testid="cellInnerDiv" style="transform: translateY(900px)';
  return html.replace(marker, `${out}${marker}`);
}

/** How a fixture's items are repeated in the document: plain data, so the page can do it too. */
export interface Repeat {
  /** What is repeated (each a whole thread, comment or cell), among the children of the first one's parent. */
  blocks: string;
  /** Blocks at the start that are not repeated (the post itself). */
  skip?: number;
  /** How many items the page should hold (counted with `items`). */
  items: string;
  count: number;
  /** The attributes holding ids, and the ids to rename in them (a regular expression's source). */
  attributes: string[];
  ids: string;
}

/**
 * Repeats the container's blocks until the page holds `count` items, each copy's ids suffixed with
 * its number. Self-contained (it runs in the page as a script, and in happy-dom for the unit tests).
 */
export function repeatBlocks(doc: Document, spec: Repeat): void {
  const container = doc.querySelector(spec.blocks)?.parentElement;
  if (!container) throw new Error(`no ${spec.blocks}`);
  const blocks = Array.from(container.children).filter((el) => el.matches(spec.blocks)).slice(spec.skip ?? 0);
  const ids = new RegExp(spec.ids, 'g');
  const itemsIn = (block: Element) => block.querySelectorAll(spec.items).length + (block.matches(spec.items) ? 1 : 0);
  const perRound = blocks.reduce((n, block) => n + itemsIn(block), 0);
  const rounds = Math.ceil(spec.count / Math.max(1, perRound));
  const fragment = doc.createDocumentFragment();
  for (let copy = 1; copy < rounds; copy++) {
    for (const block of blocks) {
      const clone = block.cloneNode(true) as Element;
      for (const el of [clone, ...Array.from(clone.querySelectorAll('*'))]) {
        for (const name of spec.attributes) {
          const value = el.getAttribute(name);
          if (value) el.setAttribute(name, value.replace(ids, (id) => `${id}${copy.toString(36)}`));
        }
      }
      fragment.append(clone);
    }
  }
  container.append(fragment);
  const all = Array.from(doc.querySelectorAll(spec.items));
  for (const extra of all.slice(spec.count)) extra.remove();
}

/** An X conversation with `count` tweets: the replies' cells repeated under the focal tweet. */
export const xReplies = (count: number): Repeat => ({
  blocks: '[data-testid="cellInnerDiv"]',
  skip: 1,
  items: 'article[data-testid="tweet"]',
  count,
  attributes: ['href'],
  ids: '(?<=/status/)19500000000000000(0[2-9])',
});

/** A YouTube watch page with `count` comments (threads with their replies). */
export const youtubeComments = (count: number): Repeat => ({
  blocks: 'ytd-comment-thread-renderer',
  items: 'ytd-comment-view-model',
  count,
  attributes: ['href'],
  ids: 'AaABAg',
});

/** An old.reddit post with `count` comments (top-level comments with their replies). */
export const oldRedditComments = (count: number): Repeat => ({
  blocks: '.thing.comment',
  items: '.thing.comment',
  count,
  attributes: ['data-fullname', 'data-permalink', 'href', 'id'],
  ids: '(?<=t1_|/)(m4ra01|br0001|k3nj01)(?=/|$)',
});

/**
 * A Bluesky thread with `count` posts: the replies' wrappers repeated under the anchor (which stands
 * alone in the thread's list; repeating it would give a page of anchors and no replies).
 */
export const blueskyPosts = (count: number): Repeat => ({
  blocks: '.hover-wrapper',
  items: '[data-testid^="postThreadItem-by-"]',
  count,
  attributes: ['href'],
  ids: '(?<=/post/)(?!3mbl00root22)\\w+$',
});

/** A fixture with its items repeated as the page loads (a script at its end), for the browser. */
export function repeatedPage(fixture: string, spec: Repeat): string {
  const html = readFileSync(`test/fixtures/${fixture}`, 'utf8');
  const script = `<script>(${repeatBlocks.toString()})(document, ${JSON.stringify(spec)});</script>`;
  return html.replace(/<\/body>/i, `${script}</body>`);
}
