import { mentionedHandles, sameHandle } from './handles';
import { clipFacts } from './status';
import type { ItemKind, Person, ScannedItem, SiteId } from './types';

/**
 * What an adapter reads about one post or comment on a page: facts only, no judgement.
 * The rules below decide whether it waits for the owner's answer.
 */
export interface PageEntry {
  id: string;
  author: Person;
  text: string;
  url: string;
  thread: string;
  createdAt: number | null;
  /** Author of the post or comment this one answers, when the page shows it. */
  parentAuthor: string | null;
  /** The parent is the post itself (a top-level comment), not another comment. */
  parentIsPost: boolean;
  /**
   * Authors of the replies shown under this entry. An adapter told the owner (`PageInfo.owner`) may
   * name only the owner among them: the rules look for no one else.
   */
  repliedBy: string[];
  /** Shown on the site's mentions or notifications page. */
  onMentionsPage: boolean;
  /** The accounts the entry mentions, where the page links them exactly (Mastodon's user@instance). */
  mentions?: string[];
  /** On a page of the owner's own content whose owner the page does not name (YouTube Studio's inbox). */
  onOwnersPage?: boolean;
  /**
   * The page drew nothing saying whom this item answers (no mention, line, indent or id where the
   * site shows one): its parent was placed by position alone. Counted in site health.
   */
  unrelated?: boolean;
}

export type Verdict =
  | { relevant: false; reason: 'no-owner' | 'by-owner' | 'not-addressed' }
  | { relevant: true; item: ScannedItem };

/** Design rule: written by someone else, and on the owner's post/comment, or mentioning them. */
export function judgeEntry(site: SiteId, entry: PageEntry, owner: string | null): Verdict {
  if (!owner) return { relevant: false, reason: 'no-owner' };
  if (sameHandle(entry.author.handle, owner)) return { relevant: false, reason: 'by-owner' };
  const onOwnersContent = sameHandle(entry.parentAuthor, owner) || (entry.onOwnersPage === true && entry.parentIsPost);
  const mentionsOwner = (entry.mentions ?? mentionedHandles(entry.text)).some((h) => sameHandle(h, owner));
  if (!onOwnersContent && !mentionsOwner && !entry.onMentionsPage) {
    return { relevant: false, reason: 'not-addressed' };
  }
  let kind: ItemKind;
  if (onOwnersContent) kind = entry.parentIsPost ? 'comment' : 'reply';
  else kind = 'mention';
  return {
    relevant: true,
    // Text past what the log keeps is cut here, so one huge comment costs nothing but its tail.
    item: clipFacts({
      site,
      id: entry.id,
      kind,
      author: entry.author,
      text: entry.text,
      url: entry.url,
      thread: entry.thread,
      createdAt: entry.createdAt,
      ownerReplied: entry.repliedBy.some((h) => sameHandle(h, owner)),
    }),
  };
}
