import type { PageHealth } from '../core/health';
import type { Attribution } from '../core/attribution';
import type { Catalog } from '../core/i18n';
import type { Stats } from '../core/stats';
import type { TimeWordsWire } from '../core/time-words';
import type { ItemFilter } from '../core/triage';
import type { Item, ItemStatus, ListedSnippet, ScannedItem, Settings, SiteId, Snippet, SnippetDraft } from '../core/types';
import type { TeamMembers, TeamSignIn, TeamStatus } from './team-protocol';

export type ItemAction =
  | { action: 'answer' }
  | { action: 'dismiss' }
  | { action: 'reopen' }
  | { action: 'snooze'; until: number };

export type { SnippetDraft, TeamMembers, TeamSignIn, TeamStatus };

export type InsertResult =
  | { ok: true; itemKey: string | null; missing: string[]; unknown: string[] }
  | { ok: false; reason: string; copied: boolean };

export interface PageState {
  owner: string | null;
  /** The user's selector overrides for this site. */
  selectors: Record<string, string>;
  enabled: boolean;
  trigger: string;
  pickerShortcut: string;
  /** The words of times in the languages the page asked for, learnt by the worker (not kept in the page's state). */
  timeWords?: TimeWordsWire[];
}

/** What the popup's list shows: one status, narrowed by site, kind, label and a search, in an order, grouped or not. */
export interface ItemQuery extends ItemFilter {
  grouped: boolean;
  /** The member signed in ('' without a team): the `assigned` filter's "mine", and theirs first while waiting. */
  me?: string;
}

/** A row of the popup's list: a conversation's header (how many of its comments the list shows), or a comment. */
export type PageRow =
  | { type: 'group'; id: string; site: SiteId; size: number }
  | { type: 'item'; item: Item; grouped: boolean };

/** Rows of a query's list, from `offset`, with what the popup shows around them. */
export interface ItemPage {
  /** The log's state the page was read at: pages of one version fit together. */
  version: number;
  /** Rows in the whole list (headers included), and the comments among them. */
  total: number;
  matched: number;
  /** Comments in each status, whatever the filters. */
  counts: Record<ItemStatus, number>;
  /** Waiting comments assigned to the member signed in (0 without a team). */
  mine: number;
  offset: number;
  rows: PageRow[];
}

/** The most rows one `items/page` answer holds, and the most items `items/list` gives. */
export const PAGE_LIMIT = 200;
export const LIST_LIMIT = 1000;

/** Who may send a message: our own extension pages, content scripts on supported sites, or both. */
export type Origin = 'page' | 'content' | 'any';

/** Messages to the background: name -> request and response. */
export interface BackgroundProtocol {
  'page/hello': { req: { site: SiteId; languages?: string[] }; res: PageState };
  'owner/detected': { req: { site: SiteId; handle: string }; res: null };
  'site/health': { req: PageHealth; res: null };
  'health/list': { req: Record<string, never>; res: Partial<Record<SiteId, PageHealth>> };
  /**
   * What a page found: each item is checked on its own, the valid ones are stored (idempotent: a
   * report sent twice stores the same), and the answer gives their statuses and how many were refused.
   */
  'items/report': { req: { site: SiteId; items: ScannedItem[] }; res: ReportResult };
  /** The stored statuses of the items a page shows (those the log does not hold are left out). */
  'items/statuses': { req: { keys: string[] }; res: Record<string, ItemStatus> };
  /** The oldest items of these statuses, oldest first: at most LIST_LIMIT (the popup asks for pages: items/page). */
  'items/list': { req: { statuses: ItemStatus[] }; res: Item[] };
  /**
   * A page of the popup's list, answered from the worker's catalog of the log (counted, searched,
   * ordered and grouped there): at most PAGE_LIMIT rows, whatever the log holds.
   */
  'items/page': { req: { query: ItemQuery; offset: number; limit: number }; res: ItemPage };
  /** The keys of the comments a query lists (only those of one conversation's header: `group`), to select them. */
  'items/keys': { req: { query: ItemQuery; group: string | null }; res: string[] };
  /** The stats view's figures, computed in the worker. */
  'items/stats': { req: Record<string, never>; res: Stats };
  'items/act': { req: { key: string } & ItemAction; res: Item | null };
  'items/sent': { req: { key: string }; res: Item | null };
  'items/get': { req: { key: string }; res: Item | null };
  'items/actMany': { req: { keys: string[] } & ItemAction; res: number };
  'settings/get': { req: Record<string, never>; res: Settings };
  'settings/setOwner': { req: { site: SiteId; handle: string | null }; res: Settings };
  'settings/setPicker': { req: { trigger: string; pickerShortcut: string }; res: Settings };
  'settings/setSites': { req: { disabledSites: SiteId[] }; res: Settings };
  /** Replaces a site's selector overrides ({} resets them all to the defaults). */
  'settings/setSelectors': { req: { site: SiteId; overrides: Record<string, string> }; res: Settings };
  'snippets/list': { req: Record<string, never>; res: ListedSnippet[] };
  'snippets/save': { req: SnippetDraft; res: Snippet };
  'snippets/delete': { req: { id: string }; res: null };
  /** Adds many at once (a CSV file), in one transaction; those already saved (same title and text) are skipped. */
  'snippets/import': { req: { drafts: SnippetDraft[] }; res: { added: number; skipped: number } };
  'snippets/used': { req: { id: string }; res: null };
  'tabs/open': { req: { url: string }; res: null };
  'tabs/insert': { req: { snippetId: string }; res: InsertResult };
  /** The Mastodon instances added, and whether the browser still grants each one's access. */
  'instances/list': { req: Record<string, never>; res: { host: string; access: boolean }[] };
  /** Adds an instance whose access the page has just obtained, and runs there. */
  'instances/add': { req: { host: string }; res: Settings };
  /** Stops running on an instance and gives its access back. */
  'instances/remove': { req: { host: string }; res: Settings };
  'options/open': { req: Record<string, never>; res: null };
  /**
   * A content script asks for its tools (the inline picker and insertion, content/tools-api.ts): the
   * worker runs their script in the sender's tab and frame, and nowhere else.
   */
  'tools/inject': { req: Record<string, never>; res: null };
  /** The packaged messages, for a content script the browser gives none (content/messages.ts). */
  'i18n/catalogs': { req: Record<string, never>; res: Catalog[] };
  /**
   * The Options page has imported a backup (it reads and writes files itself, exports too: no
   * message carries the log, which at 100,000 comments is larger than a message may be). The
   * worker brings the toolbar, open pages, snooze alarm and instance scripts in line with the new data.
   */
  'data/imported': { req: { hostsBefore: string[] }; res: null };
  'data/clear': { req: { confirm: 'delete everything' }; res: null };
  /** The team this browser shares its log with (issue 16), and how its sync goes. */
  'team/status': { req: Record<string, never>; res: TeamStatus };
  /** Signs in and checks the database, changing nothing here; a plain message when it fails. */
  'team/test': { req: TeamSignIn; res: TeamStatus };
  /** Signs in, checks, and starts sharing with the team (the page has obtained the server's host first). */
  'team/join': { req: TeamSignIn; res: TeamStatus };
  /** Signs in again after the session expired (the password is never stored). */
  'team/signin': { req: { password: string }; res: TeamStatus };
  /** Stops sharing: the local log stays, the team's copy in this browser goes. */
  'team/leave': { req: Record<string, never>; res: TeamStatus };
  /** Oneself and the members a comment can be assigned to. */
  'team/members': { req: Record<string, never>; res: TeamMembers };
  /** Assigns a comment to a member (null: unassigns it), for the whole team. */
  'items/assign': { req: { key: string; to: string | null }; res: Item | null };
}

/** Messages from the background to a content script. */
export interface ContentProtocol {
  'content/insert': { req: { body: string }; res: InsertResult };
  /**
   * Statuses that changed, and who of the team set those a teammate set (a key left out of `by`:
   * this browser's own). A resync's statuses (items/statuses) carry no `by`: a badge whose status is
   * unchanged keeps what it said.
   */
  'content/statuses': { req: { statuses: Record<string, ItemStatus>; by: Attributions }; res: null };
  'content/refresh': { req: Record<string, never>; res: null };
  /** The worker (re)started: send what was not acknowledged, and ask again for the statuses shown. */
  'content/resync': { req: Record<string, never>; res: null };
}

/** By item key: the teammate whose action set its status (issue 16); a key left out was this browser's own. */
export type Attributions = Record<string, Attribution>;

export interface ReportResult {
  statuses: Record<string, ItemStatus>;
  /** Who of the team set the statuses a teammate set. */
  by: Attributions;
  /** Items of the report that failed the check and were not stored. */
  refused: number;
}

/**
 * Messages that must not be sent twice when an answer is lost (the worker stopped mid-way):
 * they would open a second tab, insert twice or count twice. Every other message is idempotent
 * and is sent again.
 */
export const SEND_ONCE: ReadonlySet<BackgroundType> = new Set<BackgroundType>([
  'snippets/save',
  'snippets/used',
  'tabs/open',
  'tabs/insert',
  'options/open',
]);

/**
 * A page's actions on comments, kept in the session's storage until answered (ui/api.ts): a popup
 * closed while its send still waits for a worker being restarted leaves them there, and the next
 * worker applies them (background/outbox.ts). Both are idempotent: applied twice, they change nothing more.
 */
export const KEPT_UNTIL_ANSWERED: ReadonlySet<BackgroundType> = new Set<BackgroundType>(['items/act', 'items/actMany']);

/** The session storage keys of kept actions: the prefix, then the time kept (15 digits, so keys sort by it). */
export const OUTBOX_PREFIX = 'outbox:';

/** A kept action no worker applied within this long is dropped: the user acted since, or gave up. */
export const OUTBOX_MAX_AGE_MS = 10 * 60_000;

export interface KeptAction {
  envelope: Envelope;
  at: number;
}

/**
 * The session storage key the worker sets to the time of the log's last change, so that an open
 * popup reads its rows again (a teammate's action, a page's report, a snooze ending).
 */
export const LOG_CHANGED_KEY = 'log:changedAt';

export const outboxKey = (at: number, id: string): string => `${OUTBOX_PREFIX}${String(at).padStart(15, '0')}:${id}`;

export type BackgroundType = keyof BackgroundProtocol;
export type ContentType = keyof ContentProtocol;
export type Req<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
export type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

/** What crosses the wire: a failure is a message for the user, never a thrown object. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Envelope {
  type: string;
  payload: unknown;
}

export const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
