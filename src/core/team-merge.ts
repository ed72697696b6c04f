/**
 * The team's merge rule (issue 16): how every member's browser decides, the same way, what a comment's
 * status is when teammates acted on it, and which of CouchDB's conflicting revisions stays.
 *
 * A comment's shared status is one register: the last action on it (who, what, when). Two registers
 * are ordered totally, so the merge is a maximum: the same on every member whatever the order the
 * revisions arrive in (commutative, associative, idempotent):
 *
 * 1. the later action wins (`at`, the acting browser's clock, in ms);
 * 2. at the same ms, "seen answered" (the owner's reply seen on the page: a fact) wins over any
 *    human action, so a fact is never undone by an action that was not later;
 * 3. then the member name, in code-unit order: "ana" wins over "leo";
 * 4. then the action (one member acting in two browsers at the same ms), then the snooze's end.
 *
 * "none" (a comment seen, nobody acted yet: `at` 0) loses to every action, so a teammate who sees a
 * comment later never turns it back to waiting.
 *
 * Assignment is a second register of its own (a separate document), ordered the same way.
 */

export type TeamAction = 'none' | 'seen' | 'answer' | 'snippet' | 'dismiss' | 'snooze' | 'reopen';

export const TEAM_ACTIONS: readonly TeamAction[] = ['none', 'seen', 'answer', 'snippet', 'dismiss', 'snooze', 'reopen'];

/** The last action on a comment. */
export interface TeamState {
  action: TeamAction;
  /** When, in ms since 1970 (0 for "none"). */
  at: number;
  /** The member who acted ('' for "none"). */
  actor: string;
  /** The snooze's end (snooze only, else null). */
  until: number | null;
}

export const NO_ACTION: TeamState = { action: 'none', at: 0, actor: '', until: null };

/** Who a comment is assigned to (null: unassigned), who set that and when. */
export interface TeamAssign {
  to: string | null;
  at: number;
  actor: string;
}

/** Compares code units, not the locale: every member orders names the same way. */
function byName(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** At a tie of time and member, the action later in TEAM_ACTIONS wins (a fixed order, nothing more). */
function rank(action: TeamAction): number {
  return TEAM_ACTIONS.indexOf(action);
}

/** Positive when `a` wins over `b`, negative when `b` wins, 0 only for equal registers. */
export function compareStates(a: TeamState, b: TeamState): number {
  if (a.at !== b.at) return a.at - b.at;
  const fact = Number(a.action === 'seen') - Number(b.action === 'seen');
  if (fact !== 0) return fact;
  const name = byName(b.actor, a.actor);
  if (name !== 0) return name;
  if (a.action !== b.action) return rank(a.action) - rank(b.action);
  return (a.until ?? 0) - (b.until ?? 0);
}

export function compareAssigns(a: TeamAssign, b: TeamAssign): number {
  if (a.at !== b.at) return a.at - b.at;
  const name = byName(b.actor, a.actor);
  if (name !== 0) return name;
  // Same member, same ms, two browsers: unassigned, then names in code-unit order.
  return byName(b.to ?? '', a.to ?? '');
}

export function mergeStates(a: TeamState, b: TeamState): TeamState {
  return compareStates(a, b) >= 0 ? a : b;
}

export function mergeAssigns(a: TeamAssign | null, b: TeamAssign | null): TeamAssign | null {
  if (!a || !b) return a ?? b;
  return compareAssigns(a, b) >= 0 ? a : b;
}

/**
 * Of a document's live revisions (CouchDB's winner and its `_conflicts`), the one the rule keeps and
 * those to delete. Equal registers keep the lowest revision id, so every member deletes the same ones.
 */
export function resolveLeaves<T extends { _rev: string }>(
  leaves: readonly T[],
  compare: (a: T, b: T) => number,
): { keep: T; remove: T[] } {
  if (leaves.length === 0) throw new RangeError('no revision to resolve');
  let keep = leaves[0]!;
  for (const leaf of leaves.slice(1)) {
    const order = compare(leaf, keep);
    if (order > 0 || (order === 0 && leaf._rev < keep._rev)) keep = leaf;
  }
  return { keep, remove: leaves.filter((leaf) => leaf !== keep) };
}
