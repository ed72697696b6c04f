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

const UNITS: Record<string, number> = {
  second: 1000,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

/** "12 hours ago", "1 day ago (edited)": an approximate epoch ms, or null for other wording. */
export function parseRelativeAge(text: string, now: number): number | null {
  const match = /(\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago/i.exec(text);
  if (!match) return null;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  return unit ? now - Number(match[1]) * unit : null;
}

const COMPACT_UNITS: Record<string, number> = {
  s: 1000,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
  mo: 30 * DAY,
  y: 365 * DAY,
};

/** "2h", "3d", "1w", "5mo" (LinkedIn's compact ages): an approximate epoch ms, or null. */
export function parseCompactAge(text: string, now: number): number | null {
  const match = /^(\d{1,3})\s?(mo|[smhdwy])\b/u.exec(text.trim());
  const unit = match ? COMPACT_UNITS[match[2] ?? ''] : undefined;
  return match && unit ? now - Number(match[1]) * unit : null;
}
