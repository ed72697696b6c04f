import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { threads } from '../core/sites/threads';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, perScan, textOf } from './dom';
import { linearThread } from './linear-thread';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const THREADS_SELECTORS = selectorsInUse(threads);

const S = THREADS_SELECTORS;
const POST_PATH = /^\/@([\w.]{1,30})\/post\/([\w-]{5,40})\/?$/u;
const PROFILE_PATH = /^\/@([\w.]{1,30})\/?$/u;
const ACTIVITY = /^\/activity(\/|$)/u;

interface PostFacts {
  handle: string;
  code: string;
  createdAt: number | null;
}

function facts(el: Element): PostFacts | null {
  for (const a of Array.from(el.querySelectorAll(S.permalink))) {
    const match = POST_PATH.exec(hrefPath(a) ?? '');
    const time = a.querySelector('time');
    // The post's own permalink holds its time; a quoted post's link does not come first with one.
    if (match?.[1] && match[2] && time) return { handle: match[1], code: match[2], createdAt: parseTime(time.getAttribute('datetime')) };
  }
  return null;
}

function nameOf(el: Element, handle: string): string {
  for (const a of Array.from(el.querySelectorAll(S.profileLink))) {
    if (PROFILE_PATH.exec(hrefPath(a) ?? '')?.[1] === handle && textOf(a)) return textOf(a);
  }
  return handle;
}

interface Column extends ItemIndex {
  /** Each post's facts, in page order. */
  facts: (PostFacts | null)[];
  /** Each post's author, in page order. */
  authors: (string | null)[];
  /** The focused post's place (the page's own post), or -1. */
  focused: number;
}

/**
 * The column's posts in page order, with their facts and the focused one: indexed once per scan,
 * so a post's neighbours are found by its place, whatever wrappers sit around the posts.
 */
function columnIndex(doc: Document, page: PageInfo): Column {
  return perScan(page, 'threads:column', doc, (root) => {
    const index = indexItems(root, S.post);
    const all = index.items.map(facts);
    const code = POST_PATH.exec(page.url.pathname)?.[2];
    const focused = code ? all.findIndex((f) => f?.code === code) : -1;
    return { ...index, facts: all, authors: all.map((f) => f?.handle ?? null), focused };
  });
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const own = facts(el);
  if (!own) return null;
  const text = multilineTextOf(Array.from(el.querySelectorAll(S.text)).find((span) => !span.closest('a')));
  const base = {
    id: own.code,
    author: { name: nameOf(el, own.handle), handle: own.handle },
    text,
    url: `https://www.threads.com/@${own.handle}/post/${own.code}`,
    createdAt: own.createdAt,
  };
  if (ACTIVITY.test(page.url.pathname)) {
    return { ...base, thread: own.code, parentAuthor: null, parentIsPost: false, repliedBy: [], onMentionsPage: true };
  }
  const column = columnIndex(el.ownerDocument, page);
  const place = linearThread(column.authors, column.focused, column.at(el));
  if (!place) return null;
  return { ...base, thread: column.facts[0]?.code || own.code, ...place, onMentionsPage: false };
}

export const threadsAdapter = defineAdapter(threads, THREADS_SELECTORS, { items: ['post'] }, {
  get required() {
    return { post: S.post, permalink: S.permalink };
  },

  scansPage(url) {
    return POST_PATH.test(url.pathname) || ACTIVITY.test(url.pathname);
  },

  expectsItems(url) {
    return POST_PATH.test(url.pathname);
  },

  readEntry,

  relatedItems(el) {
    const all = Array.from(el.ownerDocument.querySelectorAll(S.post));
    return all.slice(0, Math.max(0, all.indexOf(el)));
  },

  detectOwner() {
    // The signed-in account is not shown in a hook seen in the evidence: the handle comes from Options.
    return null;
  },

  badgeAnchor(el) {
    const link = Array.from(el.querySelectorAll(S.permalink)).find((a) => a.querySelector('time'));
    return link?.parentElement ?? null;
  },

  replyButton(el) {
    // The reply icon's button; the inline send button shows the same icon turned 90 degrees.
    for (const icon of Array.from(el.querySelectorAll(S.replyIcon))) {
      if (icon.closest('span[style*="rotate"]')) continue;
      const button = icon.closest('[role="button"]');
      if (button && el.contains(button)) return button as HTMLElement;
    }
    return null;
  },

  composerFor(el, doc) {
    // The reply box names whom it answers: "Reply to <user>…".
    const handle = facts(el)?.handle;
    if (!handle) return null;
    return (
      Array.from(doc.querySelectorAll<HTMLElement>(S.composer)).find((box) =>
        (box.getAttribute('aria-placeholder') ?? '').startsWith(`Reply to ${handle}`),
      ) ?? null
    );
  },
});
