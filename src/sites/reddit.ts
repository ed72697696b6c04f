import type { PageEntry } from '../core/relevance';
import { parseTime } from '../core/time';
import { reddit } from '../core/sites/reddit';
import { multilineTextOf, textOf } from './dom';
import { outermostWithin } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const REDDIT_SELECTORS = selectorsInUse(reddit);

const S = REDDIT_SELECTORS;
const POST_PAGE = /^\/r\/[\w-]{1,50}\/comments\/([a-z0-9]{1,12})(\/|$)/iu;
const MENTIONS_PAGE = /^\/message\/(mentions|inbox|unread)\/?$/u;
const USERNAME = /^[\w-]{1,40}$/u;

const isOld = (el: Element) => el.matches(S.oldComment) || el.matches(S.oldMessage);
const isMessage = (el: Element) => el.matches(S.oldMessage);

function handleOf(value: string | null | undefined): string | null {
  const name = value?.trim().replace(/^\/?u(ser)?\//u, '').replace(/\/$/u, '') ?? '';
  return USERNAME.test(name) && name !== '[deleted]' ? name : null;
}

function own(el: Element, selector: string): Element | null {
  return el.querySelector(selector);
}

const itemsSelector = () => `${S.comment}, ${S.oldComment}, ${S.oldMessage}`;

const COMMENT_ID = /^t1_[a-z0-9]{1,12}$/iu;

function oldParent(el: Element): Element | null {
  return el.parentElement?.closest(`${S.oldComment}, ${S.oldMessage}`) ?? null;
}

/**
 * The comment this one answers, if it answers a comment (not the post). old.reddit nests a reply in
 * its comment (the nearest comment around it); new Reddit names the parent in parentid, and nests the
 * reply in it too: the comments around it are looked at first, the page only if none is the parent.
 */
function parentComment(el: Element): Element | null {
  if (isOld(el)) return oldParent(el);
  const parentId = el.getAttribute('parentid');
  if (!parentId || !COMMENT_ID.test(parentId)) return null;
  for (let around = el.parentElement?.closest(S.comment); around; around = around.parentElement?.closest(S.comment)) {
    if (around.getAttribute('thingid') === parentId) return around;
  }
  const elsewhere = Array.from(el.ownerDocument.querySelectorAll(`[thingid="${parentId}"]`));
  return elsewhere.find((c) => c.matches(S.comment)) ?? null;
}

/**
 * The replies shown to a comment: the comments nested in it that no comment between holds (whatever
 * wrappers are between, wherever they sit among its children); on new Reddit, those naming it their parent.
 */
function directReplies(el: Element): Element[] {
  // In the inbox, an answer sent from there shows under the message.
  if (isMessage(el)) return Array.from(el.querySelectorAll(S.oldMessageReplies));
  if (isOld(el)) return outermostWithin(el, `${S.oldComment}, ${S.oldMessage}`);
  const id = el.getAttribute('thingid');
  return outermostWithin(el, S.comment).filter((reply) => reply.getAttribute('parentid') === id);
}

function authorOf(el: Element): string | null {
  if (!isOld(el)) return handleOf(el.getAttribute('author'));
  return handleOf(el.getAttribute('data-author') ?? textOf(own(el, S.oldMessageAuthor)));
}

/** A thing's path on Reddit: its data-permalink, or (in the inbox) its "context" link without the query. */
function permalinkOf(el: Element): string | null {
  if (!isOld(el)) return el.getAttribute('permalink');
  const path = el.getAttribute('data-permalink');
  if (path || !isMessage(el)) return path;
  const href = own(el, S.oldMessageContext)?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, 'https://old.reddit.com/').pathname;
  }
  catch {
    return null;
  }
}

function postAuthor(doc: Document): string | null {
  const author = doc.querySelector(S.post)?.getAttribute('author');
  return handleOf(author ?? doc.querySelector(S.oldPost)?.getAttribute('data-author'));
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const old = isOld(el);
  const id = el.getAttribute(old ? 'data-fullname' : 'thingid');
  const handle = authorOf(el);
  const permalink = permalinkOf(el);
  if (!id || !/^t1_[a-z0-9]{1,12}$/iu.test(id) || !handle || !permalink?.startsWith('/r/')) return null;
  const post = POST_PAGE.exec(permalink)?.[1];
  if (!post) return null;
  // An inbox message names no parent on the page: it is there because it is addressed to the user.
  const parent = isMessage(el) ? null : parentComment(el);
  const time = old ? own(el, S.oldTime)?.getAttribute('datetime') : el.getAttribute('created');
  return {
    id,
    author: { name: handle, handle },
    text: multilineTextOf(own(el, isMessage(el) ? S.oldMessageText : old ? S.oldText : S.commentText)),
    url: `https://${old ? 'old' : 'www'}.reddit.com${permalink}`,
    thread: `t3_${post}`,
    createdAt: parseTime(time?.replace(/(\.\d{3})\d*/u, '$1').replace(/\+0000$/u, 'Z')),
    parentAuthor: parent ? authorOf(parent) : isMessage(el) ? null : postAuthor(el.ownerDocument),
    parentIsPost: parent === null && !isMessage(el),
    repliedBy: directReplies(el).flatMap((r) => authorOf(r) ?? []),
    onMentionsPage: MENTIONS_PAGE.test(page.url.pathname),
  };
}

export const redditAdapter = defineAdapter(reddit, REDDIT_SELECTORS, { items: () => itemsSelector(), composers: ['composer', 'oldAnyComposer'] }, {
  get required() {
    return { comment: this.itemSelector };
  },

  scansPage(url) {
    return POST_PAGE.test(url.pathname) || MENTIONS_PAGE.test(url.pathname);
  },

  expectsItems(url, doc) {
    // A post page with comments says how many it has; none is not a sign of trouble.
    const post = doc.querySelector(S.post);
    const old = doc.querySelector(S.oldPost)?.getAttribute('data-comments-count');
    const count = Number(post?.getAttribute('comment-count') ?? old ?? 0);
    return POST_PAGE.test(url.pathname) && count > 0;
  },

  readEntry,

  relatedItems(el) {
    // A new reply may show that its parent was answered.
    const parent = parentComment(el);
    return parent ? [parent] : [];
  },

  detectOwner(doc) {
    // old.reddit names the signed-in user in its header; new Reddit shows only an id, so Options has it.
    return handleOf(textOf(doc.querySelector(S.oldUser)));
  },

  badgeAnchor(el) {
    if (isOld(el)) return own(el, ':scope > .entry .tagline');
    return own(el, ':scope > [slot="commentMeta"]') ?? own(el, S.actionRow);
  },

  replyButton(el) {
    if (isMessage(el)) return own(el, S.oldMessageReply) as HTMLElement | null;
    if (isOld(el)) return own(el, S.oldReply) as HTMLElement | null;
    // New Reddit slots its Reply button into the action row (light DOM, 2026), or drew it inside the
    // row's shadow root; the row is the comment's slotted child or sits in a div slotted there.
    const slot = own(el, S.actionRow);
    if (!slot) return null;
    const slotted = slot.querySelector(S.replySlotted);
    if (slotted) return slotted as HTMLElement;
    const row = slot.matches(S.replyRow) ? slot : slot.querySelector(S.replyRow);
    const root = row?.shadowRoot ?? row;
    return (root?.querySelector(S.replyInShadow) as HTMLElement | null) ?? null;
  },

  composerFor(el) {
    if (isOld(el)) return own(el, S.oldComposer) as HTMLElement | null;
    return (own(el, S.actionRow)?.querySelector(S.composer) as HTMLElement | null) ?? null;
  },
});
