/**
 * What the saved replies' and the settings' handlers need of the team (issue 16): the team's reply
 * library and its handles. Without a team (NO_LIBRARY) there are no team replies and nothing is shared.
 */
import { t } from '../core/i18n';
import type { ListedSnippet, SiteId, SnippetDraft } from '../core/types';

export interface TeamLibraryPort {
  /** The team's replies (none when not in a team). */
  replies(): Promise<ListedSnippet[]>;
  /** One team reply (`reply:<id>`), null when there is none or it was deleted. */
  reply(id: string): Promise<ListedSnippet | null>;
  /** A new team reply (draft id null) or an edit of one; the draft is already checked. */
  saveReply(draft: SnippetDraft): Promise<ListedSnippet>;
  deleteReply(id: string): Promise<void>;
  /** One more use of a team reply by this member. */
  replyUsed(id: string): Promise<void>;
  /**
   * A site's handle set in Options: written for the whole team first (in a team), then the caller
   * writes it to this browser's settings as always.
   */
  setHandle(site: SiteId, handle: string | null): Promise<void>;
}

const noTeam = async (): Promise<never> => {
  throw new RangeError(t('teamRepliesNoTeam'));
};

export const NO_LIBRARY: TeamLibraryPort = {
  replies: async () => [],
  reply: async () => null,
  saveReply: noTeam,
  deleteReply: noTeam,
  replyUsed: async () => undefined,
  setHandle: async () => undefined,
};

/**
 * The same library, each call first waiting for `ready`: a worker just woken (a picker opened)
 * reads which team it is in before it lists the team's replies.
 */
export function afterReady(library: TeamLibraryPort, ready: () => Promise<void>): TeamLibraryPort {
  return {
    replies: () => ready().then(() => library.replies()),
    reply: (id) => ready().then(() => library.reply(id)),
    saveReply: (draft) => ready().then(() => library.saveReply(draft)),
    deleteReply: (id) => ready().then(() => library.deleteReply(id)),
    replyUsed: (id) => ready().then(() => library.replyUsed(id)),
    setHandle: (site, handle) => ready().then(() => library.setHandle(site, handle)),
  };
}
