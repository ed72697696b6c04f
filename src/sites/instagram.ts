import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { instagram } from '../core/sites/instagram';
import { firstRead, hrefPath, multilineTextOf, textOf } from './dom';
import { besideHolds, conversationIndex } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, memoize, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const INSTAGRAM_SELECTORS = selectorsInUse(instagram);

const S = INSTAGRAM_SELECTORS;
/** A comment's permalink, "/p/<code>/c/<id>/", or a reply's, "/p/<code>/c/<commentId>/r/<replyId>/". */
const COMMENT_PATH = /^\/(?:[\w.]{1,30}\/)?(?:p|reel)\/([\w-]{5,40})\/c\/(\d{1,25})\/(?:r\/(\d{1,25})\/?)?$/u;
const POST_PAGE = /^\/(?:[\w.]{1,30}\/)?(?:p|reel)\/([\w-]{5,40})\/?$/u;
const PROFILE_PATH = /^\/([\w.]{1,30})\/?$/u;
const NOT_USERS = new Set(['p', 'reel', 'explore', 'accounts', 'direct', 'stories']);
const REPLY_WORDS = new Set(['reply', 'responder', 'antworten', 'répondre', 'rispondi']);

function profileOf(a: Element | null | undefined): string | null {
  const name = PROFILE_PATH.exec(hrefPath(a) ?? '')?.[1];
  return name && !NOT_USERS.has(name) ? name : null;
}

interface Permalink {
  code: string;
  /** The comment's id; a reply's own id. */
  id: string;
  /** For a reply, the id of the comment it answers (its thread). */
  answers: string | null;
}

function permalinkFacts(link: Element | null | undefined): Permalink | null {
  const match = COMMENT_PATH.exec(hrefPath(link) ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { code: match[1], id: match[3] ?? match[2], answers: match[3] ? match[2] : null };
}

const isPermalink = (a: Element) => permalinkFacts(a) !== null && !!a.querySelector('time');

/**
 * The comment's row, found upward from its permalink (rows have generated classes and, in newer
 * layouts, are no list items): the outermost element around it that holds no other comment's.
 */
function rowOf(link: Element): Element | null {
  let row: Element | null = null;
  // Each level adds what sits beside the one below it: only that is looked at (nearest first).
  for (let from = link, up = link.parentElement; up; from = up, up = up.parentElement) {
    if (besideHolds(from, S.permalink, isPermalink)) break;
    row = up;
  }
  return row;
}

function authorOf(row: Element): { name: string; handle: string } | null {
  // The name's link (a heading's in older layouts); else the first profile link with text.
  const links = [...Array.from(row.querySelectorAll(S.author)), ...Array.from(row.querySelectorAll('a[href]'))];
  for (const a of links) {
    const handle = profileOf(a);
    if (handle && textOf(a)) return { name: textOf(a), handle };
  }
  return null;
}

function postOwner(doc: Document, page: PageInfo): string | null {
  return memoize(page, 'instagram:owner', () => firstRead(doc, S.postAuthor, (a) => profileOf(a) || null));
}

interface Comments {
  /** Each comment's author, by id. */
  authors: Map<string, string>;
  /** The authors of the replies to each comment, by the comment's id. */
  replies: Map<string, string[]>;
  /** Each comment's permalink, by id. */
  links: Map<string, Element>;
}

/**
 * The page's comments by id, and their replies by the ids in the reply permalinks: once per batch
 * of the watcher (again when a comment not in it is read). Without the content script's page (a
 * lone call), once per stretch of synchronous work.
 */
function commentIndex(link: Element, page?: PageInfo): Comments {
  const doc = link.ownerDocument;
  const id = permalinkFacts(link)?.id ?? '';
  const fits = (c: Comments) => c.links.get(id) === link;
  return conversationIndex(page, 'instagram:comments', doc, fits, () => buildComments(doc));
}

/** The page's comments by id, and their replies by the ids in the reply permalinks. */
function buildComments(doc: Document): Comments {
  const comments: Comments = { authors: new Map(), replies: new Map(), links: new Map() };
  for (const link of Array.from(doc.querySelectorAll(S.permalink))) {
    const facts = isPermalink(link) ? permalinkFacts(link) : null;
    const row = facts ? rowOf(link) : null;
    const author = row ? authorOf(row)?.handle : null;
    if (!facts || !author) continue;
    comments.authors.set(facts.id, author);
    comments.links.set(facts.id, link);
    if (!facts.answers) continue;
    const list = comments.replies.get(facts.answers) ?? [];
    if (!list.includes(author)) list.push(author);
    comments.replies.set(facts.answers, list);
  }
  return comments;
}

function readEntry(link: Element, page: PageInfo): PageEntry | null {
  const facts = isPermalink(link) ? permalinkFacts(link) : null;
  const row = facts ? rowOf(link) : null;
  const author = row ? authorOf(row) : null;
  if (!facts || !row || !author) return null;
  const comments = commentIndex(link, page);
  const textEl = Array.from(row.querySelectorAll(S.text)).find((el) => !el.closest('a, h2, h3'));
  const path = facts.answers ? `c/${facts.answers}/r/${facts.id}` : `c/${facts.id}`;
  return {
    id: facts.id,
    author,
    text: multilineTextOf(textEl),
    url: `https://www.instagram.com/p/${facts.code}/${path}/`,
    thread: `post:${facts.code}`,
    createdAt: parseTime(link.querySelector('time')?.getAttribute('datetime')),
    parentAuthor: facts.answers ? (comments.authors.get(facts.answers) ?? null) : postOwner(link.ownerDocument, page),
    parentIsPost: !facts.answers,
    repliedBy: comments.replies.get(facts.id) ?? [],
    onMentionsPage: false,
    // A reply whose comment is not on the page: whom it answers is unknown.
    ...(facts.answers && !comments.authors.has(facts.answers) && { unrelated: true }),
  };
}

export const instagramAdapter = defineAdapter(instagram, INSTAGRAM_SELECTORS, { items: ['permalink'] }, {
  get required() {
    return { permalink: S.permalink, author: S.author };
  },

  scansPage(url) {
    return POST_PAGE.test(url.pathname);
  },

  expectsItems() {
    // Comments may be hidden or turned off on a post: none is no sign of trouble.
    return false;
  },

  readEntry,

  relatedItems(link, page) {
    // A reply changes the verdict of the comment its permalink names.
    const answers = permalinkFacts(link)?.answers;
    if (!answers) return [];
    const comments = commentIndex(link, page);
    const parent = comments.links.get(answers);
    return parent ? [parent] : [];
  },

  detectOwner() {
    // The signed-in account is not shown in a hook seen in the evidence: the handle comes from Options.
    return null;
  },

  badgeAnchor(link) {
    return link.parentElement;
  },

  replyButton(link) {
    const row = rowOf(link);
    if (!row) return null;
    const reply = Array.from(row.querySelectorAll(S.button)).find((b) => REPLY_WORDS.has(textOf(b).toLowerCase()));
    return (reply as HTMLElement | undefined) ?? null;
  },

  composerFor(link, doc) {
    // One comment box for the post; it answers this comment once its Reply has put "@user " in it.
    const box = doc.querySelector<HTMLTextAreaElement>(S.composer);
    const row = rowOf(link);
    const author = row ? authorOf(row) : null;
    return box && author && box.value.startsWith(`@${author.handle} `) ? box : null;
  },
});
