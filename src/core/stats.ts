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
  /** The sites the log holds any comment of, in SITE_IDS order. */
  sitesLogged: SiteId[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function summarize(durations: number[]): ResponseSummary {
  const sorted = durations.sort((a, b) => a - b);
  return { count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What the stats read of an item. */
export type StatsItem = Pick<Item, 'site' | 'status' | 'answeredAt' | 'firstSeenAt' | 'sortAt'>;

/** Everything is computed here, from the log: nothing leaves the browser. One pass over the items. */
export function computeStats(items: Iterable<StatsItem>, now: number, days = 14): Stats {
  const counts = new Map<string, number>();
  for (let d = days - 1; d >= 0; d--) counts.set(localDay(now - d * DAY), 0);
  const week = new Map<SiteId, number[]>(SITE_IDS.map((site) => [site, []]));
  const month = new Map<SiteId, number[]>(SITE_IDS.map((site) => [site, []]));
  let oldest: number | null = null;
  const logged = new Set<SiteId>();
  for (const item of items) {
    logged.add(item.site);
    if (item.status === 'pending' && (oldest === null || item.sortAt < oldest)) oldest = item.sortAt;
    if (item.status !== 'answered' || item.answeredAt === null) continue;
    const day = localDay(item.answeredAt);
    if (counts.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
    const took = Math.max(0, item.answeredAt - item.firstSeenAt);
    const ago = now - item.answeredAt;
    if (ago <= 7 * DAY) week.get(item.site)?.push(took);
    if (ago <= 30 * DAY) month.get(item.site)?.push(took);
  }
  const perSite = {} as Stats['perSite'];
  for (const site of SITE_IDS) perSite[site] = { week: summarize(week.get(site)!), month: summarize(month.get(site)!) };
  return {
    perSite,
    answeredPerDay: [...counts].map(([day, count]) => ({ day, count })),
    oldestPending: oldest === null ? null : Math.max(0, now - oldest),
    sitesLogged: SITE_IDS.filter((site) => logged.has(site)),
  };
}
