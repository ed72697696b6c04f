import { t } from './i18n';
import type { Item, SiteId } from './types';
import { SITE_IDS } from './types';

const DAY = 86_400_000;

export interface ResponseSummary {
  count: number;
  /** Milliseconds from first seen to answered; null without answers. */
  median: number | null;
  p90: number | null;
}

export interface Stats {
  perSite: Record<SiteId, { week: ResponseSummary; month: ResponseSummary }>;
  /** Answers per local day, oldest first, the last `days` days (today included). */
  answeredPerDay: { day: string; count: number }[];
  /** Age of the oldest waiting item, in ms; null when nothing waits. */
  oldestPending: number | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function summarize(durations: number[]): ResponseSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Everything is computed here, from the log: nothing leaves the browser. */
export function computeStats(items: readonly Item[], now: number, days = 14): Stats {
  const perSite = {} as Stats['perSite'];
  for (const site of SITE_IDS) {
    const answered = items.filter((i) => i.site === site && i.status === 'answered' && i.answeredAt !== null);
    const within = (span: number) =>
      answered
        .filter((i) => now - (i.answeredAt ?? 0) <= span)
        .map((i) => Math.max(0, (i.answeredAt ?? 0) - i.firstSeenAt));
    perSite[site] = { week: summarize(within(7 * DAY)), month: summarize(within(30 * DAY)) };
  }
  const counts = new Map<string, number>();
  for (let d = days - 1; d >= 0; d--) counts.set(localDay(now - d * DAY), 0);
  for (const item of items) {
    if (item.status !== 'answered' || item.answeredAt === null) continue;
    const day = localDay(item.answeredAt);
    if (counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const pending = items.filter((i) => i.status === 'pending');
  const oldest = pending.length ? Math.min(...pending.map((i) => i.sortAt)) : null;
  return {
    perSite,
    answeredPerDay: [...counts].map(([day, count]) => ({ day, count })),
    oldestPending: oldest === null ? null : Math.max(0, now - oldest),
  };
}

/** "45m", "3h 10m", "2d 4h": a duration for people. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `< ${t('unitMinutes', 1)}`;
  if (minutes < 60) return t('unitMinutes', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${t('unitHours', hours)} ${t('unitMinutes', minutes % 60)}` : t('unitHours', hours);
  const d = Math.floor(hours / 24);
  return hours % 24 ? `${t('unitDays', d)} ${t('unitHours', hours % 24)}` : t('unitDays', d);
}
