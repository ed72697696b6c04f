import type { PageEntry } from '../core/relevance';
import { bluesky } from '../core/sites/bluesky';
import { takeAgeWords, takeDateWords } from '../core/time-words';
import type { ItemIndex } from './dom';
import { learnDateWords, parseAge, parseDate } from '../core/page-time';
import { firstRead, hrefPath, indexItems, multilineTextOf, pageLanguages, textOf } from './dom';
import { conversationIndex } from './incremental';
import type { Relations } from './bluesky-thread';
import { relatePosts, shapeOf } from './bluesky-thread';
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

/** The item's own post link (its author's /post/<rkey>, the time link of PostMeta), or null. */
function ownPermalink(el: Element, handle: string): { ref: PostRef; link: Element } | null {
  for (const a of Array.from(el.querySelectorAll(BLUESKY_SELECTORS.permalink))) {
    const found = postRefOf(hrefPath(a));
    if (found && found.handle === handle) return { ref: found, link: a };
  }
  return null;
}

/**
 * The post's own permalink (its author's /post/ link), display name and time. The anchor (the
 * page's own post) has no permalink: its rkey is the page's, given as `anchorRkey`.
 */
function postFacts(el: Element, anchorRkey?: string): PostFacts | null {
  const handle = authorHandle(el);
  if (!handle) return null;
  const own = ownPermalink(el, handle);
  const ref = own?.ref ?? (anchorRkey ? { handle, rkey: anchorRkey } : null);
  if (!ref) return null;
  let name = handle;
  for (const a of Array.from(el.querySelectorAll(BLUESKY_SELECTORS.profileLink))) {
    if (hrefPath(a) !== `/profile/${handle}` || a.querySelector('img')) continue;
    const shown = textOf(a.querySelector('[dir]') ?? a).replace(/^@/u, '');
    if (shown && shown !== handle && !shown.startsWith('@')) {
      name = shown;
      break;
    }
  }
  // The time link's label is the full date in the page's language ("September 10, 2026 at 11:00 AM",
  // "10. September 2026 um 11:00"); its text the age ("3d", "3 T.").
  const stamp = own?.link;
  const lang = pageLanguages(el);
  const label = stamp?.getAttribute('aria-label') || stamp?.getAttribute('title');
  const createdAt = parseDate(label, Date.now(), lang) ?? parseAge(textOf(stamp), Date.now(), lang);
  return { ref, name, createdAt };
}

/**
 * The post's text: its test id in feeds; in a thread (RichText without a test id), the first
 * text block of its own that is no link's or button's, and not a lone separator ("·").
 */
function textElement(el: Element): Element | null {
  const tagged = el.querySelector(BLUESKY_SELECTORS.text);
  if (tagged) return tagged;
  for (const block of Array.from(el.querySelectorAll(BLUESKY_SELECTORS.textBlock))) {
    const inside = block.parentElement?.closest('a, button, [role="button"], [role="link"], [data-testid]');
    if (inside && inside !== el && el.contains(inside)) continue;
    if (/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(block.textContent ?? '')) return block;
  }
  return null;
}

interface Thread extends ItemIndex {
  /** Each item's author, in page order. */
  authors: (string | null)[];
  /** The anchor's place (the page's own post), or -1. */
  focused: number;
  relations: Relations;
  /** The authors of the posts answering each one, in page order, without repeats. */
  repliedBy: string[][];
}

/**
 * The anchor: the thread item with no permalink of its own (replies and parents have their time
 * link); where every item has one (older pages), the one the address names.
 */
function anchorOf(items: readonly Element[], target: PostRef | null): number {
  if (!target) return -1;
  const bare = items.findIndex((el) => {
    const handle = authorHandle(el);
    return !!handle && !ownPermalink(el, handle);
  });
  if (bare >= 0) return bare;
  return items.findIndex((el) => postFacts(el)?.ref.rkey === target.rkey);
}

function buildThread(root: ParentNode, url: URL): Thread {
  const index = indexItems(root, BLUESKY_SELECTORS.threadItem);
  const focused = anchorOf(index.items, postRefOf(url.pathname));
  const shapes = index.items.map((el, i) => (i > focused ? shapeOf(el) : null));
  const authors = index.items.map(authorHandle);
  const relations = relatePosts(shapes, focused);
  const answers = authors.map(() => new Set<string>());
  authors.forEach((author, i) => {
    if (author) answers[relations.parent[i] ?? -1]?.add(author);
  });
  return { ...index, authors, focused, relations, repliedBy: answers.map((set) => [...set]) };
}

/**
 * The thread's posts in page order, their authors, the anchor and who answers whom: once per batch
 * of the watcher (built again when an item not in it is read: new replies arrived). Without the
 * content script's page (a lone call), once per stretch of synchronous work.
 */
function threadIndex(el: Element, page?: PageInfo): Thread {
  const fits = (t: Thread) => t.at(el) >= 0;
  const doc = el.ownerDocument;
  const build = () => buildThread(doc, page?.url ?? new URL(doc.URL));
  return conversationIndex(page, 'bluesky:thread', doc, fits, build);
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const notifications = isNotifications(page.url);
  const thread = notifications ? null : threadIndex(el, page);
  const at = thread?.at(el) ?? -1;
  const anchorRkey = thread && at === thread.focused ? postRefOf(page.url.pathname)?.rkey : undefined;
  const facts = postFacts(el, anchorRkey);
  if (!facts) return null;
  const base = {
    id: refId(facts.ref),
    author: { name: facts.name, handle: facts.ref.handle },
    text: multilineTextOf(textElement(el)),
    url: `https://bsky.app/profile/${encodeURIComponent(facts.ref.handle)}/post/${facts.ref.rkey}`,
    createdAt: facts.createdAt,
  };
  if (!thread) {
    // Replies, mentions and quotes of the owner; a like or repost shows the owner's own post instead.
    return { ...base, thread: base.id, parentAuthor: null, parentIsPost: false, repliedBy: [], onMentionsPage: true };
  }
  if (at < 0 || thread.focused < 0) return null;
  const parent = thread.relations.parent[at] ?? -1;
  const repliedBy = thread.repliedBy[at] ?? [];
  const first = thread.items[0];
  const root = first ? postFacts(first, thread.focused === 0 ? postRefOf(page.url.pathname)?.rkey : undefined) : null;
  return {
    ...base,
    thread: root ? refId(root.ref) : base.id,
    parentAuthor: thread.authors[parent] ?? null,
    parentIsPost: parent === 0,
    repliedBy,
    onMentionsPage: false,
    ...(thread.relations.guessed[at] && { unrelated: true }),
  };
}

export const blueskyAdapter = defineAdapter(bluesky, BLUESKY_SELECTORS, { items: ['threadItem', 'feedItem'] }, {
  // Its times are dates and ages in the page's language: the worker's words for both are taken.
  takeTimeWords(given) {
    takeAgeWords(given);
    takeDateWords(given);
  },

  get required() {
    // Thread items carry no text test id, and a thread without replies has no time link.
    return { post: this.itemSelector, text: `${BLUESKY_SELECTORS.text}, ${BLUESKY_SELECTORS.textBlock}` };
  },

  expectsItems(url) {
    return POST_PATH.test(url.pathname) || isNotifications(url);
  },

  scansPage(url) {
    return POST_PATH.test(url.pathname) || isNotifications(url);
  },

  readEntry,

  prepare(doc) {
    // The time links' labels are full dates in the page's language.
    learnDateWords(pageLanguages(doc.documentElement));
  },

  relatedItems(el, page) {
    // A new reply changes the verdict of the post it answers: the thread is indexed once for the
    // whole batch of new items.
    if (!el.matches(BLUESKY_SELECTORS.threadItem)) return [];
    const thread = threadIndex(el, page);
    const parent = thread.items[thread.relations.parent[thread.at(el)] ?? -1];
    return parent ? [parent] : [];
  },

  detectOwner(doc) {
    // The desktop navigation's Profile item links the signed-in account's own profile.
    return firstRead(doc, BLUESKY_SELECTORS.ownProfile, (a) => {
      const handle = PROFILE_PATH.exec(hrefPath(a) ?? '')?.[1];
      // A DID stands in for a handle that does not resolve: not comparable with the authors shown.
      return handle && !handle.startsWith('did:') ? decodeURIComponent(handle).toLowerCase() : null;
    });
  },

  badgeAnchor(el) {
    // Beside the time link; the anchor post has none, so beside its author's name.
    const handle = authorHandle(el);
    const link = handle ? ownPermalink(el, handle)?.link : null;
    const author = Array.from(el.querySelectorAll(BLUESKY_SELECTORS.profileLink)).find((a) => !a.querySelector('img'));
    return (link ?? author)?.parentElement ?? null;
  },

  replyButton(el) {
    return el.querySelector<HTMLElement>(BLUESKY_SELECTORS.reply);
  },

  composerFor(_el, doc) {
    // Replies are written in the one composer dialog the app opens.
    return doc.querySelector<HTMLElement>(BLUESKY_SELECTORS.composer);
  },
});
