/**
 * The team's documents (issue 16) and how a comment of the local log maps to them. One document per
 * comment, `item:<key>`: what a page showed of it (`facts`) and its shared status (`state`, the
 * register of src/core/team-merge.ts). Every member computes the same status from it.
 */
import { NO_ACTION, type TeamAction, type TeamState } from './team-merge';
import type { AnsweredVia, Item, ItemFacts } from './types';

/**
 * An item of the log as a team member's browser stores it: `by` names the member whose action set
 * its status (absent: this browser's own, or no team). Backups leave it out.
 */
export type TeamItem = Item & { by?: string };

export interface TeamItemDoc {
  _id: string;
  _rev?: string;
  facts: ItemFacts;
  state: TeamState;
}

const ITEM_PREFIX = 'item:';

export function itemDocId(key: string): string {
  return ITEM_PREFIX + key;
}

/** The log key of an item document's id (null for any other document). */
export function keyOfDocId(id: string): string | null {
  return id.startsWith(ITEM_PREFIX) ? id.slice(ITEM_PREFIX.length) : null;
}

export function factsOf(item: ItemFacts): ItemFacts {
  const { site, id, kind, author, text, url, thread, createdAt } = item;
  return { site, id, kind, author: { name: author.name, handle: author.handle }, text, url, thread, createdAt };
}

/** A user's action in the popup or a badge menu, as the register records it. */
export type LocalAction = { action: 'answer' | 'snippet' | 'dismiss' | 'reopen' } | { action: 'snooze'; until: number };

export function stateOf(action: LocalAction, actor: string, at: number): TeamState {
  return { action: action.action, at, actor, until: action.action === 'snooze' ? action.until : null };
}

/** What this browser itself saw of an item, as a register: the owner's reply seen, or no action. */
export function seenState(item: TeamItem, actor: string): TeamState {
  if (item.status === 'answered' && item.answeredVia === 'seen-reply' && !item.by && item.answeredAt !== null) {
    return { action: 'seen', at: item.answeredAt, actor, until: null };
  }
  return NO_ACTION;
}

const ACTION_OF: Record<AnsweredVia, TeamAction> = { 'seen-reply': 'seen', 'manual': 'answer', 'snippet': 'snippet' };

/**
 * What this browser's log says of an item, as a register, when it joins a team: its answers,
 * dismissals and snoozes are its member's actions. A waiting item is no action (a reopen or a
 * snooze's end is not told from an item never acted on), and a status another member set is theirs.
 */
export function localState(item: TeamItem, actor: string): TeamState {
  if (item.by && item.by !== actor) return NO_ACTION;
  if (item.status === 'answered' && item.answeredVia) {
    return { action: ACTION_OF[item.answeredVia], at: item.answeredAt ?? item.statusAt, actor, until: null };
  }
  if (item.status === 'dismissed') return { action: 'dismiss', at: item.statusAt, actor, until: null };
  if (item.status === 'snoozed' && item.snoozeUntil !== null) {
    return { action: 'snooze', at: item.statusAt, actor, until: item.snoozeUntil };
  }
  return NO_ACTION;
}

/** Whether an action would change nothing in the log (answering what is answered, dismissing what is dismissed). */
export function changesNothing(item: Item, action: LocalAction): boolean {
  if (action.action === 'answer' || action.action === 'snippet') return item.status === 'answered';
  return action.action === 'dismiss' && item.status === 'dismissed';
}

const VIA: Partial<Record<TeamAction, AnsweredVia>> = { seen: 'seen-reply', answer: 'manual', snippet: 'snippet' };

/** The status fields a register gives (a snooze whose end has passed is waiting again). */
function statusFields(state: TeamState, now: number): Pick<Item, 'status' | 'answeredAt' | 'answeredVia' | 'snoozeUntil'> {
  const via = VIA[state.action];
  if (via) return { status: 'answered', answeredAt: state.at, answeredVia: via, snoozeUntil: null };
  if (state.action === 'dismiss') return { status: 'dismissed', answeredAt: null, answeredVia: null, snoozeUntil: null };
  if (state.action === 'snooze' && state.until !== null && state.until > now) {
    return { status: 'snoozed', answeredAt: null, answeredVia: null, snoozeUntil: state.until };
  }
  return { status: 'pending', answeredAt: null, answeredVia: null, snoozeUntil: null };
}

/**
 * The local item once the team's register is applied to it; the same object when nothing changes
 * (no action yet, or the item already says so). An item this browser never saw is made from the facts.
 */
export function applyTeamState(
  item: TeamItem | undefined,
  doc: Pick<TeamItemDoc, 'facts' | 'state'>,
  key: string,
  now: number,
): TeamItem {
  const base: TeamItem = item ?? {
    key,
    ...factsOf(doc.facts),
    firstSeenAt: now,
    lastSeenAt: now,
    sortAt: doc.facts.createdAt ?? now,
    status: 'pending',
    answeredAt: null,
    answeredVia: null,
    snoozeUntil: null,
    statusAt: now,
  };
  const { state } = doc;
  if (state.action === 'none') return base;
  const fields = statusFields(state, now);
  const same = base.status === fields.status
    && base.answeredAt === fields.answeredAt
    && base.answeredVia === fields.answeredVia
    && base.snoozeUntil === fields.snoozeUntil
    && base.statusAt === state.at
    && base.by === state.actor;
  if (same) return base;
  return { ...base, ...fields, statusAt: state.at, by: state.actor };
}
