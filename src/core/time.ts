import { t } from './i18n';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each unit of a duration, and the count from which the next one takes over ("59m", then "1h"; "13d", then "2w"). */
const DURATION_UNITS: [ms: number, below: number, key: 'unitMinutes' | 'unitHours' | 'unitDays' | 'unitWeeks'][] = [
  [MINUTE, 60, 'unitMinutes'],
  [HOUR, 24, 'unitHours'],
  [DAY, 14, 'unitDays'],
  [7 * DAY, Infinity, 'unitWeeks'],
];

/**
 * "5m", "3h", "2d", "6w": a length of time in its largest unit, compact; the one style of every
 * duration Replyline shows (a comment's age, the oldest wait, the time to answer). Rounded down for
 * what has lasted ("waiting 2d"), up for a bound ("within 3h" holds for 2h 10m); under a minute,
 * down, is "just now".
 */
export function formatDuration(ms: number, round: 'down' | 'up' = 'down'): string {
  const whole = round === 'up' ? Math.ceil : Math.floor;
  if (round === 'down' && ms < MINUTE) return t('justNow');
  for (const [unit, below, key] of DURATION_UNITS) {
    const count = Math.max(1, whole(ms / unit));
    if (count < below) return t(key, count);
  }
  return t('unitWeeks', whole(ms / (7 * DAY)));
}

/** "just now", "5m", "3h", "2d", "6w": the age of an item, compact for lists. */
export function formatAge(since: number, now: number): string {
  return formatDuration(Math.max(0, now - since));
}

/** When, as a phrase of its own: "just now", or "5m ago". */
export function formatAgo(since: number, now: number): string {
  return now - since < MINUTE ? t('justNow') : t('agePast', formatAge(since, now));
}

/** Parses a site's ISO timestamp; null when absent or not a date. */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
