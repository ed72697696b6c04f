import type { PageEntry } from '../core/relevance';
import { facebook } from '../core/sites/facebook';
import { hrefPath, multilineTextOf, ownParts, searchParam, textOf } from './dom';
import { lastingElement, lastingIndex } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const FACEBOOK_SELECTORS = selectorsInUse(facebook);

const S = FACEBOOK_SELECTORS;

/** "Reply" on a comment's own control, in the languages matched. */
const REPLY_WORDS = new Set(['reply', 'responder', 'antworten', 'répondre', 'rispondi']);
/** The collapsed replies summary: "<Page> replied · 1 reply". */
const REPLIED = /^(.+?)\s+(?:replied|respondió|respondeu|hat geantwortet|a répondu)(?=[\s·]|$)/iu;
const NUMERIC = /^\d{1,25}$/u;
const RESERVED = new Set(['permalink.php', 'profile.php', 'groups', 'watch', 'photo', 'story.php', 'reel', 'events']);

/** A person's page inside a group: /groups/<group>/user/<id>/. */
const GROUP_MEMBER = /^\/groups\/[^/]+\/user\/(\d{1,25})\/?$/u;
/** A group post's address: /groups/<group>/posts/<id>/ (or the older /permalink/<id>/). */
const GROUP_POST = /^\/groups\/[^/]+\/(?:posts|permalink)\//u;

/**
 * A profile's handle: the numeric id of profile.php?id=…, or the vanity name in the path; in a
 * group, the numeric id of the member page a name links to.
 */
function profileHandle(a: Element | null | undefined): string | null {
  const path = hrefPath(a);
  if (!path) return null;
  const member = GROUP_MEMBER.exec(path)?.[1];
  if (member) return member;
  if (path.startsWith('/profile.php')) {
    const id = searchParam(a, 'id');
    return id && NUMERIC.test(id) ? id : null;
  }
  const slug = /^\/([A-Za-z0-9.]{2,80})\/?$/u.exec(path)?.[1];
  return slug && !RESERVED.has(slug.toLowerCase()) ? slug : null;
}

interface CommentRef {
  /** The comment this belongs to (for a reply, its parent). */
  comment: string;
  reply: string | null;
  /** The post's owner, from the permalink (id=… or /<vanity>/posts/…). */
  postOwner: string | null;
  href: string;
}

/** The article's own permalink: the link whose comment_id is numeric (the author link's is not). */
function commentRef(article: Element): CommentRef | null {
  // Links inside a nested article (a reply shown inside its comment) are the reply's.
  for (const a of ownParts(article, S.commentLink, S.article)) {
    const comment = searchParam(a, 'comment_id');
    if (!comment || !NUMERIC.test(comment)) continue;
    const reply = searchParam(a, 'reply_comment_id');
    const path = hrefPath(a) ?? '';
    const vanity = /^\/([A-Za-z0-9.]{2,80})\/posts\//u.exec(path)?.[1] ?? null;
    const id = searchParam(a, 'id');
    return {
      comment,
      reply: reply && NUMERIC.test(reply) ? reply : null,
      postOwner: vanity ?? (id && NUMERIC.test(id) ? id : null),
      href: a.getAttribute('href') ?? '',
    };
  }
  return null;
}

function authorOf(article: Element): { name: string; handle: string } | null {
  for (const a of ownParts(article, S.profileLink, S.article)) {
    const handle = profileHandle(a);
    const name = textOf(a.querySelector('span[dir="auto"]') ?? a);
    if (handle && name) return { name, handle };
  }
  return null;
}

/** Comment articles on the page by id, with their authors (replies may render as siblings). */
interface CommentIndex {
  /** Each comment's author, by comment id. */
  authors: Map<string, string | null>;
  /** Authors of the replies shown (nested or as siblings), by the comment they answer. */
  replies: Map<string, string[]>;
  /** Who a collapsed replies summary ("<Page> replied · 1 reply") says replied, by comment id. */
  collapsed: Map<string, string[]>;
  /** The articles of each comment (not a reply), by comment id: one, or more where it is shown twice. */
  tops: Map<string, Element[]>;
  /** The comment and reply articles indexed. */
  seen: Set<Element>;
}

function add(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One pass over the page's articles and buttons in document order per batch of the watcher (again
 * when an article not in it is read), instead of one per comment read. A collapsed replies summary
 * is a button outside any article: it belongs to the comment thread shown last before it, however
 * many wrappers sit around either (in the post dialog there is no data-commentid wrapper at all, the
 * summary follows the comment's article). Without the content script's page, built at each call.
 */
function commentIndex(el: Element, page?: PageInfo): CommentIndex {
  const build = () => buildCommentIndex(el.ownerDocument);
  return page ? lastingIndex(page, 'facebook:comments', (index) => index.seen.has(el), build) : build();
}

function buildCommentIndex(doc: Document): CommentIndex {
  const index: CommentIndex = {
    authors: new Map(), replies: new Map(), collapsed: new Map(), tops: new Map(), seen: new Set(),
  };
  let thread: string | null = null;
  for (const el of Array.from(doc.querySelectorAll(`${S.article}, ${S.button}`))) {
    if (!el.matches(S.article)) {
      const who = thread && !el.closest(S.article) ? REPLIED.exec(textOf(el))?.[1] : undefined;
      if (thread && who) add(index.collapsed, thread, who);
      continue;
    }
    index.seen.add(el);
    const ref = commentRef(el);
    thread = ref?.comment ?? null;
    if (!ref) continue;
    const author = authorOf(el)?.handle ?? null;
    if (!ref.reply) {
      if (!index.authors.has(ref.comment)) index.authors.set(ref.comment, author);
      const shown = index.tops.get(ref.comment);
      if (shown) shown.push(el);
      else index.tops.set(ref.comment, [el]);
    }
    else if (author) add(index.replies, ref.comment, author);
  }
  return index;
}

/** Names the owner goes by on the page (a Page's display name, read from links to its profile). */
function namesOf(doc: Document, handle: string, page: PageInfo): string[] {
  // Once per batch of the watcher: every link of the page is looked at.
  return lastingIndex(page, `facebook:names:${handle}`, () => true, () => {
    const names = new Set<string>();
    for (const a of Array.from(doc.querySelectorAll(S.profileLink))) {
      if (profileHandle(a) !== handle) continue;
      const name = a.getAttribute('aria-label') || textOf(a);
      if (name) names.add(name);
    }
    return [...names];
  });
}

/**
 * A group post's author, whose comments these are: a group permalink names no owner. The post is
 * the feed article around the comment, else the first article on the page (or in the dialog)
 * that is not a comment.
 */
function groupPostAuthor(el: Element, page: PageInfo): string | null {
  const post = el.closest(`${S.article}[aria-posinset]`);
  if (post) return authorOf(post)?.handle ?? null;
  const scope = el.closest('[role="dialog"]');
  // Kept for the page's state while it stays on the page: the articles are not looked through per chunk.
  const isPost = (a: Element) => !commentRef(a);
  const first = lastingElement(page, `facebook:groupPost:${scope ? 'dialog' : 'page'}`, () =>
    Array.from((scope ?? el.ownerDocument).querySelectorAll(S.article)).find(isPost) ?? null, isPost);
  return first ? (authorOf(first)?.handle ?? null) : null;
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const ref = commentRef(el);
  const author = authorOf(el);
  if (!ref || !author) return null;
  const doc = el.ownerDocument;
  const comments = commentIndex(el, page);
  const id = ref.reply ?? ref.comment;
  const url = new URL(ref.href, 'https://www.facebook.com/');
  const postOwner = ref.postOwner ?? (GROUP_POST.test(url.pathname) ? groupPostAuthor(el, page) : null);

  // Replies shown: nested in the comment's wrapper, or as siblings carrying its comment_id; or
  // collapsed, with a summary naming the post's owner ("<Page> replied · 1 reply") after the comment.
  const repliedBy = ref.reply ? [] : [...(comments.replies.get(ref.comment) ?? [])];
  const collapsed = ref.reply ? [] : (comments.collapsed.get(ref.comment) ?? []);
  if (postOwner && collapsed.length > 0) {
    const names = namesOf(doc, postOwner, page);
    if (collapsed.some((who) => names.includes(who))) repliedBy.push(postOwner);
  }
  return {
    id,
    author,
    text: multilineTextOf(el.querySelector(S.text)),
    url: url.href,
    thread: `post:${url.searchParams.get('story_fbid') ?? url.pathname}`.slice(0, 300),
    createdAt: null,
    parentAuthor: ref.reply ? (comments.authors.get(ref.comment) ?? null) : postOwner,
    parentIsPost: !ref.reply,
    repliedBy,
    onMentionsPage: false,
  };
}

function isPostPage(url: URL): boolean {
  return (
    url.pathname === '/permalink.php'
    || url.pathname === '/story.php'
    || /^\/[A-Za-z0-9.]{2,80}\/posts\//u.test(url.pathname)
    || GROUP_POST.test(url.pathname)
  );
}

export const facebookAdapter = defineAdapter(facebook, FACEBOOK_SELECTORS, { items: ['article'] }, {
  sendsOnEnter: true,
  get required() {
    return { article: S.article, commentLink: S.commentLink };
  },

  scansPage(url) {
    return !/^\/(messages|settings|marketplace|gaming|watch)(\/|$)/u.test(url.pathname);
  },

  expectsItems(url, doc) {
    // A post with comments shows their permalinks; none at all is not a sign of trouble.
    return isPostPage(url) && !!doc.querySelector(`${S.wrapper} ${S.commentLink}`);
  },

  readEntry,

  relatedItems(el, page) {
    // A reply (nested or a sibling) may show its comment was answered.
    const ref = commentRef(el);
    if (!ref?.reply) return [];
    return (commentIndex(el, page).tops.get(ref.comment) ?? []).filter((top) => top !== el);
  },

  detectOwner() {
    // The composer names the Page by display name only ("Comment as …"): the handle comes from Options.
    return null;
  },

  badgeAnchor(el) {
    const links = Array.from(el.querySelectorAll(S.commentLink));
    const link = links.find((a) => NUMERIC.test(searchParam(a, 'comment_id') ?? ''));
    return link?.closest('li') ?? link?.parentElement ?? null;
  },

  replyButton(el) {
    const reply = ownParts(el, S.button, S.article).find((b) => REPLY_WORDS.has(textOf(b).toLowerCase()));
    return (reply as HTMLElement | undefined) ?? null;
  },

  composerFor(el, doc) {
    // The reply box opens below the comment's thread: the first composer after the comment.
    for (const box of Array.from(doc.querySelectorAll<HTMLElement>(S.composer))) {
      if (el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING && !el.contains(box)) {
        const container = el.closest(S.wrapper)?.parentElement;
        if (!container || container.contains(box)) return box;
      }
    }
    return null;
  },
});
