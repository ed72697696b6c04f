/**
 * The checks of the background's messages: who may send each, and the shape its request must have.
 * Apart from protocol.ts, so that content scripts, which send these messages but never check them,
 * do not carry them (nor every site's id they name).
 */
import { MAX_IMPORTED_SNIPPETS } from '../core/csv';
import { SNIPPET_LIMITS } from '../core/snippets';
import type { PageHealth } from '../core/health';
import { MAX_INSTANCES } from '../core/instances';
import { isLanguageTag } from '../core/language-tag';
import type { ItemStatus, ScannedItem, SiteId, SnippetDraft } from '../core/types';
import { ITEM_UNITS, SITE_IDS } from '../core/types';
import { arrayOf, bool, type Check, isRecord, nullable, num, oneOf, selectorOverrides, shape, str } from '../core/validate';
import { type BackgroundProtocol, type BackgroundType, type ItemAction, type ItemQuery, type Origin, PAGE_LIMIT, type Req } from './protocol';
import { teamSignIn } from './team-protocol';

const site = oneOf(...SITE_IDS);
/** The languages a page asks the words of times in: a few language tags, or none said. */
const pageLanguages = (v: unknown) => v === undefined || arrayOf(isLanguageTag, 4)(v);
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
  assigned: oneOf('all', 'mine', 'none'),
  grouped: bool,
  me: (v): v is string | undefined => v === undefined || str(100)(v),
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
  toTeam: (v): v is boolean | undefined => v === undefined || bool(v),
});

/** Each message: who may send it and the shape its request must have. */
export const BACKGROUND_MESSAGES: {
  [K in BackgroundType]: { from: Origin; check: Check<Req<BackgroundProtocol, K>> };
} = {
  'page/hello': {
    from: 'content',
    check: (v): v is { site: SiteId; languages?: string[] } =>
      shape({ site })(v) && pageLanguages((v as { languages?: unknown }).languages),
  },
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
  'tools/inject': { from: 'content', check: empty },
  'i18n/catalogs': { from: 'content', check: empty },
  'team/status': { from: 'any', check: empty },
  'team/test': { from: 'page', check: teamSignIn },
  'team/join': { from: 'page', check: teamSignIn },
  'team/signin': { from: 'page', check: shape({ password: str(1000, 1) }) },
  'team/leave': { from: 'page', check: empty },
  'team/members': { from: 'any', check: empty },
  'items/assign': { from: 'any', check: shape({ key, to: nullable(str(100, 1)) }) },
  'data/imported': { from: 'page', check: shape({ hostsBefore: arrayOf(str(253, 1), MAX_INSTANCES) }) },
  'data/clear': { from: 'page', check: shape({ confirm: oneOf('delete everything') }) },
};
