import type { PageEntry } from '../core/relevance';
import { parseAge } from '../core/page-time';
import { linkedin } from '../core/sites/linkedin';
import { takeAgeWords } from '../core/time-words';
import { hrefPath, indexItems, multilineTextOf, ownParts, pageLanguages, precedingInOrder, textOf } from './dom';
import { lastingIndex } from './incremental';
import type { PageInfo } from './types';
import { defineAdapter, selectorsInUse } from './types';

/** The selectors in use: the declared ones (src/core/sites/), or a user's overrides from the options page. */
export const LINKEDIN_SELECTORS = selectorsInUse(linkedin);

const S = LINKEDIN_SELECTORS;
/** A comment's URN: its post is an activity or, often, a ugcPost ("urn:li:comment:(ugcPost:P,C)"). */
const COMMENT_URN = /urn:li:comment:\((?:urn:li:)?(activity|ugcPost):(\d{1,25}),(\d{1,25})\)/u;
const PROFILE = /^\/(in|company)\/([^/]{1,100})\/?$/u;
/** "• You" marks the signed-in member's own comments (LinkedIn's wording in the languages matched). */
const YOU = /•\s*(?:You|Tú|Du|Vous|Você)\s*$/u;

const isOld = (el: Element) => el.matches(S.oldComment);
const itemsSelector = () => `${S.comment}, ${S.oldComment}`;

function slugOf(a: Element | null | undefined): string | null {
  const match = PROFILE.exec(hrefPath(a) ?? '');
  return match?.[2] ? decodeURIComponent(match[2]) : null;
}

interface Urn {
  /** "activity" or "ugcPost". */
  kind: string;
  /** The post's number (named so for both kinds). */
  activity: string;
  comment: string;
}

function parseUrn(source: string | null): Urn | null {
  const match = COMMENT_URN.exec(source ?? '');
  return match?.[1] && match[2] && match[3] ? { kind: match[1], activity: match[2], comment: match[3] } : null;
}

/**
 * A comment's URN: the older structure's data-id; the newer one's componentkey or id, on the
 * comment container or on a wrapper around it (never one around the comment it answers).
 */
function urnOf(el: Element): Urn | null {
  if (isOld(el)) return parseUrn(el.getAttribute('data-id'));
  const own = parseUrn(el.getAttribute('componentkey')) ?? parseUrn(el.id);
  if (own) return own;
  const keyed = el.parentElement?.closest(S.commentKey);
  const answered = parentItem(el);
  if (!keyed || (answered && !answered.contains(keyed))) return null;
  return parseUrn(keyed.getAttribute('componentkey')) ?? parseUrn(keyed.id);
}

/** The post's URN as its addresses name it. */
const postUrn = (urn: Urn) => `urn:li:${urn.kind}:${urn.activity}`;

function actorLink(el: Element): Element | null {
  return el.querySelector(isOld(el) ? S.oldActor : S.actor);
}

function authorOf(el: Element): { name: string; handle: string; you: boolean } | null {
  const link = actorLink(el);
  const handle = slugOf(link);
  if (!link || !handle) return null;
  const first = isOld(el) ? link.querySelector(S.oldName) : link.querySelector('p');
  const name = textOf(first).replace(/\s*•.*$/u, '');
  const you = YOU.test(textOf(isOld(el) ? link : first));
  return { name: name || handle, handle, you };
}

/** The comment this one sits under (replies are nested in both structures). */
function parentItem(el: Element): Element | null {
  return el.parentElement?.closest(itemsSelector()) ?? null;
}

/** Whether the item says it is a reply (its own hooks), wherever it sits. */
function isReply(el: Element): boolean {
  return isOld(el) ? el.matches(S.oldReplyEntity) : !!actorLink(el)?.matches(S.replyActor);
}

interface Threads {
  /** The comment each reply answers. */
  parent: Map<Element, Element>;
  /** The replies shown to each comment. */
  replies: Map<Element, Element[]>;
  /** An item's place in the page, -1 when not indexed. */
  at(el: Element): number;
}

/**
 * The page's comments in document order with the comment each reply answers, once per batch of the
 * watcher (again when an item not in it is read). A reply nested in its comment answers that one; a
 * reply listed after its comment instead (not nested, or moved out by a redesign) answers the last
 * top-level comment on the same post before it.
 */
function commentThreads(el: Element, page: PageInfo): Threads {
  return lastingIndex(page, 'linkedin:threads', (threads) => threads.at(el) >= 0, () => {
    const index = indexItems(el.ownerDocument, itemsSelector());
    const threads: Threads = { parent: new Map(), replies: new Map(), at: index.at };
    let lastTop: Element | null = null;
    for (const item of index.items) {
      let parent = parentItem(item);
      if (!parent && isReply(item) && lastTop && urnOf(lastTop)?.activity === urnOf(item)?.activity) parent = lastTop;
      if (!parent) {
        if (!isReply(item)) lastTop = item;
        continue;
      }
      threads.parent.set(item, parent);
      const list = threads.replies.get(parent);
      if (list) list.push(item);
      else threads.replies.set(parent, [item]);
    }
    return threads;
  });
}

/** The comment a reply answers, without a per-scan index: nested, or the last top-level one before it. */
function parentOf(el: Element): Element | null {
  const nested = parentItem(el);
  if (nested || !isReply(el)) return nested;
  for (const before of precedingInOrder(el, itemsSelector(), el.ownerDocument)) {
    if (!parentItem(before) && !isReply(before)) return urnOf(before)?.activity === urnOf(el)?.activity ? before : null;
  }
  return null;
}

function postAuthor(el: Element): string | null {
  // The newer structure puts the comments beside the update, in the same list item.
  const container = el.closest(`${S.oldUpdate}, [role="listitem"]`) ?? el.ownerDocument;
  return slugOf(container.querySelector(`${S.postActor}, ${S.oldPostActor}`));
}

function ownText(el: Element): string {
  if (isOld(el)) return multilineTextOf(el.querySelector(S.oldText));
  // The commentary, or its newer keyed box; never a nested reply's.
  return multilineTextOf(el.querySelector(S.text) ?? ownParts(el, S.textBox, S.comment)[0]);
}

function readEntry(el: Element, page: PageInfo): PageEntry | null {
  const urn = urnOf(el);
  const author = authorOf(el);
  if (!urn || !author) return null;
  const threads = commentThreads(el, page);
  const parent = threads.parent.get(el) ?? null;
  const timeText = isOld(el)
    ? textOf(el.querySelector(S.oldTime))
    : Array.from(el.children).filter((c) => c.tagName === 'P' && !c.hasAttribute('data-view-name')).map((c) => textOf(c))[0] ?? '';
  const activity = postUrn(urn);
  return {
    // Activity comments keep the ids they always had; a ugcPost's say so.
    id: `${urn.kind === 'activity' ? '' : 'ugcPost:'}${urn.activity}_${urn.comment}`,
    author: { name: author.name, handle: author.handle },
    text: ownText(el),
    url: `https://www.linkedin.com/feed/update/${activity}/?dashCommentUrn=${encodeURIComponent(`urn:li:fsd_comment:(${urn.comment},${activity})`)}`,
    thread: `${urn.kind}:${urn.activity}`,
    createdAt: parseAge(timeText, Date.now(), pageLanguages(el)),
    parentAuthor: parent ? (authorOf(parent)?.handle ?? null) : postAuthor(el),
    parentIsPost: parent === null,
    repliedBy: (threads.replies.get(el) ?? []).flatMap((r) => authorOf(r)?.handle ?? []),
    onMentionsPage: /^\/notifications\/?/u.test(page.url.pathname),
    // A reply whose comment is neither around it nor before it: whom it answers is unknown.
    ...(!parent && isReply(el) && { unrelated: true }),
  };
}

export const linkedinAdapter = defineAdapter(linkedin, LINKEDIN_SELECTORS, { items: () => itemsSelector() }, {
  // Its times are ages in the page's language: the worker's words for them are taken.
  takeTimeWords: takeAgeWords,

  get required() {
    return { comment: itemsSelector() };
  },

  scansPage(url) {
    return /^\/(feed|posts|notifications|company\/[^/]+\/posts)(\/|$)/u.test(url.pathname);
  },

  expectsItems(url, doc) {
    // A post page whose comment counter shows comments should show some.
    const counter = doc.querySelector('[data-view-name="feed-comment-count"], .social-details-social-counts__comments');
    const counted = /[1-9]/u.test(textOf(counter));
    return /^\/(feed\/update|posts)\//u.test(url.pathname) && counted;
  },

  readEntry,

  relatedItems(el, page) {
    // The page's index where the content script reads (a flat list of replies is not walked back per reply).
    const parent = page ? (commentThreads(el, page).parent.get(el) ?? null) : parentOf(el);
    return parent ? [parent] : [];
  },

  detectOwner(doc) {
    // The member's own comments say "• You" next to their name.
    for (const el of Array.from(doc.querySelectorAll(itemsSelector()))) {
      const author = authorOf(el);
      if (author?.you) return author.handle;
    }
    return null;
  },

  badgeAnchor(el) {
    return actorLink(el)?.parentElement ?? null;
  },

  replyButton(el) {
    if (isOld(el)) {
      return (ownParts(el, S.oldReply, S.oldComment)[0] as HTMLElement | undefined) ?? null;
    }
    // The comment's own buttons: Like (its reaction button), then Reply. "Reply" where the page is
    // in English; else the button right after the reaction button.
    const buttons = Array.from(el.children).filter((c): c is HTMLElement => c.tagName === 'BUTTON');
    const worded = buttons.find((b) => textOf(b) === 'Reply');
    const like = buttons.findIndex((b) => b.matches(S.reaction));
    return worded ?? (like >= 0 ? (buttons[like + 1] ?? null) : null);
  },

  composerFor(el) {
    // The reply box opens inside the comment (under its replies); a reply's box is its parent's.
    const top = parentOf(el) ?? el;
    const boxes = Array.from(top.querySelectorAll<HTMLElement>(isOld(el) ? S.oldReplyBox : S.composer));
    return boxes[0] ?? null;
  },
});
