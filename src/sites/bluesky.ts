import type { PageEntry } from '../core/relevance';
import { bluesky } from '../core/sites/bluesky';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, perScan, textOf } from './dom';
import { linearThread } from './linear-thread';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const BLUESKY_SELECTORS = selectorsInUse(bluesky);

const POST_PATH = /^\/profile\/([^/]{1,253})\/post\/([A-Za-z0-9]{1,64})\/?$/u;
const PROFILE_PATH = /^\/profile\/([^/]{1,253})\/?$/u;
const TESTID_HANDLE = /^(?:postThreadItem|feedItem)-by-(.{1,253})$/u;

interface PostRef {
  handle: string;
  rkey: string;
}

function postRefOf(path: string | null): PostRef | null {
  const match = path ? POST_PATH.exec(path) : null;
  return match ? { handle: decodeURIComponent(match[1] ?? ''), rkey: match[2] ?? '' } : null;
}

const refId = (ref: PostRef) => `${ref.handle}/${ref.rkey}`;

function isNotifications(url: URL): boolean {
  return /^\/notifications\/?$/u.test(url.pathname);
}

/** The author's handle: the item's test id names it; the first profile link says the same. */
function authorHandle(el: Element): string | null {
  const fromId = TESTID_HANDLE.exec(el.getAttribute('data-testid') ?? '')?.[1];
  if (fromId) return fromId;
  const link = el.querySelector(BLUESKY_SELECTORS.profileLink);
  return PROFILE_PATH.exec(hrefPath(link) ?? '')?.[1] ?? null;
}

interface PostFacts {
  ref: PostRef;
  name: string;
  createdAt: number | null;
}

/** The post's own permalink (its author's /post/ link), display name and time. */
function postFacts(el: Element): PostFacts | null {
  const handle = authorHandle(el);
  if (!handle) return null;
  let ref: PostRef | null = null;
  let stamp: Element | null = null;
  for (const a of Array.from(el.querySelectorAll(BLUESKY_SELECTORS.permalink))) {
    const found = postRefOf(hrefPath(a));
    if (found && found.handle === handle) {
      ref = found;
      stamp = a;
      break;
    }
  }
  if (!ref) return null;
  let name = handle;
  for (const a of Array.from(el.querySelectorAll(BLUESKY_SELECTORS.profileLink))) {
    const shown = textOf(a).replace(/^@/u, '');
    if (PROFILE_PATH.test(hrefPath(a) ?? '') && shown && shown !== handle && !shown.startsWith('@')) {
      name = shown;
      break;
    }
  }
  // The time link's label is the full date ("September 10, 2026 at 11:00 AM").
  const label = (stamp?.getAttribute('aria-label') || stamp?.getAttribute('title') || '').replace(/\s+at\s+/u, ' ');
  const ms = label ? Date.parse(label) : Number.NaN;
  return { ref, name, createdAt: Number.isNaN(ms) ? null : ms };
}

interface Thread extends ItemIndex {
  /** Each item's author, in page order. */
  authors: (string | null)[];
  /** The focused post's place (the page's own post), or -1. */
  focused: number;
}

/**
 * The thread's posts in page order, with their authors and the focused one: indexed once per scan,
 * so an item's neighbours are found by its place, whatever wrappers sit around the items.
 */
function threadIndex(doc: Document, page: PageInfo): Thread {
  return perScan(page, 'bluesky:thread', doc, (root) => {
    const index = indexItems(root, BLUESKY_SELECTORS.threadItem);
    const target = postRefOf(page.url.pathname);
    const focused = target
      ? index.items.findIndex((el) => {
          const facts = postFacts(el);
          return !!facts && facts.ref.rkey === target.rkey;
        })
      : -1;
    return { ...index, authors: index.items.map(authorHandle), focused };
  });
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const facts = postFacts(el);
  if (!facts) return null;
  const text = multilineTextOf(el.querySelector(BLUESKY_SELECTORS.text));
  const base = {
    id: refId(facts.ref),
    author: { name: facts.name, handle: facts.ref.handle },
    text,
    url: `https://bsky.app/profile/${encodeURIComponent(facts.ref.handle)}/post/${facts.ref.rkey}`,
    createdAt: facts.createdAt,
  };
  if (isNotifications(page.url)) {
    // Replies, mentions and quotes of the owner; a like or repost shows the owner's own post instead.
    return { ...base, thread: base.id, parentAuthor: null, parentIsPost: false, repliedBy: [], onMentionsPage: true };
  }
  const thread = threadIndex(el.ownerDocument, page);
  const place = linearThread(thread.authors, thread.focused, thread.at(el));
  if (!place) return null;
  const root = thread.items[0] ? postFacts(thread.items[0]) : null;
  return {
    ...base,
    thread: root ? refId(root.ref) : base.id,
    ...place,
    onMentionsPage: false,
  };
}

export const blueskyAdapter = defineAdapter(bluesky, BLUESKY_SELECTORS, { items: ['threadItem', 'feedItem'] }, {
  get required() {
    return { post: this.itemSelector, text: BLUESKY_SELECTORS.text, permalink: BLUESKY_SELECTORS.permalink };
  },

  expectsItems(url) {
    return POST_PATH.test(url.pathname) || isNotifications(url);
  },

  scansPage(url) {
    return POST_PATH.test(url.pathname) || isNotifications(url);
  },

  readEntry,

  relatedItems(el) {
    // A new reply further down may answer any post above it in the thread.
    if (!el.matches(BLUESKY_SELECTORS.threadItem)) return [];
    return Array.from(el.ownerDocument.querySelectorAll(BLUESKY_SELECTORS.threadItem)).filter(
      (other) => other !== el && other.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
  },

  detectOwner() {
    // The signed-in account is not shown in a hook seen in the evidence: the handle comes from Options.
    return null;
  },

  badgeAnchor(el) {
    const link = Array.from(el.querySelectorAll(BLUESKY_SELECTORS.permalink)).find((a) => postRefOf(hrefPath(a)));
    return link?.parentElement ?? null;
  },

  replyButton(el) {
    return el.querySelector<HTMLElement>(BLUESKY_SELECTORS.reply);
  },

  composerFor(_el, doc) {
    // Replies are written in the one composer dialog the app opens.
    return doc.querySelector<HTMLElement>(BLUESKY_SELECTORS.composer);
  },
});
