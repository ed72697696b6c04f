import type { PageEntry } from '../core/relevance';
import { parseRelativeAge } from '../core/time';
import { tiktok } from '../core/sites/tiktok';
import { hrefPath, multilineTextOf, textOf } from './dom';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const TIKTOK_SELECTORS = selectorsInUse(tiktok);

const S = TIKTOK_SELECTORS;
const VIDEO_PAGE = /^\/@([\w.]{1,40})\/video\/(\d{1,25})\/?$/u;
const HANDLE_PATH = /^\/@([\w.]{1,40})\/?$/u;

/**
 * The comment's own block: the nearest ancestor of its text that also holds its author, however many
 * wrappers lie between. An ancestor that holds another comment's words is past it: not ours.
 */
function blockOf(text: Element): Element | null {
  for (let el = text.parentElement; el; el = el.parentElement) {
    if (el.querySelectorAll(S.text).length > 1) return null;
    if (el.querySelector(S.username)) return el;
  }
  return null;
}

function levelOf(text: Element): 1 | 2 {
  return text.getAttribute('data-e2e') === 'comment-level-2' ? 2 : 1;
}

function authorOf(text: Element): { name: string; handle: string } | null {
  const block = blockOf(text);
  const user = block?.querySelector(`[data-e2e="comment-username-${levelOf(text)}"]`) ?? block?.querySelector(S.username);
  const link = user?.querySelector('a[href]') ?? user?.closest('a[href]');
  const handle = HANDLE_PATH.exec(hrefPath(link) ?? '')?.[1];
  if (!handle) return null;
  return { name: textOf(user?.querySelector('span') ?? user) || handle, handle };
}

/** A top comment's thread: the element holding it and its replies (the item block's parent). */
function threadOf(text: Element): Element | null {
  if (levelOf(text) === 2) {
    for (let el = text.parentElement; el; el = el.parentElement) {
      if (el.querySelector('[data-e2e="comment-level-1"]')) return el;
    }
    return null;
  }
  // The widest ancestor that still holds this one top comment (its wrapper and its replies).
  let thread: Element | null = blockOf(text);
  for (let el = thread?.parentElement; el; el = el.parentElement) {
    if (el.querySelectorAll('[data-e2e="comment-level-1"]').length > 1) break;
    thread = el;
  }
  return thread;
}

/** No comment id is shown on the page: a comment is known by its video, author and words. */
function contentId(video: string, handle: string, text: string): string {
  let hash = 5381;
  for (const ch of text) hash = ((hash * 33) ^ ch.codePointAt(0)!) >>> 0;
  return `${video}:${handle}:${hash.toString(36)}`;
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const video = VIDEO_PAGE.exec(page.url.pathname);
  const author = authorOf(el);
  const text = multilineTextOf(el);
  if (!video?.[1] || !video[2] || !author || !text) return null;
  const level = levelOf(el);
  const thread = threadOf(el);
  const top = level === 2 ? thread?.querySelector('[data-e2e="comment-level-1"]') : null;
  const replies = level === 1 && thread ? Array.from(thread.querySelectorAll('[data-e2e="comment-level-2"]')) : [];
  const time = blockOf(el)?.querySelector(S.time);
  return {
    id: contentId(video[2], author.handle, text),
    author,
    text,
    url: `https://www.tiktok.com/@${video[1]}/video/${video[2]}`,
    thread: `video:${video[2]}`,
    createdAt: parseRelativeAge(textOf(time), Date.now()),
    parentAuthor: level === 1 ? video[1] : (top ? (authorOf(top)?.handle ?? null) : null),
    parentIsPost: level === 1,
    repliedBy: replies.flatMap((r) => authorOf(r)?.handle ?? []),
    onMentionsPage: false,
  };
}

export const tiktokAdapter = defineAdapter(tiktok, TIKTOK_SELECTORS, { items: ['text'] }, {
  get required() {
    return { text: S.text, username: S.username };
  },

  scansPage(url) {
    return VIDEO_PAGE.test(url.pathname);
  },

  expectsItems(url, doc) {
    // Comments load when their panel opens: expected once the comment box is there.
    return VIDEO_PAGE.test(url.pathname) && !!doc.querySelector('[data-e2e="comment-input"]');
  },

  readEntry,

  relatedItems(el) {
    if (levelOf(el) !== 2) return [];
    const top = threadOf(el)?.querySelector('[data-e2e="comment-level-1"]');
    return top ? [top] : [];
  },

  detectOwner() {
    // The signed-in account is not shown in a hook seen in the evidence: the handle comes from Options.
    return null;
  },

  badgeAnchor(el) {
    return blockOf(el)?.querySelector(S.time)?.parentElement ?? blockOf(el);
  },

  replyButton(el) {
    return (blockOf(el)?.querySelector(S.reply) as HTMLElement | null) ?? null;
  },

  composerFor(_el, doc) {
    // One comment box: Reply turns it into a reply to that comment.
    return doc.querySelector<HTMLElement>(S.composer);
  },
});
