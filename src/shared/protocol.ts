import { MAX_IMPORTED_SNIPPETS } from '../core/csv';
import { SNIPPET_LIMITS } from '../core/snippets';
import type { PageHealth } from '../core/health';
import { MAX_INSTANCES } from '../core/instances';
import type { Stats } from '../core/stats';
import type { ItemFilter } from '../core/triage';
import type { Item, ItemStatus, ScannedItem, Settings, SiteId, Snippet, SnippetDraft } from '../core/types';
import { ITEM_UNITS, SITE_IDS } from '../core/types';
import { teamSignIn, type TeamSignIn, type TeamStatus } from './team-protocol';
import { arrayOf, bool, type Check, isRecord, nullable, num, oneOf, selectorOverrides, shape, str } from '../core/validate';

export type ItemAction =
  | { action: 'answer' }
  | { action: 'dismiss' }
  | { action: 'reopen' }
  | { action: 'snooze'; until: number };

export type { SnippetDraft, TeamSignIn, TeamStatus };

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
}

/** What the popup's list shows: one status, narrowed by site, kind, label and a search, in an order, grouped or not. */
export interface ItemQuery extends ItemFilter {
  grouped: boolean;
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
  'page/hello': { req: { site: SiteId }; res: PageState };
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
  'snippets/list': { req: Record<string, never>; res: Snippet[] };
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
}

/** Messages from the background to a content script. */
export interface ContentProtocol {
  'content/insert': { req: { body: string }; res: InsertResult };
  'content/statuses': { req: { statuses: Record<string, ItemStatus> }; res: null };
  'content/refresh': { req: Record<string, never>; res: null };
  /** The worker (re)started: send what was not acknowledged, and ask again for the statuses shown. */
  'content/resync': { req: Record<string, never>; res: null };
}

export interface ReportResult {
  statuses: Record<string, ItemStatus>;
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

export type BackgroundType = keyof BackgroundProtocol;
export type ContentType = keyof ContentProtocol;
export type Req<P, K extends keyof P> = P[K] extends { req: infer R } ? R : never;
export type Res<P, K extends keyof P> = P[K] extends { res: infer R } ? R : never;

/** What crosses the wire: a failure is a message for the user, never a thrown object. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

const site = oneOf(...SITE_IDS);
const status = oneOf<ItemStatus>('pending', 'answered', 'dismissed', 'snoozed');
const key = str(ITEM_UNITS.key, 3);
const id = str(100, 1);
const empty: Check<Record<string, never>> = (v): v is Record<string, never> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const count: Check<number> = (v): v is number => num(v) && Number.isInteger(v) && v >= 0;

/**
 * One reported item. Content scripts cut page text to what the log keeps (ITEM_LIMITS, in characters);
 * ITEM_UNITS are those bounds as string lengths. An item over them costs that item only.
 */
export const scannedItem: Check<ScannedItem> = shape<ScannedItem>({
  site,
  id: str(ITEM_UNITS.id, 1),
  kind: oneOf('comment', 'reply', 'mention'),
  author: shape({ name: str(ITEM_UNITS.name), handle: str(ITEM_UNITS.name, 1) }),
  text: str(ITEM_UNITS.text),
  url: str(ITEM_UNITS.url, 1),
  thread: str(ITEM_UNITS.thread),
  createdAt: nullable(num),
  ownerReplied: bool,
});

/** A report's list: any objects (each checked on its own by the handler), at most 500. */
const reportedItems: Check<ScannedItem[]> = arrayOf((v: unknown): v is ScannedItem => isRecord(v), 500);

const itemQuery: Check<ItemQuery> = shape<ItemQuery>({
  status,
  site: oneOf('all', ...SITE_IDS),
  kind: oneOf('all', 'comment', 'reply', 'mention'),
  label: oneOf('all', 'question', 'complaint'),
  query: str(500),
  order: oneOf('oldest', 'newest'),
  grouped: bool,
});

const pageLimit: Check<number> = (v): v is number => count(v) && v >= 1 && v <= PAGE_LIMIT;

const itemAction: Check<{ key: string } & ItemAction> = (v): v is { key: string } & ItemAction => {
  if (!shape({ key, action: oneOf('answer', 'dismiss', 'reopen', 'snooze') })(v)) return false;
  return v.action !== 'snooze' || num((v as { until?: unknown }).until);
};

const itemActionMany: Check<{ keys: string[] } & ItemAction> = (v): v is { keys: string[] } & ItemAction => {
  if (!shape({ keys: arrayOf(key, 5000), action: oneOf('answer', 'dismiss', 'reopen', 'snooze') })(v)) return false;
  return v.action !== 'snooze' || num((v as { until?: unknown }).until);
};

const snippetDraft = shape<SnippetDraft>({
  id: nullable(id),
  title: str(SNIPPET_LIMITS.title),
  body: str(SNIPPET_LIMITS.body),
  tags: arrayOf(str(SNIPPET_LIMITS.tag), SNIPPET_LIMITS.tags),
  shortcut: str(SNIPPET_LIMITS.shortcut),
});

/** Each message: who may send it and the shape its request must have. */
export const BACKGROUND_MESSAGES: {
  [K in BackgroundType]: { from: Origin; check: Check<Req<BackgroundProtocol, K>> };
} = {
  'page/hello': { from: 'content', check: shape({ site }) },
  'owner/detected': { from: 'content', check: shape({ site, handle: str(100, 1) }) },
  'site/health': {
    from: 'content',
    check: shape<PageHealth>({
      site,
      path: str(2048, 1),
      at: num,
      expected: bool,
      items: count,
      readable: count,
      relevant: count,
      refused: count,
      // Optional: content scripts of older versions do not send it.
      unrelated: (v): v is number | undefined => v === undefined || count(v),
      ownerKnown: bool,
      composerFound: bool,
      missing: arrayOf(str(40, 1), 20),
      errors: arrayOf(str(40, 1), 20),
    }),
  },
  'health/list': { from: 'page', check: empty },
  'items/report': { from: 'content', check: shape({ site, items: reportedItems }) },
  'items/statuses': { from: 'content', check: shape({ keys: arrayOf(key, 5000) }) },
  'items/list': { from: 'page', check: shape({ statuses: arrayOf(status, 4) }) },
  'items/page': { from: 'page', check: shape({ query: itemQuery, offset: count, limit: pageLimit }) },
  'items/keys': { from: 'page', check: shape({ query: itemQuery, group: nullable(str(ITEM_UNITS.key + ITEM_UNITS.thread + 30, 1)) }) },
  'items/stats': { from: 'page', check: empty },
  'items/act': { from: 'any', check: itemAction },
  'items/sent': { from: 'content', check: shape({ key }) },
  'items/get': { from: 'any', check: shape({ key }) },
  'items/actMany': { from: 'page', check: itemActionMany },
  'settings/get': { from: 'page', check: empty },
  'settings/setOwner': { from: 'page', check: shape({ site, handle: nullable(str(100)) }) },
  'settings/setPicker': { from: 'page', check: shape({ trigger: str(20), pickerShortcut: str(40) }) },
  'settings/setSites': { from: 'page', check: shape({ disabledSites: arrayOf(site, SITE_IDS.length) }) },
  'settings/setSelectors': { from: 'page', check: shape({ site, overrides: selectorOverrides }) },
  'snippets/list': { from: 'any', check: empty },
  'snippets/save': { from: 'page', check: snippetDraft },
  'snippets/import': { from: 'page', check: shape({ drafts: arrayOf(snippetDraft, MAX_IMPORTED_SNIPPETS) }) },
  'snippets/delete': { from: 'page', check: shape({ id }) },
  'snippets/used': { from: 'any', check: shape({ id }) },
  'tabs/open': { from: 'page', check: shape({ url: str(4096, 1) }) },
  'tabs/insert': { from: 'page', check: shape({ snippetId: id }) },
  'instances/list': { from: 'page', check: empty },
  'instances/add': { from: 'page', check: shape({ host: str(253, 1) }) },
  'instances/remove': { from: 'page', check: shape({ host: str(253, 1) }) },
  'options/open': { from: 'any', check: empty },
  'data/imported': { from: 'page', check: shape({ hostsBefore: arrayOf(str(253, 1), MAX_INSTANCES) }) },
  'data/clear': { from: 'page', check: shape({ confirm: oneOf('delete everything') }) },
  'team/status': { from: 'any', check: empty },
  'team/test': { from: 'page', check: teamSignIn },
  'team/join': { from: 'page', check: teamSignIn },
  'team/signin': { from: 'page', check: shape({ password: str(1000, 1) }) },
  'team/leave': { from: 'page', check: empty },
};

export interface Envelope {
  type: string;
  payload: unknown;
}

export const isEnvelope = (value: unknown): value is Envelope =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
