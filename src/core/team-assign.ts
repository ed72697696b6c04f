/**
 * Assignment in a team (issue 16): who a comment is assigned to is a register of its own, in its own
 * document `assign:<key>` ({ assign: TeamAssign }), so assigning never conflicts with a status change.
 * Conflicting revisions are resolved by compareAssigns (src/core/team-merge.ts), the same on every member.
 * The log's item carries the winner as `assignee` (absent: unassigned); backups leave it out.
 */
import type { TeamItem } from './team-doc';
import type { TeamAssign } from './team-merge';

const ASSIGN_PREFIX = 'assign:';

export interface TeamAssignBody {
  assign: TeamAssign;
}

export function assignDocId(key: string): string {
  return ASSIGN_PREFIX + key;
}

/** The log key of an assignment document's id (null for any other document). */
export function keyOfAssignDocId(id: string): string | null {
  return id.startsWith(ASSIGN_PREFIX) ? id.slice(ASSIGN_PREFIX.length) : null;
}

const MAX_NAME = 200;
const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME;

/** Whether a document another browser wrote is an assignment Replyline can read. */
export function isAssignBody(doc: unknown): doc is TeamAssignBody {
  const assign = (doc as { assign?: Partial<TeamAssign> } | null)?.assign;
  if (!assign || typeof assign !== 'object') return false;
  return (assign.to === null || isName(assign.to))
    && typeof assign.at === 'number' && Number.isFinite(assign.at) && assign.at >= 0
    && isName(assign.actor);
}

/** The item with the register's assignee; the same object when it already says so. */
export function applyAssign(item: TeamItem, assign: TeamAssign): TeamItem {
  const to = assign.to ?? undefined;
  if (item.assignee === to) return item;
  const next: TeamItem = { ...item, assignee: to };
  if (to === undefined) delete next.assignee;
  return next;
}

/** A member's assignment: never before the register it replaces (this browser's clock may be behind). */
export function assignRegister(to: string | null, actor: string, now: number, current: TeamAssign | null): TeamAssign {
  return { to, actor, at: Math.max(now, (current?.at ?? 0) + 1) };
}

/** The names offered in "Assign to…": the team's members, oneself among them, sorted, each once. */
export function memberChoices(members: readonly string[], me: string): string[] {
  return [...new Set([...members.filter(isName), me])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
