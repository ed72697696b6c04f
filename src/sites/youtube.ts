import { mentionedHandles, normalizeHandle, sameHandle } from '../core/handles';
import type { PageEntry } from '../core/relevance';
import { parseAge } from '../core/page-time';
import { youtube } from '../core/sites/youtube';
import { takeAgeWords } from '../core/time-words';
import { firstOwn, firstRead, hrefPath, multilineTextOf, pageLanguages, perItem, searchParam, subtreeSelector, textOf } from './dom';
import { lastingElement, lastingIndexOf } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const YOUTUBE_SELECTORS = selectorsInUse(youtube);

const HANDLE_PATH = /^\/@([\w.-]{1,100})$/u;

function handleFromHref(a: Element | null): string | null {
  const path = hrefPath(a);
  const match = path ? HANDLE_PATH.exec(decodeURIComponent(path)) : null;
  return match?.[1] ?? null;
}

/** The video's owner: the first channel link under the video that names a handle, kept for the page's state. */
function videoOwner(doc: Document, page: PageInfo): string | null {
  const link = lastingElement(page, 'youtube:owner', () =>
    firstRead(doc, YOUTUBE_SELECTORS.videoOwner, (a) => (handleFromHref(a) ? a : null)),
  );
  return handleFromHref(link);
}

/** Element's own part, not a nested reply's (an old ytd-comment-renderer may hold them): the first found. */
function own(el: Element, selector: string): Element | null {
  return firstOwn(el, selector, YOUTUBE_SELECTORS.comment);
}

function threadOf(el: Element): Element | null {
  return el.closest(YOUTUBE_SELECTORS.thread);
}

function isReply(el: Element): boolean {
  return el.parentElement?.closest(YOUTUBE_SELECTORS.replies) !== null && threadOf(el) !== null;
}

function topCommentOf(thread: Element): Element | null {
  for (const candidate of Array.from(thread.querySelectorAll(YOUTUBE_SELECTORS.comment))) {
    if (!isReply(candidate)) return candidate;
  }
  return null;
}

/** The thread's replies: their box found beside the top comment (not walking into it), else anywhere in the thread. */
function repliesOf(thread: Element): Element[] {
  const { replies, comment } = YOUTUBE_SELECTORS;
  const box = firstOwn(thread, replies, comment) ?? thread.querySelector(subtreeSelector(replies));
  return box ? Array.from(box.querySelectorAll(YOUTUBE_SELECTORS.comment)) : [];
}

/** A thread's top comment, replies in order and who wrote them. */
interface ThreadFacts {
  top: Element | null;
  replies: Element[];
  place: Map<Element, number>;
  /** Everyone who replied, each once, the last to reply first; with the place of their last reply. */
  byLast: Replier[];
  /** The same, by handle as compared (no "@", lower case). */
  lastOf: Map<string, Replier>;
}

interface Replier {
  handle: string;
  last: number;
}

/**
 * A thread's facts, read once per batch of the watcher (again when a comment of the thread not in
 * them is read: replies came), not once per chunk: a long thread's replies arrive over many chunks.
 */
function threadFacts(el: Element, thread: Element, page: PageInfo): ThreadFacts {
  const fits = (facts: ThreadFacts) => facts.top === el || facts.place.has(el);
  return lastingIndexOf(page, 'youtube:thread', thread, fits, () => {
    const replies = repliesOf(thread);
    const lastOf = new Map<string, Replier>();
    replies.forEach((reply, i) => {
      const handle = authorOf(reply, page)?.handle;
      if (!handle) return;
      const key = normalizeHandle(handle);
      lastOf.delete(key);
      lastOf.set(key, { handle, last: i });
    });
    // Kept in the order of their last reply: the last to reply comes last; reversed, first.
    const place = new Map(replies.map((reply, i) => [reply, i]));
    return { top: topCommentOf(thread), replies, place, byLast: [...lastOf.values()].reverse(), lastOf };
  });
}

/**
 * Who replied after the reply at `at` (everyone for the top comment, at -1), each once. Where the
 * owner is known, only whether they did: a thread of thousands by as many people would otherwise
 * list millions of names in all, for the one rule that looks for the owner's.
 */
function repliedAfter(facts: ThreadFacts, at: number, owner?: string | null): string[] {
  if (owner) {
    const mine = facts.lastOf.get(normalizeHandle(owner));
    return mine && mine.last > at ? [mine.handle] : [];
  }
  const after: string[] = [];
  for (const { handle, last } of facts.byLast) {
    if (last <= at) break;
    after.push(handle);
  }
  return after;
}

/** A comment's author, once per chunk (replies are read for their own entries and for their top comment's). */
function authorOf(el: Element, page?: PageInfo): { name: string; handle: string } | null {
  return perItem(page, 'youtube:author', el, () => {
    const link = own(el, YOUTUBE_SELECTORS.author);
    const handle = handleFromHref(link);
    if (!handle) return null;
    const shown = textOf(link).replace(/^@/, '');
    return { name: shown || handle, handle };
  });
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const videoId = page.url.searchParams.get('v');
  const author = authorOf(el, page);
  const timeLink = own(el, YOUTUBE_SELECTORS.timeLink);
  const id = searchParam(timeLink, 'lc');
  if (!videoId || !author || !id) return null;
  const text = multilineTextOf(own(el, YOUTUBE_SELECTORS.text));
  const thread = threadOf(el);
  const reply = isReply(el);

  let parentAuthor: string | null;
  let repliedBy: string[] = [];
  const facts = thread ? threadFacts(el, thread, page) : null;
  if (!reply) {
    parentAuthor = videoOwner(el.ownerDocument, page);
    repliedBy = facts ? repliedAfter(facts, -1, page.owner) : [];
  }
  else {
    // Replies are flat under the top comment; one that opens with "@someone" answers that person.
    const top = facts?.top;
    const addressed = /^\s*@/.test(text) ? (mentionedHandles(text)[0] ?? null) : null;
    parentAuthor = addressed ?? (top ? (authorOf(top, page)?.handle ?? null) : null);
    const at = facts?.place.get(el);
    if (facts && at !== undefined) repliedBy = repliedAfter(facts, at, page.owner);
  }

  return {
    id,
    author,
    text,
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}`,
    thread: `video:${videoId}`,
    createdAt: parseAge(textOf(timeLink), Date.now(), pageLanguages(el)),
    parentAuthor,
    parentIsPost: !reply,
    repliedBy,
    onMentionsPage: false,
  };
}

/**
 * Where the replies before the one at `at` start to wait on it: for a reply by someone else than the
 * owner (known), none (it answers no one for the owner); for the owner's, those after the owner's
 * reply before it (the earlier ones were answered by then). Unknown owner: all of them.
 */
function answeredSince(replies: Element[], at: number, page?: PageInfo): number {
  const owner = page?.owner;
  if (!owner || !page || at < 0) return 0;
  if (!sameHandle(authorOf(replies[at]!, page)?.handle, owner)) return at;
  for (let i = at - 1; i >= 0; i--) if (sameHandle(authorOf(replies[i]!, page)?.handle, owner)) return i + 1;
  return 0;
}

// --- YouTube Studio's comments inbox: every top comment there is on the owner's videos ---

const isStudio = (el: Element) => el.matches(YOUTUBE_SELECTORS.studioComment);

function studioOwn(el: Element, selector: string): Element | null {
  return firstOwn(el, selector, YOUTUBE_SELECTORS.studioComment);
}

function studioAuthor(el: Element): { name: string; handle: string } | null {
  const link = studioOwn(el, YOUTUBE_SELECTORS.studioAuthor);
  const shown = textOf(link);
  // Studio shows "@handle" as the name; the link may point at a channel id instead.
  const handle = handleFromHref(link) ?? (/^@([\w.-]{1,100})$/u.exec(shown)?.[1] ?? null);
  return handle ? { name: shown.replace(/^@/u, '') || handle, handle } : null;
}

function studioIsReply(el: Element): boolean {
  return el.parentElement?.closest(YOUTUBE_SELECTORS.studioReplies) !== null;
}

function readStudioEntry(el: Element): PageEntry | null {
  const author = studioAuthor(el);
  const link = studioOwn(el, YOUTUBE_SELECTORS.studioTime);
  const id = searchParam(link, 'lc');
  const videoId = searchParam(link, 'v');
  if (!author || !id || !videoId) return null;
  const thread = el.closest(YOUTUBE_SELECTORS.studioThread);
  const reply = studioIsReply(el);
  const all = thread ? Array.from(thread.querySelectorAll(YOUTUBE_SELECTORS.studioComment)) : [];
  const top = all.find((c) => !studioIsReply(c));
  const replies = reply ? [] : all.filter(studioIsReply);
  return {
    id,
    author,
    text: multilineTextOf(studioOwn(el, YOUTUBE_SELECTORS.studioText)),
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(id)}`,
    thread: `video:${videoId}`,
    createdAt: parseAge(textOf(link), Date.now(), pageLanguages(el)),
    parentAuthor: reply && top ? (studioAuthor(top)?.handle ?? null) : null,
    parentIsPost: !reply,
    repliedBy: replies.flatMap((r) => studioAuthor(r)?.handle ?? []),
    onMentionsPage: false,
    onOwnersPage: true,
  };
}

export const youtubeAdapter = defineAdapter(youtube, YOUTUBE_SELECTORS, { items: ['comment', 'studioComment'], composers: ['composer', 'studioComposer'], sends: ['send', 'studioSend'] }, {
  // Its times are ages in the page's language: the worker's words for them are taken.
  takeTimeWords: takeAgeWords,

  get required() {
    return { comment: YOUTUBE_SELECTORS.comment, author: YOUTUBE_SELECTORS.author, time: YOUTUBE_SELECTORS.timeLink };
  },

  expectsItems(url, doc) {
    // Comments load when scrolled to: they are expected once their header (the count) is there.
    if (url.hostname === 'studio.youtube.com') return false;
    return url.pathname === '/watch' && !!doc.querySelector(YOUTUBE_SELECTORS.commentsHeader);
  },

  scansPage(url) {
    if (url.hostname === 'studio.youtube.com') return /\/comments(\/|$)/u.test(url.pathname);
    return url.pathname === '/watch' && url.searchParams.has('v');
  },

  readEntry(el, page) {
    return isStudio(el) ? readStudioEntry(el) : readEntry(el, page);
  },

  relatedItems(el, page) {
    if (isStudio(el)) {
      const top = el.closest(YOUTUBE_SELECTORS.studioThread)?.querySelector(YOUTUBE_SELECTORS.studioComment);
      return studioIsReply(el) && top ? [top] : [];
    }
    // A reply may answer the top comment or any reply before it; the owner's shows each was answered.
    const thread = threadOf(el);
    if (!thread || !isReply(el)) return [];
    const facts = page ? threadFacts(el, thread, page) : null;
    const top = facts ? facts.top : topCommentOf(thread);
    const siblings = facts ? facts.replies : repliesOf(thread);
    const at = facts ? (facts.place.get(el) ?? -1) : siblings.indexOf(el);
    return [...(top ? [top] : []), ...siblings.slice(answeredSince(siblings, at, page), Math.max(0, at))];
  },

  // YouTube does not show the signed-in handle on watch pages: it comes from the options page.
  detectOwner() {
    return null;
  },

  badgeAnchor(el) {
    if (isStudio(el)) return studioOwn(el, YOUTUBE_SELECTORS.studioAuthor)?.parentElement ?? null;
    return own(el, YOUTUBE_SELECTORS.headerAuthor);
  },

  replyButton(el) {
    if (isStudio(el)) return studioOwn(el, YOUTUBE_SELECTORS.studioReply) as HTMLElement | null;
    return own(el, YOUTUBE_SELECTORS.reply) as HTMLElement | null;
  },

  composerFor(el) {
    if (isStudio(el)) {
      // The reply box opens in the comment's thread.
      const thread = el.closest(YOUTUBE_SELECTORS.studioThread);
      return thread?.querySelector<HTMLElement>(YOUTUBE_SELECTORS.studioComposer) ?? null;
    }
    const dialog = own(el, YOUTUBE_SELECTORS.replyDialog);
    return dialog?.querySelector<HTMLElement>(YOUTUBE_SELECTORS.composer) ?? null;
  },
});
