import type { PageEntry } from '../core/relevance';
import { parseAge, parseDashedDate } from '../core/page-time';
import { tiktok } from '../core/sites/tiktok';
import { takeAgeWords } from '../core/time-words';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, pageLanguages, textOf } from './dom';
import { besideHolds, conversationIndex } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const TIKTOK_SELECTORS = selectorsInUse(tiktok);

const S = TIKTOK_SELECTORS;
const VIDEO_PAGE = /^\/@([\w.]{1,40})\/video\/(\d{1,25})\/?$/u;
const HANDLE_PATH = /^\/@([\w.]{1,40})\/?$/u;

/** A comment's words: pages mark them comment-level-N, some comment-text; one inside the other counts once. */
const isPrimary = (el: Element) => !el.parentElement?.closest(S.text);
const primaryTexts = (root: ParentNode) => Array.from(root.querySelectorAll(S.text)).filter(isPrimary);

/**
 * The comment's own block: the nearest ancestor of its text that also holds its author, however many
 * wrappers lie between. An ancestor that holds another comment's words is past it: not ours.
 */
function blockOf(text: Element): Element | null {
  for (let el = text.parentElement; el; el = el.parentElement) {
    if (primaryTexts(el).length > 1) return null;
    if (el.querySelector(S.username)) return el;
  }
  return null;
}

/** A reply's words say level 2, or (comment-text) its author's hook does. */
function levelOf(text: Element): 1 | 2 {
  if (text.matches(S.replyText)) return 2;
  if (text.matches(S.topText)) return 1;
  return blockOf(text)?.querySelector(S.username)?.getAttribute('data-e2e')?.endsWith('-2') ? 2 : 1;
}

function authorOf(text: Element): { name: string; handle: string } | null {
  const block = blockOf(text);
  const user = block?.querySelector(`[data-e2e="comment-username-${levelOf(text)}"]`) ?? block?.querySelector(S.username);
  const link = user?.querySelector('a[href]') ?? user?.closest('a[href]');
  const handle = HANDLE_PATH.exec(hrefPath(link) ?? '')?.[1];
  if (!handle) return null;
  return { name: textOf(user?.querySelector('span') ?? user) || handle, handle };
}

/**
 * The comment's id, where the page shows it: the id attribute of its container, the nearest
 * element around its words holding no other comment (a top comment's may hold its replies).
 */
function commentIdOf(text: Element, level: 1 | 2): string | null {
  // Another comment (a top comment's own replies aside) beside the level below: only that is looked at.
  const other = (t: Element) => isPrimary(t) && (level === 2 || levelOf(t) === 1);
  for (let from = text, el = text.parentElement; el; from = el, el = el.parentElement) {
    if (besideHolds(from, S.text, other)) return null;
    if (/^\d{6,25}$/u.test(el.id)) return el.id;
  }
  return null;
}

/** No comment id shown: a comment is known by its video, author and words. */
function contentId(video: string, handle: string, text: string): string {
  let hash = 5381;
  for (const ch of text) hash = ((hash * 33) ^ ch.codePointAt(0)!) >>> 0;
  return `${video}:${handle}:${hash.toString(36)}`;
}

interface Panel extends ItemIndex {
  /** Each comment's author, in page order. */
  authors: (string | null)[];
  /** The top comment each reply answers (its place), -1 for top comments. */
  parent: number[];
  /** The authors of each top comment's replies. */
  repliedBy: string[][];
}

/**
 * The comment panel in page order: replies come after their top comment (nested in its reply
 * container, or listed after it), so a reply answers the last top comment before it. One pass.
 */
function buildPanel(doc: Document): Panel {
  const index = indexItems(doc, S.text, isPrimary);
  const authors = index.items.map((t) => authorOf(t)?.handle ?? null);
  let top = -1;
  const parent = index.items.map((t, i) => {
    if (levelOf(t) === 1) {
      top = i;
      return -1;
    }
    return top;
  });
  const answers = authors.map(() => new Set<string>());
  authors.forEach((author, i) => {
    if (author) answers[parent[i] ?? -1]?.add(author);
  });
  return { ...index, authors, parent, repliedBy: answers.map((set) => [...set]) };
}

/**
 * The panel, once per batch of the watcher (again when a comment not in it is read). Without the
 * content script's page (a lone call), once per stretch of synchronous work.
 */
function panelIndex(el: Element, page?: PageInfo): Panel {
  const doc = el.ownerDocument;
  const fits = (p: Panel) => p.at(el) >= 0;
  return conversationIndex(page, 'tiktok:panel', doc, fits, () => buildPanel(doc));
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const video = VIDEO_PAGE.exec(page.url.pathname);
  const author = isPrimary(el) ? authorOf(el) : null;
  const text = multilineTextOf(el);
  if (!video?.[1] || !video[2] || !author || !text) return null;
  const panel = panelIndex(el, page);
  const at = panel.at(el);
  if (at < 0) return null;
  const level = levelOf(el);
  const shown = commentIdOf(el, level);
  const parent = panel.parent[at] ?? -1;
  const time = blockOf(el)?.querySelector(S.time);
  return {
    id: shown ? `${video[2]}:${shown}` : contentId(video[2], author.handle, text),
    author,
    text,
    url: `https://www.tiktok.com/@${video[1]}/video/${video[2]}`,
    thread: `video:${video[2]}`,
    // An age ("vor 2 Std."); older comments show their month and day ("11-20").
    createdAt: parseAge(textOf(time), Date.now(), pageLanguages(el)) ?? parseDashedDate(textOf(time), Date.now()),
    parentAuthor: level === 1 ? video[1] : (panel.authors[parent] ?? null),
    parentIsPost: level === 1,
    repliedBy: level === 1 ? (panel.repliedBy[at] ?? []) : [],
    onMentionsPage: false,
    // A reply with no top comment above it: whom it answers is unknown.
    ...(level === 2 && parent < 0 && { unrelated: true }),
  };
}

export const tiktokAdapter = defineAdapter(tiktok, TIKTOK_SELECTORS, { items: ['text'] }, {
  // Its times are ages in the page's language: the worker's words for them are taken.
  takeTimeWords: takeAgeWords,

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

  relatedItems(el, page) {
    // A reply changes the verdict of the top comment it answers.
    if (!isPrimary(el)) return [];
    const panel = panelIndex(el, page);
    const parent = panel.items[panel.parent[panel.at(el)] ?? -1];
    return parent ? [parent] : [];
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
