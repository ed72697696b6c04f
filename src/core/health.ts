/**
 * Site health: what an adapter found on a page. A site whose markup changed shows up here (no
 * items where items are expected, a required part that matches nothing, an adapter that throws)
 * instead of going silently quiet.
 */
import type { SiteId } from './types';

export interface PageHealth {
  site: SiteId;
  /** The page's path (no query): where it was measured. */
  path: string;
  at: number;
  /** A page where this site's items are expected (a conversation, a mentions page). */
  expected: boolean;
  /** Elements taken for items. */
  items: number;
  /** Items whose facts could be read. */
  readable: number;
  /** Items addressed to the owner. */
  relevant: number;
  /** Items the log refused (their facts failed its checks): each is lost to the log, so it is a fault. */
  refused?: number;
  /** Items whose relations could not be read from the page (placed by position alone). */
  unrelated?: number;
  ownerKnown: boolean;
  composerFound: boolean;
  /** Names of the adapter's required parts that matched nothing on a page with items expected. */
  missing: string[];
  /** Adapter functions that threw on this page (each caught, never thrown into the page). */
  errors: string[];
}

export type HealthProblem =
  | { kind: 'noItems' }
  | { kind: 'unreadable'; items: number }
  | { kind: 'missing'; parts: string[] }
  | { kind: 'errors'; parts: string[] }
  | { kind: 'refused'; items: number }
  | { kind: 'unrelated'; items: number };

/** What is wrong on that page, if anything; an unknown owner is not a fault of the markup. */
export function healthProblems(health: PageHealth): HealthProblem[] {
  const problems: HealthProblem[] = [];
  if (health.errors.length) problems.push({ kind: 'errors', parts: health.errors });
  if (health.refused) problems.push({ kind: 'refused', items: health.refused });
  if (health.unrelated) problems.push({ kind: 'unrelated', items: health.unrelated });
  if (!health.expected) return problems;
  if (health.items === 0) problems.push({ kind: 'noItems' });
  else if (health.readable === 0) problems.push({ kind: 'unreadable', items: health.items });
  if (health.missing.length) problems.push({ kind: 'missing', parts: health.missing });
  return problems;
}

export function needsAttention(health: PageHealth | undefined): boolean {
  return !!health && healthProblems(health).length > 0;
}
