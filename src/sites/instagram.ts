import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { instagram } from '../core/sites/instagram';
import { firstRead, hrefPath, multilineTextOf, ownParts, textOf } from './dom';
import type { PageInfo } from './types';
import { defineAdapter, memoize, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const INSTAGRAM_SELECTORS = selectorsInUse(instagram);

const S = INSTAGRAM_SELECTORS;
const COMMENT_PATH = /^\/(?:[\w.]{1,30}\/)?(?:p|reel)\/([\w-]{5,40})\/c\/(\d{1,25})\/?$/u;
const POST_PAGE = /^\/(?:[\w.]{1,30}\/)?(?:p|reel)\/([\w-]{5,40})\/?$/u;
const PROFILE_PATH = /^\/([\w.]{1,30})\/?$/u;
const NOT_USERS = new Set(['p', 'reel', 'explore', 'accounts', 'direct', 'stories']);
const REPLY_WORDS = new Set(['reply', 'responder', 'antworten', 'répondre', 'rispondi']);

function profileOf(a: Element | null | undefined): string | null {
  const name = PROFILE_PATH.exec(hrefPath(a) ?? '')?.[1];
  return name && !NOT_USERS.has(name) ? name : null;
}

/** The comment's row: the list item around its permalink. */
function rowOf(link: Element): Element | null {
  return link.closest(S.row);
}

/** The row's own parts: not inside a reply row nested in it. */
function own(row: Element, selector: string): Element[] {
  return ownParts(row, selector, S.row);
}

function authorOf(row: Element): { name: string; handle: string } | null {
  for (const a of own(row, S.author)) {
    const handle = profileOf(a);
    if (handle) return { name: textOf(a) || handle, handle };
  }
  return null;
}

function permalinkOf(row: Element): Element | null {
  return own(row, S.permalink).find((a) => COMMENT_PATH.test(hrefPath(a) ?? '')) ?? null;
}

function postOwner(doc: Document, page: PageInfo): string | null {
  return memoize(page, 'instagram:owner', () => firstRead(doc, S.postAuthor, (a) => profileOf(a) || null));
}

function readEntry(link: Element, page: PageInfo): PageEntry | null {
  const match = COMMENT_PATH.exec(hrefPath(link) ?? '');
  const row = rowOf(link);
  if (!match?.[1] || !match[2] || !row || permalinkOf(row) !== link) return null;
  const author = authorOf(row);
  if (!author) return null;
  const textEl = own(row, S.text).find((el) => !el.closest('a'));
  const parentRow = row.parentElement?.closest(S.row) ?? null;
  const replies = Array.from(row.querySelectorAll(S.row)).filter((r) => r.parentElement?.closest(S.row) === row);
  return {
    id: match[2],
    author,
    text: multilineTextOf(textEl),
    url: `https://www.instagram.com/p/${match[1]}/c/${match[2]}/`,
    thread: `post:${match[1]}`,
    createdAt: parseTime(link.querySelector('time')?.getAttribute('datetime')),
    parentAuthor: parentRow ? (authorOf(parentRow)?.handle ?? null) : postOwner(link.ownerDocument, page),
    parentIsPost: parentRow === null,
    repliedBy: replies.flatMap((r) => authorOf(r)?.handle ?? []),
    onMentionsPage: false,
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

  relatedItems(link) {
    const parentRow = rowOf(link)?.parentElement?.closest(S.row);
    const parentLink = parentRow ? permalinkOf(parentRow) : null;
    return parentLink ? [parentLink] : [];
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
    const reply = own(row, S.button).find((b) => REPLY_WORDS.has(textOf(b).toLowerCase()));
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
