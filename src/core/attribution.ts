/**
 * Who set a comment's status when it was a teammate (issue 16): "Answered by ana · 5m ago",
 * "Dismissed by leo", "Snoozed by ana until Monday 9:00". A status this browser's user set
 * (or any status without a team) has no attribution and keeps its usual wording.
 */
import { t } from './i18n';
import type { TeamItem } from './team-doc';
import { formatAgo } from './time';
import type { Item, ItemStatus } from './types';

/** The teammate whose action set a status, when, and until when a snooze lasts. */
export interface Attribution {
  by: string;
  at: number;
  until: number | null;
}

const WEEK = 7 * 24 * 60 * 60_000;

type Attributed = Pick<TeamItem, 'status' | 'by' | 'statusAt' | 'answeredAt' | 'snoozeUntil'>;

/**
 * The teammate's part in an item's status; null when it is waiting, or this browser's own (no `by`,
 * or `by` is `me`, this browser's member: its own action as it came back from the team).
 */
export function attributionOf(item: Attributed, me: string | null = null): Attribution | null {
  if (!item.by || item.by === me || item.status === 'pending') return null;
  const at = item.status === 'answered' ? (item.answeredAt ?? item.statusAt) : item.statusAt;
  return { by: item.by, at, until: item.status === 'snoozed' ? item.snoozeUntil : null };
}

/** "Monday 09:00" within the coming week, else the date and time. */
export function formatUntil(until: number, now: number): string {
  const soon = until - now < WEEK;
  return new Date(until).toLocaleString(undefined, soon
    ? { weekday: 'long', hour: 'numeric', minute: '2-digit' }
    : { dateStyle: 'medium', timeStyle: 'short' });
}

/** What a teammate did, in words; null for a waiting comment. */
export function attributionText(status: ItemStatus, a: Attribution, now: number): string | null {
  switch (status) {
    case 'answered':
      return t('byTeammateAnswered', a.by, formatAgo(a.at, now));
    case 'dismissed':
      return t('byTeammateDismissed', a.by);
    case 'snoozed':
      return a.until === null ? t('byTeammateSnoozed', a.by) : t('byTeammateSnoozedUntil', a.by, formatUntil(a.until, now));
    default:
      return null;
  }
}

/** The picker's answered-twice warning: "ana answered this 3m ago", or "You already answered Marta just now". */
export function answeredWarning(item: TeamItem | Item | null, now: number): string | null {
  if (item?.status !== 'answered' || !item.answeredAt) return null;
  const by = 'by' in item ? item.by : undefined;
  return by
    ? t('warnAnsweredBy', by, formatAgo(item.answeredAt, now))
    : t('warnAnswered', item.author.name, formatAgo(item.answeredAt, now));
}
