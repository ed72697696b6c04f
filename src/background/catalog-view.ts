/**
 * The popup's list over the catalog's entries, in memory: the comments a query shows, in its
 * order, grouped by conversation or not. A view is computed once per state of the log and query,
 * in passes over flat arrays (100,000 entries in a few milliseconds), then each page is a slice.
 */
import { searchWords } from '../core/triage';
import type { SiteId } from '../core/types';
import type { ItemQuery } from '../shared/protocol';
import { type Entry, LABEL_BITS } from './catalog-entry';

export type ViewRow =
  | { type: 'group'; id: string; site: SiteId; size: number }
  | { type: 'item'; entry: Entry; grouped: boolean };

export interface View {
  /** The comments listed, in the list's order. */
  matched: readonly Entry[];
  /** Rows in the list: the comments, and a header before each conversation of several. */
  total: number;
  row: (index: number) => ViewRow;
}

/** A query as a key of the views kept (and of the stored head: catalog-head.ts). */
export const queryId = (query: ItemQuery): string =>
  JSON.stringify([query.status, query.site, query.kind, query.label, query.query, query.order, query.grouped, query.assigned, query.me ?? '']);

/** Whether an entry is one the `assigned` filter lists ("mine" lists nothing without a team). */
function assignedMatch(query: ItemQuery): ((e: Entry) => boolean) | null {
  const me = query.me ?? '';
  if (query.assigned === 'mine') return (e) => me !== '' && e.assignee === me;
  if (query.assigned === 'none') return (e) => e.assignee === null;
  return null;
}

/** Whether an entry is one the query lists, its status aside (the entries given are of that status). */
export function matcher(query: ItemQuery): ((e: Entry) => boolean) | null {
  const words = searchWords(query.query);
  const label = query.label === 'all' ? 0 : LABEL_BITS[query.label];
  const assigned = assignedMatch(query);
  if (query.site === 'all' && query.kind === 'all' && label === 0 && words.length === 0 && !assigned) return null;
  return (e) =>
    (assigned === null || assigned(e))
    && (query.site === 'all' || e.site === query.site)
    && (query.kind === 'all' || e.kind === query.kind)
    && (label === 0 || (e.labels & label) !== 0)
    && (words.length === 0 || words.every((w) => e.words?.includes(w) === true));
}

/**
 * Conversations of several comments follow each other under a header, placed where the first of
 * them falls in the list's order; a comment alone is a row of its own. In typed arrays indexed by
 * the entries' conversation numbers (`gid`, below `groups`): `rows` holds, for each row, the index
 * of its comment in `matched`, or -1 - gid for the header of that conversation.
 */
function groupRows(matched: readonly Entry[], groups: number): View {
  const size = new Int32Array(groups);
  const first = new Int32Array(groups);
  const order: number[] = [];
  for (let i = 0; i < matched.length; i++) {
    const g = matched[i]!.gid;
    if (size[g] === 0) {
      first[g] = i;
      order.push(g);
    }
    size[g]! += 1;
  }
  // Where each conversation's rows start: one row for a comment alone, a header and its comments otherwise.
  const next = new Int32Array(groups);
  let total = 0;
  for (const g of order) {
    next[g] = total;
    total += size[g] === 1 ? 1 : size[g]! + 1;
  }
  const rows = new Int32Array(total);
  for (const g of order) if (size[g]! > 1) rows[next[g]!++] = -1 - g;
  for (let i = 0; i < matched.length; i++) rows[next[matched[i]!.gid]!++] = i;
  return {
    matched,
    total,
    row(index) {
      const at = rows[index]!;
      if (at >= 0) return { type: 'item', entry: matched[at]!, grouped: size[matched[at]!.gid]! > 1 };
      const head = matched[first[-1 - at]!]!;
      return { type: 'group', id: head.group, site: head.site, size: size[-1 - at]! };
    },
  };
}

/** Waiting comments assigned to the member signed in come first, each part in the list's order. */
function mineFirst(matched: readonly Entry[], query: ItemQuery): readonly Entry[] {
  const me = query.me ?? '';
  if (me === '' || query.status !== 'pending' || query.assigned !== 'all') return matched;
  const mine = matched.filter((e) => e.assignee === me);
  if (mine.length === 0) return matched;
  return [...mine, ...matched.filter((e) => e.assignee !== me)];
}

/** How many waiting comments are assigned to `me` (0 without a team). */
export function countMine(waiting: readonly Entry[], me: string | undefined): number {
  if (!me) return 0;
  let count = 0;
  for (const e of waiting) if (e.assignee === me) count++;
  return count;
}

/** A query's view over the entries of its status, given oldest first; `groups` bounds their `gid`. */
export function buildView(byTime: readonly Entry[], query: ItemQuery, groups: number): View {
  const matches = matcher(query);
  let matched = matches ? byTime.filter(matches) : byTime;
  if (query.order === 'newest') matched = [...matched].reverse();
  matched = mineFirst(matched, query);
  if (query.grouped) return groupRows(matched, groups);
  return { matched, total: matched.length, row: (index) => ({ type: 'item', entry: matched[index]!, grouped: false }) };
}

/** The keys of one conversation's comments in a view (the keys its header selects). */
export const groupKeys = (view: View, group: string): string[] =>
  view.matched.filter((e) => e.group === group).map((e) => e.key);
