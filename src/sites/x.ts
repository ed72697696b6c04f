import { mentionedHandles } from '../core/handles';
import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { x } from '../core/sites/x';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, perScan, precedingInOrder, textOf } from './dom';
import type { PageInfo } from './types';
import { defineAdapter, memoize, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const X_SELECTORS = selectorsInUse(x);

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,30})\/status\/(\d{1,25})/;
const HANDLE_PATH = /^\/([A-Za-z0-9_]{1,30})$/;

function statusOf(path: string | null): { handle: string; id: string } | null {
  const match = path ? STATUS_PATH.exec(path) : null;
  return match ? { handle: match[1] ?? '', id: match[2] ?? '' } : null;
}

function isMentionsPage(url: URL): boolean {
  return /^\/notifications(\/mentions)?\/?$/.test(url.pathname);
}

/** The author's handle: the first profile link in the header (cheap, for walks over many tweets). */
function authorHandle(article: Element, userName = article.querySelector(X_SELECTORS.userName)): string | null {
  for (const a of Array.from(userName?.querySelectorAll('a[href]') ?? [])) {
    const match = HANDLE_PATH.exec(hrefPath(a) ?? '');
    if (match?.[1]) return match[1];
  }
  return null;
}

interface TweetFacts {
  id: string;
  handle: string;
  name: string;
  createdAt: number | null;
}

/** Id, author and time of a tweet; null when its header is not (yet) there. */
function tweetFacts(article: Element): TweetFacts | null {
  const userName = article.querySelector(X_SELECTORS.userName);
  if (!userName) return null;
  const handle = authorHandle(article, userName);
  if (!handle) return null;
  // The tweet's own time link: the first status link in the header that is the author's.
  let status: { handle: string; id: string } | null = null;
  let createdAt: number | null = null;
  for (const time of Array.from(article.querySelectorAll(X_SELECTORS.statusTime))) {
    const candidate = statusOf(hrefPath(time.parentElement));
    if (candidate && candidate.handle.toLowerCase() === handle.toLowerCase()) {
      status = candidate;
      createdAt = parseTime(time.getAttribute('datetime'));
      break;
    }
  }
  if (!status) return null;
  const nameLink = userName.querySelector('a[href]');
  const name = textOf(nameLink?.querySelector('div[dir]') ?? nameLink) || handle;
  return { id: status.id, handle, name, createdAt };
}

/**
 * A tweet that continues the one above it carries a connector line in the strip above its
 * avatar: the strip then holds the line's column besides the spacer.
 */
function isConnectedToPrevious(article: Element): boolean {
  const avatar = article.querySelector(X_SELECTORS.avatar);
  if (!avatar) return false;
  let row: Element | null = avatar;
  while (row?.parentElement && row.parentElement !== article && !row.previousElementSibling) {
    row = row.parentElement;
  }
  const strip = row?.previousElementSibling;
  if (!strip || strip.contains(avatar)) return false;
  return strip.querySelectorAll('div').length >= 3;
}

/** The timeline an article is in (the conversation, a dialog's, or else the page): tweets relate within it. */
function timelineOf(article: Element): ParentNode {
  return article.closest(X_SELECTORS.timeline) ?? article.ownerDocument;
}

interface Timeline extends ItemIndex {
  /** Whether the tweet continues the one before it (read once per scan). */
  connected(article: Element): boolean;
  /** The tweet's author (read once per scan). */
  author(article: Element): string | null;
}

/**
 * The tweets of the timeline `article` is in, in document order, once per scan: neighbours are
 * found there, not among the sibling cells, so wrappers around cells or tweets change nothing.
 */
function timelineIndex(article: Element, page: PageInfo): Timeline {
  return perScan(page, 'x:timeline', timelineOf(article), (root) => {
    const connected = new Map<Element, boolean>();
    const authors = new Map<Element, string | null>();
    const once = <T>(cache: Map<Element, T>, el: Element, read: (el: Element) => T): T => {
      if (!cache.has(el)) cache.set(el, read(el));
      return cache.get(el) as T;
    };
    return {
      ...indexItems(root, X_SELECTORS.tweet),
      connected: (el) => once(connected, el, isConnectedToPrevious),
      author: (el) => once(authors, el, (a) => authorHandle(a)),
    };
  });
}

/** The tweet a conversation page is about (`/<user>/status/<id>`), when it is on the page. */
function focalTweet(article: Element, page: PageInfo): Element | null {
  const focal = statusOf(page.url.pathname);
  if (!focal) return null;
  return memoize(page, 'x:focal', () => {
    const doc = article.ownerDocument;
    for (const time of Array.from(doc.querySelectorAll(X_SELECTORS.statusTime))) {
      if (statusOf(hrefPath(time.parentElement))?.id === focal.id) return time.closest(X_SELECTORS.tweet);
    }
    return null;
  });
}

/** Authors of the tweets that continue this one's chain below it. */
function chainAuthorsAfter(article: Element, timeline: Timeline): string[] {
  const authors: string[] = [];
  for (let i = timeline.at(article) + 1; i > 0 && i < timeline.items.length; i++) {
    const next = timeline.items[i]!;
    if (!timeline.connected(next)) break;
    const handle = timeline.author(next);
    if (handle) authors.push(handle);
  }
  return authors;
}

/** Authors of the replies to the focal tweet: every chain that starts below it (once per scan). */
function directReplyAuthors(focal: Element, page: PageInfo): string[] {
  return memoize(page, 'x:direct-replies', () => {
    const timeline = timelineIndex(focal, page);
    const authors: string[] = [];
    for (const next of timeline.items.slice(timeline.at(focal) + 1)) {
      if (timeline.connected(next)) continue;
      const handle = timeline.author(next);
      if (handle) authors.push(handle);
    }
    return authors;
  });
}

function readEntry(article: Element, page: PageInfo): PageEntry | null {
  const facts = tweetFacts(article);
  if (!facts) return null;
  const text = multilineTextOf(article.querySelector(X_SELECTORS.text));
  const focal = focalTweet(article, page);
  const focalStatus = statusOf(page.url.pathname);
  const timeline = timelineIndex(article, page);
  const connected = timeline.connected(article);

  let parentAuthor: string | null = null;
  let parentIsPost = false;
  if (connected) {
    const at = timeline.at(article);
    const previous = at > 0 ? timeline.items[at - 1] : undefined;
    parentAuthor = previous ? timeline.author(previous) : null;
    // A connected tweet right under the focal one answers the post itself.
    parentIsPost = previous !== undefined && previous === focal;
  }
  else if (focal && focal !== article && focal.compareDocumentPosition(article) & 4) {
    parentAuthor = authorHandle(focal) ?? focalStatus?.handle ?? null;
    parentIsPost = true;
  }

  const repliedBy = article === focal ? directReplyAuthors(article, page) : chainAuthorsAfter(article, timeline);

  return {
    id: facts.id,
    author: { name: facts.name, handle: facts.handle },
    text,
    url: `https://x.com/${facts.handle}/status/${facts.id}`,
    thread: focalStatus?.id ?? facts.id,
    createdAt: facts.createdAt,
    parentAuthor,
    parentIsPost,
    repliedBy,
    onMentionsPage: isMentionsPage(page.url),
  };
}

export const xAdapter = defineAdapter(x, X_SELECTORS, { items: ['tweet'] }, {
  get required() {
    return { tweet: X_SELECTORS.tweet, author: X_SELECTORS.userName, time: X_SELECTORS.statusTime };
  },

  expectsItems(url) {
    return STATUS_PATH.test(url.pathname) || isMentionsPage(url);
  },

  scansPage(url) {
    // Settings, messages and compose pages show no conversations.
    return !/^\/(settings|messages|compose|i\/(flow|keyboard_shortcuts))(\/|$)/.test(url.pathname);
  },

  readEntry,

  relatedItems(article) {
    // A tweet that continues a chain may answer any tweet above it in that chain.
    const related: Element[] = [];
    let current = article;
    for (const previous of precedingInOrder(article, X_SELECTORS.tweet, timelineOf(article))) {
      if (!isConnectedToPrevious(current)) break;
      related.push(previous);
      current = previous;
    }
    return related;
  },

  detectOwner(doc) {
    const switcher = doc.querySelector(X_SELECTORS.accountSwitcher);
    if (!switcher) return null;
    const match = /@([A-Za-z0-9_]{1,30})/.exec(switcher.textContent ?? '');
    if (match?.[1]) return match[1];
    const avatar = switcher.querySelector('[data-testid^="UserAvatar-Container-"]');
    const fromAvatar = avatar?.getAttribute('data-testid')?.slice('UserAvatar-Container-'.length);
    return fromAvatar && /^[A-Za-z0-9_]{1,30}$/.test(fromAvatar) ? fromAvatar : null;
  },

  badgeAnchor(article) {
    return article.querySelector(X_SELECTORS.userName);
  },

  replyButton(article) {
    return article.querySelector<HTMLElement>(X_SELECTORS.reply);
  },

  composerFor(article, doc) {
    // Replying opens the modal composer; on the focal tweet it is the inline one under it.
    const modal = doc.querySelector(X_SELECTORS.modal);
    const inModal = modal?.querySelector<HTMLElement>(X_SELECTORS.composer);
    if (inModal) return inModal;
    const handle = tweetFacts(article)?.handle;
    const inline = doc.querySelector(X_SELECTORS.inlineComposer);
    if (inline && handle && mentionedHandles(inline.textContent ?? '').includes(handle.toLowerCase())) {
      return inline.querySelector<HTMLElement>(X_SELECTORS.composer);
    }
    return null;
  },
});
