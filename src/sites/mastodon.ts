import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { mastodon } from '../core/sites/mastodon';
import type { ItemIndex } from './dom';
import { hrefPath, indexItems, multilineTextOf, textOf } from './dom';
import { conversationIndex } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, memoize, selectorsInUse } from './types';
import { batchMemo } from './batch-memo';
import type { Relations } from './mastodon-thread';
import { relateThread } from './mastodon-thread';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const MASTODON_SELECTORS = selectorsInUse(mastodon);

const S = MASTODON_SELECTORS;
/**
 * Statuses and the focused status: the adapter's items. The opt-in redesign's statuses are items
 * too, never read (see readEntry), so a page in that design counts as found but unreadable.
 */
const itemsSelector = () => `${S.status}, ${S.focused}, ${S.redesignStatus}`;
/** "/@me/1131…" (a local account) or "/@bob@example.social/1131…"; the advanced UI adds "/deck". */
const STATUS_PATH = /^(?:\/deck)?\/@([\w.-]{1,64}(?:@[\w.-]{1,253})?)\/(\d{1,24})\/?$/u;
const ACCOUNT_PATH = /^(?:\/deck)?\/@([\w.-]{1,64}(?:@[\w.-]{1,253})?)\/?$/u;
const NOTIFICATIONS = /^(?:\/deck)?\/notifications(?:\/mentions)?\/?$/u;

/** "me" on mastodon.social is "me@mastodon.social": accounts are compared in full, lower-cased. */
function fullAcct(acct: string, localDomain: string): string {
  return (acct.includes('@') ? acct : `${acct}@${localDomain}`).toLowerCase();
}

/** The instance's own domain: the page's host (the initial state may name another, see detectOwner). */
function localDomain(doc: Document, page: PageInfo): string {
  return memoize(page, 'mastodon:domain', () => initialState(doc)?.domain ?? page.url.hostname);
}

interface StatusFacts {
  acct: string;
  statusId: string;
  name: string;
  createdAt: number | null;
  mentions: string[];
}

/** A status's own facts; parts of a status quoted inside it are not its own. */
function statusFacts(el: Element, page: PageInfo): StatusFacts | null {
  const own = (selector: string) =>
    Array.from(el.querySelectorAll(selector)).filter((part) => part.closest(itemsSelector()) === el);
  const domain = localDomain(el.ownerDocument, page);
  const links = own(S.permalink);
  // A remote status's permalink may point at its home server, whose ids are not this instance's.
  const path = links.map((a) => STATUS_PATH.exec(localPath(a, page) ?? '')).find((m) => m !== null) ?? null;
  const authorLink = own(S.author)[0];
  const authorAcct = ACCOUNT_PATH.exec(localPath(authorLink, page) ?? '')?.[1] ?? path?.[1];
  // The focused status is the one the page's address names.
  const pageId = el.matches(S.focused) ? STATUS_PATH.exec(page.url.pathname)?.[2] : undefined;
  const statusId = el.getAttribute('data-id') ?? path?.[2] ?? pageId;
  if (!authorAcct || !statusId || !/^\d{1,24}$/u.test(statusId)) return null;
  const acct = fullAcct(authorAcct, domain);
  const shown = textOf(authorLink?.querySelector('.display-name__html, strong'));
  const mentions: string[] = [];
  for (const a of own(S.mentionLink)) {
    const mentioned = mentionAcct(a, page, domain);
    if (mentioned && !mentions.includes(mentioned)) mentions.push(mentioned);
  }
  return {
    acct,
    statusId,
    name: shown || acct.split('@')[0] || acct,
    createdAt: parseTime(links[0]?.querySelector('time')?.getAttribute('datetime') ?? null),
    mentions,
  };
}

/** A link's path when it stays on this instance (relative, or this host); null for another host. */
function localPath(a: Element | undefined, page: PageInfo): string | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  if (href.startsWith('/') && !href.startsWith('//')) return hrefPath(a);
  try {
    const url = new URL(href);
    return url.hostname === page.url.hostname ? url.pathname : null;
  }
  catch {
    return null;
  }
}

/**
 * A mention's account. The web app links mentions to the local profile path, "/@bob" or
 * "/@bob@example.social" (and "title" says "@acct"); the raw post HTML of older pages links the
 * profile on its home instance, "https://example.social/@bob". Hashtags ("mention hashtag") and
 * other links give null.
 */
function mentionAcct(a: Element, page: PageInfo, domain: string): string | null {
  const local = localPath(a, page);
  if (local !== null) {
    const acct = ACCOUNT_PATH.exec(local)?.[1];
    return acct ? fullAcct(acct, domain) : null;
  }
  try {
    const url = new URL(a.getAttribute('href') ?? '');
    const user = /^\/@([\w.-]{1,64})\/?$/u.exec(url.pathname)?.[1];
    return user && url.protocol === 'https:' ? `${user}@${url.hostname}`.toLowerCase() : null;
  }
  catch {
    return null;
  }
}

function isNotifications(url: URL): boolean {
  return NOTIFICATIONS.test(url.pathname);
}

interface Thread extends ItemIndex {
  /** Each status's facts, in page order. */
  facts: (StatusFacts | null)[];
  /** The focused status's place, or -1. */
  focused: number;
  /** Who answers whom (see mastodon-thread.ts). */
  relations: Relations;
}

/** The conversation (its column) a status is in; the page when no column is found. */
function conversationOf(el: Element): ParentNode {
  return el.closest(S.conversation) ?? el.ownerDocument;
}

/** Not a status quoted inside another one. */
const ownStatus = (status: Element) => !status.parentElement?.closest(itemsSelector());

function buildThread(root: ParentNode, page: PageInfo): Thread {
  const index = indexItems(root, itemsSelector(), ownStatus);
  const facts = index.items.map((status) => statusFacts(status, page));
  const target = STATUS_PATH.exec(page.url.pathname)?.[2];
  let focused = index.items.findIndex((status) => status.matches(S.focused));
  if (focused < 0 && target) focused = facts.findIndex((f) => f?.statusId === target);
  return { ...index, facts, focused, relations: relateThread(facts, focused) };
}

/**
 * A conversation's statuses in document order (ancestors, the focused one, replies depth-first),
 * not counting statuses quoted inside others, with their facts and relations: built once per
 * batch of the watcher (again when a status not in it is read: new replies came), so a status's
 * place does not depend on the wrappers around it, and another column's statuses (the advanced
 * layout's home or notifications) are not in it. Without the content script's page (a lone call),
 * once per stretch of synchronous work.
 */
function threadIndex(el: Element, page?: PageInfo): Thread {
  const root = conversationOf(el);
  const fits = (t: Thread) => t.at(el) >= 0;
  const doc = el.ownerDocument;
  // A lone call reads with a page of its own, shared by the calls of the same stretch.
  const lone = () => batchMemo(doc, 'mastodon:page', () => ({ url: new URL(doc.URL), memo: new Map<string, unknown>() }));
  return conversationIndex(page, 'mastodon:thread', root, fits, () => buildThread(root, page ?? lone()));
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  // The redesign (experiments=redesign, upstream main): generated classes and, on a conversation,
  // the focused status alone so far; not read, so site health says its statuses are unreadable.
  if (!ownStatus(el) || el.matches(S.redesignStatus)) return null;
  // A mention notification (its own page, or its column in the advanced layout): a mention. Else,
  // on notifications, nothing: a favourite or boost shows the owner's own status instead.
  const mention = !!el.closest(S.mentionNotification);
  if (!mention && isNotifications(page.url)) return null;
  const thread = mention ? null : threadIndex(el, page);
  const at = thread?.at(el) ?? -1;
  if (thread && (at < 0 || thread.focused < 0)) return null;
  const facts = thread ? thread.facts[at] : statusFacts(el, page);
  if (!facts) return null;
  const host = page.url.hostname;
  const local = facts.acct.endsWith(`@${localDomain(el.ownerDocument, page)}`);
  const base = {
    id: `${host}/${facts.statusId}`,
    author: { name: facts.name, handle: facts.acct },
    text: multilineTextOf(el.querySelector(S.text)),
    url: `https://${host}/@${local ? facts.acct.split('@')[0] : facts.acct}/${facts.statusId}`,
    createdAt: facts.createdAt,
    mentions: facts.mentions,
  };
  if (!thread) {
    return { ...base, thread: base.id, parentAuthor: null, parentIsPost: false, repliedBy: [], onMentionsPage: true };
  }
  const root = thread.facts[0];
  const parent = thread.relations.parent[at] ?? -1;
  return {
    ...base,
    thread: root ? `${host}/${root.statusId}` : base.id,
    parentAuthor: thread.facts[parent]?.acct ?? null,
    parentIsPost: parent === 0,
    repliedBy: thread.relations.repliedBy[at] ?? [],
    onMentionsPage: false,
    ...(thread.relations.guessed[at] && { unrelated: true }),
  };
}

interface InitialState {
  domain: string | null;
  owner: string | null;
}

/**
 * The web app's own page carries its start-up state as JSON (read as data, never run): the
 * signed-in account's id, its acct, and the instance's domain. Any missing part gives null.
 */
function initialState(doc: Document): InitialState | null {
  const script = doc.querySelector(S.initialState);
  const raw = script?.textContent;
  if (!raw || raw.length > 5_000_000) return null;
  try {
    const state = JSON.parse(raw) as {
      meta?: { me?: unknown; domain?: unknown };
      accounts?: Record<string, { acct?: unknown }>;
    };
    const domain = typeof state.meta?.domain === 'string' && /^[\w.-]{1,253}$/u.test(state.meta.domain) ? state.meta.domain.toLowerCase() : null;
    const me = typeof state.meta?.me === 'string' ? state.meta.me : null;
    const acct = me ? state.accounts?.[me]?.acct : null;
    const owner = typeof acct === 'string' && /^[\w.-]{1,64}(@[\w.-]{1,253})?$/u.test(acct) ? acct : null;
    const home = domain ?? doc.location?.hostname ?? '';
    return { domain, owner: owner && home ? fullAcct(owner, home) : null };
  }
  catch {
    return null;
  }
}

export const mastodonAdapter = defineAdapter(mastodon, MASTODON_SELECTORS, { items: () => itemsSelector() }, {
  get required() {
    return { status: this.itemSelector, text: S.text, permalink: S.permalink };
  },

  expectsItems(url, doc) {
    // A conversation always shows its focused status; notifications hold statuses only when
    // someone mentioned the user (follows and favourites show none).
    return STATUS_PATH.test(url.pathname) || (isNotifications(url) && !!doc.querySelector(S.mentionNotification));
  },

  scansPage(url) {
    return STATUS_PATH.test(url.pathname) || isNotifications(url);
  },

  readEntry,

  relatedItems(el, page) {
    // A new reply changes the verdict of the status it answers: the conversation is indexed once
    // for the whole batch of new statuses. A quoted status is in no index (and answers nothing).
    if (!ownStatus(el)) return [];
    const thread = threadIndex(el, page);
    const parent = thread.items[thread.relations.parent[thread.at(el)] ?? -1];
    return parent ? [parent] : [];
  },

  detectOwner(doc) {
    return initialState(doc)?.owner ?? null;
  },

  badgeAnchor(el) {
    const link = el.querySelector(S.permalink);
    return link?.parentElement ?? null;
  },

  replyButton(el) {
    const own = el.querySelector<HTMLElement>(S.reply);
    if (own || !el.matches(S.focused)) return own;
    // The focused status's action bar sits beside it, a wrapper or more up: the nearest bar around
    // it that is no status's own, looked for no further out than the first wrapper holding another.
    for (let around = el.parentElement; around; around = around.parentElement) {
      const bar = Array.from(around.querySelectorAll<HTMLElement>(S.reply)).find((b) => !b.closest(itemsSelector()));
      if (bar) return bar;
      if (Array.from(around.querySelectorAll(itemsSelector())).some((other) => !el.contains(other))) return null;
    }
    return null;
  },

  composerFor(el, doc) {
    // Every reply is written in the one compose form, and Reply starts it with "@author": the
    // box answers this status once it does (else Replyline clicks Reply first).
    const box = doc.querySelector<HTMLTextAreaElement>(S.composer);
    const author = Array.from(el.querySelectorAll(S.author)).find((a) => a.closest(itemsSelector()) === el);
    const acct = ACCOUNT_PATH.exec(hrefPath(author) ?? '')?.[1]?.toLowerCase();
    if (!box || !acct) return null;
    const text = box.value.trimStart().toLowerCase();
    return text.startsWith(`@${acct}`) && /^(?:\s|$)/u.test(text.slice(acct.length + 1)) ? box : null;
  },
});
