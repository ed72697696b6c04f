/**
 * Sites are declared in src/core/sites/ (one file each, listed once in its index.ts); their ids and
 * names are re-exported here beside the types that use them.
 */
import { SITE_IDS, type SiteId, SITES } from './sites';

export { SITE_IDS, SITE_NAMES, type SiteId } from './sites';

export type ItemKind = 'comment' | 'reply' | 'mention';
export type ItemStatus = 'pending' | 'answered' | 'dismissed' | 'snoozed';
export type AnsweredVia = 'seen-reply' | 'snippet' | 'manual';

export interface Person {
  name: string;
  /** Handle without a leading "@", as the site spells it. */
  handle: string;
}

/** What a page shows of a comment, post or mention. */
export interface ItemFacts {
  site: SiteId;
  /** The site's stable id of the comment or post. */
  id: string;
  kind: ItemKind;
  author: Person;
  text: string;
  url: string;
  /** Conversation the item belongs to (the post it hangs under). */
  thread: string;
  /** Epoch ms from the site's own timestamp, when the page shows one. */
  createdAt: number | null;
}

/** What a content script reports about one relevant item it saw on a page. */
export interface ScannedItem extends ItemFacts {
  /** The owner's own reply is visible under this item. */
  ownerReplied: boolean;
}

/** One entry of the log kept by the background. */
export interface Item extends ItemFacts {
  key: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** createdAt when known, else firstSeenAt: the order of "oldest first". */
  sortAt: number;
  status: ItemStatus;
  answeredAt: number | null;
  answeredVia: AnsweredVia | null;
  snoozeUntil: number | null;
  /** When the status last changed, by the user or by a rule. */
  statusAt: number;
}

export interface Snippet {
  id: string;
  title: string;
  body: string;
  tags: string[];
  shortcut: string;
  uses: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** A saved reply as the pages list it: this browser's own, or one of the team's library (issue 16). */
export type ListedSnippet = Snippet & {
  /** Who edited the team's reply last (absent: this browser's own). */
  team?: { editedBy: string };
};

/** A saved reply as the editor sends it: id null for a new one. */
export interface SnippetDraft {
  id: string | null;
  title: string;
  body: string;
  tags: string[];
  shortcut: string;
  /** A new reply goes to the team's library instead of this browser's own. */
  toTeam?: boolean;
}

export interface Account {
  /** Handle read from the page (the site shows who is signed in). */
  detected: string | null;
  /** Handle the user typed in the options page: wins over the detected one. */
  manual: string | null;
}

export interface Settings {
  accounts: Partial<Record<SiteId, Account>>;
  disabledSites: SiteId[];
  /** Typed in a comment box, opens the inline picker of saved replies. */
  trigger: string;
  /** Pressed in a comment box, opens the inline picker (e.g. "Alt+Shift+S"). */
  pickerShortcut: string;
  /** A user's replacements for adapter selectors, by site and selector name (options page). */
  selectorOverrides: Partial<Record<SiteId, Record<string, string>>>;
  /** The Mastodon instances the user added (hosts such as "mastodon.social"), in the order added. */
  mastodonHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  accounts: {},
  disabledSites: [],
  trigger: ';;',
  pickerShortcut: 'Alt+Shift+S',
  selectorOverrides: {},
  mastodonHosts: [],
};

/** The sites Replyline runs on: those turned on, and one on instances (Mastodon) only once an instance is added. */
export function sitesInUse(settings: Settings): SiteId[] {
  return SITE_IDS.filter(
    (site) => !settings.disabledSites.includes(site) && (!SITES[site].onInstances || settings.mastodonHosts.length > 0),
  );
}

/**
 * How much of an item the log keeps, in characters: page text is untrusted and unbounded, so
 * content scripts cut it to this before reporting and the store keeps excerpts, not whole threads.
 */
export const ITEM_LIMITS = { id: 200, thread: 300, name: 200, text: 2000, url: 2048 } as const;

/**
 * The same bounds as string lengths (UTF-16 units, what a check of a message or a file sees): a
 * character outside the BMP is two units, so cut text may be up to twice as long as it counts.
 */
export const ITEM_UNITS = {
  id: ITEM_LIMITS.id,
  thread: ITEM_LIMITS.thread,
  name: ITEM_LIMITS.name * 2,
  text: ITEM_LIMITS.text * 2,
  url: ITEM_LIMITS.url * 2,
  key: ITEM_LIMITS.id + 20,
} as const;

export function itemKey(site: SiteId, id: string): string {
  return `${site}:${id}`;
}

export function ownerHandle(settings: Settings, site: SiteId): string | null {
  const account = settings.accounts[site];
  return account?.manual || account?.detected || null;
}
