/**
 * The catalog's entries in memory: by key, counted by status, and each status's in time order
 * (kept in order as entries change, so that a view never sorts the log), with the views asked
 * since the last change.
 */
import type { ItemStatus } from '../core/types';
import type { ItemQuery } from '../shared/protocol';
import type { Entry } from './catalog-entry';
import { buildView, queryId, type View } from './catalog-view';

const STATUSES: readonly ItemStatus[] = ['pending', 'snoozed', 'answered', 'dismissed'];
/** Changes at once beyond which the orders are sorted again rather than each entry moved. */
const MOVE_AT_MOST = 256;
const VIEWS_KEPT = 8;

/** Waiting comments in the order they came, the others in the order their status was set (`at`); keys break ties. */
const before = (a: Entry, b: Entry) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Where `e` goes in `list` (ordered by `before`). */
function place(list: readonly Entry[], e: Entry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Entries {
  readonly byKey: Map<string, Entry>;
  /** Changes with the entries: pages read at one version fit together. */
  version: number;
  private counted: Record<ItemStatus, number> = { pending: 0, snoozed: 0, answered: 0, dismissed: 0 };
  /** Each status's entries, oldest first; null until asked, or after many changes at once. */
  private ordered: Record<ItemStatus, Entry[]> | null = null;
  private views = new Map<string, View>();
  /** Each conversation's number (the entries' `gid`): grouping counts in arrays rather than maps of strings. */
  private groups = new Map<string, number>();

  constructor(byKey: Map<string, Entry>, version: number) {
    this.byKey = byKey;
    this.version = version;
    for (const e of byKey.values()) {
      this.counted[e.status]++;
      this.number(e);
    }
  }

  private number(e: Entry): void {
    let gid = this.groups.get(e.group);
    if (gid === undefined) {
      gid = this.groups.size;
      this.groups.set(e.group, gid);
    }
    e.gid = gid;
  }

  set(changed: readonly Entry[]): void {
    const move = this.ordered && changed.length <= MOVE_AT_MOST ? this.ordered : null;
    if (!move) this.ordered = null;
    for (const e of changed) {
      const old = this.byKey.get(e.key);
      if (old) {
        this.counted[old.status]--;
        if (move) this.remove(move[old.status], old);
      }
      this.counted[e.status]++;
      this.number(e);
      if (move) move[e.status].splice(place(move[e.status], e), 0, e);
      this.byKey.set(e.key, e);
    }
    this.version++;
    this.views.clear();
  }

  private remove(list: Entry[], old: Entry): void {
    const at = place(list, old);
    const found = list[at] === old ? at : list.indexOf(old);
    if (found >= 0) list.splice(found, 1);
  }

  counts(): Record<ItemStatus, number> {
    return { ...this.counted };
  }

  /** A status's entries, oldest first. */
  inOrder(status: ItemStatus): readonly Entry[] {
    if (!this.ordered) {
      const ordered = Object.fromEntries(STATUSES.map((s) => [s, [] as Entry[]])) as Record<ItemStatus, Entry[]>;
      for (const e of this.byKey.values()) ordered[e.status].push(e);
      for (const s of STATUSES) ordered[s].sort(before);
      this.ordered = ordered;
    }
    return this.ordered[status];
  }

  view(query: ItemQuery): View {
    const id = queryId(query);
    let view = this.views.get(id);
    if (!view) {
      view = buildView(this.inOrder(query.status), query, this.groups.size);
      if (this.views.size >= VIEWS_KEPT) this.views.delete(this.views.keys().next().value!);
      this.views.set(id, view);
    }
    return view;
  }
}
