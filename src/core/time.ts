import { t } from './i18n';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5m", "3h", "2d", "6w": the age of an item, compact for lists. */
export function formatAge(since: number, now: number): string {
  const age = Math.max(0, now - since);
  if (age < MINUTE) return t('justNow');
  if (age < HOUR) return t('unitMinutes', Math.floor(age / MINUTE));
  if (age < DAY) return t('unitHours', Math.floor(age / HOUR));
  if (age < 14 * DAY) return t('unitDays', Math.floor(age / DAY));
  return t('unitWeeks', Math.floor(age / (7 * DAY)));
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
