import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { threads } from '../core/sites/threads';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, textOf } from './dom';
import { conversationIndex } from './incremental';
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
  /** The focused post's place (the page's own post), or -1. */
  focused: number;
  /** Each post's parent's place, or -1. */
  parent: number[];
  /** The authors of the posts answering each one, without repeats. */
  repliedBy: string[][];
}

/**
 * Who answers whom. Threads draws no parent ids (no hook for its reply lines is known): above the
 * focused post each post answers the one before it; below it, a reply by the focused post's author
 * right under a reply answers that reply (the author's answer, shown under it), and every other
 * reply answers the focused post. Position only, in one pass.
 */
function relate(facts: readonly (PostFacts | null)[], focused: number): Pick<Column, 'parent' | 'repliedBy'> {
  const author = facts[focused]?.handle;
  const parent = facts.map((f, i) => {
    if (focused < 0 || i === 0) return -1;
    if (i <= focused) return i - 1;
    return f?.handle === author && i - 1 > focused ? i - 1 : focused;
  });
  const answers = facts.map(() => new Set<string>());
  facts.forEach((f, i) => {
    if (f) answers[parent[i] ?? -1]?.add(f.handle);
  });
  return { parent, repliedBy: answers.map((set) => [...set]) };
}

function buildColumn(root: ParentNode, url: URL): Column {
  const index = indexItems(root, S.post);
  const all = index.items.map(facts);
  const code = POST_PATH.exec(url.pathname)?.[2];
  const focused = code ? all.findIndex((f) => f?.code === code) : -1;
  return { ...index, facts: all, focused, ...relate(all, focused) };
}

/**
 * The column's posts in page order, with their facts, the focused one and relations: once per
 * batch of the watcher (again when a post not in it is read). Without the content script's page (a
 * lone call), once per stretch of synchronous work.
 */
function columnIndex(el: Element, page?: PageInfo): Column {
  const doc = el.ownerDocument;
  const fits = (c: Column) => c.at(el) >= 0;
  return conversationIndex(page, 'threads:column', doc, fits, () => buildColumn(doc, page?.url ?? new URL(doc.URL)));
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
  const column = columnIndex(el, page);
  const at = column.at(el);
  if (at < 0 || column.focused < 0) return null;
  const parent = column.parent[at] ?? -1;
  return {
    ...base,
    thread: column.facts[0]?.code || own.code,
    parentAuthor: column.facts[parent]?.handle ?? null,
    parentIsPost: parent === 0,
    repliedBy: column.repliedBy[at] ?? [],
    onMentionsPage: false,
  };
}

/** "Post" in the languages Threads' reply dialog was seen or is shipped in (en, es/pt, de, fr, it). */
const POST_WORDS = new Set(['Post', 'Publicar', 'Posten', 'Veröffentlichen', 'Publier', 'Pubblica']);

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

  relatedItems(el, page) {
    // A new reply changes the verdict of the post it answers: the column is indexed once per batch.
    const column = columnIndex(el, page);
    const parent = column.items[column.parent[column.at(el)] ?? -1];
    return parent ? [parent] : [];
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
    // The icon buttons of the post's own action row (Like, Reply, Repost, Share), not the turned
    // send icon of an open reply box. Reply's label is localised: "Reply" where the page is in
    // English, else the second of the row.
    const icons = Array.from(el.querySelectorAll(S.iconButton)).filter(
      (button) => el.contains(button) && !button.querySelector('span[style*="rotate"]') && button.closest(S.post) === el,
    ) as HTMLElement[];
    const labelled = icons.find((button) => button.querySelector(S.replyIcon));
    return labelled ?? (icons.length >= 3 ? (icons[1] ?? null) : null);
  },

  isSendControl(target) {
    // The reply dialog's "Post" sits beside "Cancel" with nothing but its word to tell them apart.
    const button = target.closest(S.dialogButton);
    return !!button && POST_WORDS.has(button.textContent?.trim() ?? '');
  },

  composerFor(el, doc) {
    // The reply box names whom it answers ("Reply to <user>…", localised): its handle is read.
    const handle = facts(el)?.handle;
    if (!handle) return null;
    const named = new RegExp(`(?:^|[^\\w.])@?${handle.replace(/\./gu, '\\.')}(?!\\w|\\.\\w)`, 'u');
    return (
      Array.from(doc.querySelectorAll<HTMLElement>(S.composer)).find((box) =>
        named.test(box.getAttribute('aria-placeholder') ?? box.getAttribute('aria-label') ?? ''),
      ) ?? null
    );
  },
});
