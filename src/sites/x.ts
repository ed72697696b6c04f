import { mentionedHandles } from '../core/handles';
import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { x } from '../core/sites/x';
import { hrefPath, multilineTextOf, perItem, textOf } from './dom';
import { followingInOrder, lastingElement, precedingItems } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

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
function authorHandle(article: Element, page?: PageInfo): string | null {
  return perItem(page, 'x:author', article, () => handleIn(article.querySelector(X_SELECTORS.userName)));
}

function handleIn(userName: Element | null): string | null {
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

/** Whether the text around a reply box names `handle` as the author replied to (not counting what is typed). */
function repliesTo(around: Element, composer: Element, handle: string): boolean {
  const typed = composer.textContent ?? '';
  const text = (around.textContent ?? '').replace(typed, ' ');
  return mentionedHandles(text).includes(handle);
}

/** Id, author and time of a tweet; null when its header is not (yet) there. */
function tweetFacts(article: Element, page?: PageInfo): TweetFacts | null {
  // The handle as the walks over neighbours read it (kept for the chunk): one reading, not two.
  const handle = authorHandle(article, page);
  const userName = handle ? article.querySelector(X_SELECTORS.userName) : null;
  if (!handle || !userName) return null;
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
function isConnectedToPrevious(article: Element, page?: PageInfo): boolean {
  return perItem(page, 'x:connected', article, () => hasConnector(article));
}

function hasConnector(article: Element): boolean {
  const avatar = article.querySelector(X_SELECTORS.avatar);
  if (!avatar) return false;
  let row: Element | null = avatar;
  while (row?.parentElement && row.parentElement !== article && !row.previousElementSibling) {
    row = row.parentElement;
  }
  const strip = row?.previousElementSibling;
  if (!strip || strip.contains(avatar)) return false;
  // A third div there, without listing them all.
  return strip.getElementsByTagName('div').item(2) !== null;
}

/** The timeline an article is in (the conversation, a dialog's, or else the page): tweets relate within it. */
function timelineOf(article: Element): ParentNode & Node {
  return article.closest(X_SELECTORS.timeline) ?? article.ownerDocument;
}

/**
 * The tweet before this one in its timeline, found by walking back from it in document order: its
 * neighbours, not the sibling cells, so wrappers around cells or tweets change nothing, and the cost
 * does not grow with the tweets already on the page.
 */
function previousTweet(article: Element): Element | null {
  return precedingItems(article, X_SELECTORS.tweet, timelineOf(article)).next().value ?? null;
}

/** The tweets after this one in its timeline, nearest first, walked only as far as they are read. */
function tweetsAfter(article: Element): Generator<Element> {
  return followingInOrder(article, X_SELECTORS.tweet, timelineOf(article));
}

/**
 * The tweet a conversation page is about (`/<user>/status/<id>`), when it is on the page: kept for
 * the page's state once found; while it is not there, one query for links to it per chunk.
 */
function focalTweet(article: Element, page: PageInfo): Element | null {
  const focal = statusOf(page.url.pathname);
  if (!focal) return null;
  return lastingElement(page, 'x:focal', () => {
    for (const link of Array.from(article.ownerDocument.querySelectorAll(`a[href*="/status/${focal.id}"]`))) {
      if (statusOf(hrefPath(link))?.id !== focal.id) continue;
      const time = Array.from(link.children).find((child) => child.matches(X_SELECTORS.statusTime));
      if (time) return time.closest(X_SELECTORS.tweet);
    }
    return null;
  });
}

/** Authors of the tweets that continue this one's chain below it. */
function chainAuthorsAfter(article: Element, page: PageInfo): string[] {
  const authors: string[] = [];
  for (const next of tweetsAfter(article)) {
    if (!isConnectedToPrevious(next, page)) break;
    const handle = authorHandle(next, page);
    if (handle) authors.push(handle);
  }
  return authors;
}

/** Authors of the replies to the focal tweet: every chain that starts below it (read with the focal tweet only). */
function directReplyAuthors(focal: Element, page: PageInfo): string[] {
  const authors: string[] = [];
  for (const next of tweetsAfter(focal)) {
    if (isConnectedToPrevious(next, page)) continue;
    const handle = authorHandle(next, page);
    if (handle) authors.push(handle);
  }
  return authors;
}

function readEntry(article: Element, page: PageInfo): PageEntry | null {
  const facts = tweetFacts(article, page);
  if (!facts) return null;
  const text = multilineTextOf(article.querySelector(X_SELECTORS.text));
  const focal = focalTweet(article, page);
  const focalStatus = statusOf(page.url.pathname);
  let parentAuthor: string | null = null;
  let parentIsPost = false;
  if (isConnectedToPrevious(article, page)) {
    const previous = previousTweet(article);
    parentAuthor = previous ? authorHandle(previous, page) : null;
    // A connected tweet right under the focal one answers the post itself.
    parentIsPost = previous !== null && previous === focal;
  }
  // Asked of the article, not the focal tweet: Chromium then walks back from the focal tweet's cell
  // (near the top) to find the article's, not from the article's (anywhere in thousands) to the focal's.
  else if (focal && focal !== article && article.compareDocumentPosition(focal) & Node.DOCUMENT_POSITION_PRECEDING) {
    parentAuthor = authorHandle(focal, page) ?? focalStatus?.handle ?? null;
    parentIsPost = true;
  }

  // Read when the rules ask (an item addressed to the owner): the focal tweet's are every reply of
  // the page, a walk over thousands that its usual reader, the owner's own post, never needs.
  let repliedBy: string[] | undefined;
  const answerers = () => {
    try {
      return article === focal ? directReplyAuthors(article, page) : chainAuthorsAfter(article, page);
    }
    catch {
      return [];
    }
  };

  return {
    id: facts.id,
    author: { name: facts.name, handle: facts.handle },
    text,
    url: `https://x.com/${facts.handle}/status/${facts.id}`,
    thread: focalStatus?.id ?? facts.id,
    createdAt: facts.createdAt,
    parentAuthor,
    parentIsPost,
    get repliedBy() {
      return (repliedBy ??= answerers());
    },
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

  relatedItems(article, page) {
    // A tweet that continues a chain may answer any tweet above it in that chain.
    // Asked before each step back: most replies start a chain, and finding the tweet above costs more.
    const related: Element[] = [];
    if (!isConnectedToPrevious(article, page)) return related;
    const before = precedingItems(article, X_SELECTORS.tweet, timelineOf(article));
    for (let current = article; isConnectedToPrevious(current, page);) {
      const previous = before.next().value;
      if (!previous) break;
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
    // Replying opens the modal composer; on the focal tweet it is the inline one under it. Either
    // answers the tweets whose author it says it replies to ("Replying to @devon_k"), not every tweet.
    const handle = tweetFacts(article)?.handle.toLowerCase();
    if (!handle) return null;
    const modal = doc.querySelector(X_SELECTORS.modal);
    const inModal = modal?.querySelector<HTMLElement>(X_SELECTORS.composer);
    if (modal && inModal) return repliesTo(modal, inModal, handle) ? inModal : null;
    const inline = doc.querySelector(X_SELECTORS.inlineComposer);
    const inInline = inline?.querySelector<HTMLElement>(X_SELECTORS.composer);
    return inline && inInline && repliesTo(inline, inInline, handle) ? inInline : null;
  },
});
