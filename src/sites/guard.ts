import type { SiteAdapter } from './types';

/**
 * The adapter as the content script uses it: a function that throws (odd markup, a site's change)
 * returns nothing instead, and is named in `errors` for the site's health. Nothing reaches the page.
 */
export function guardAdapter(adapter: SiteAdapter, errors: Set<string>): SiteAdapter {
  const fallback: Partial<Record<keyof SiteAdapter, unknown>> = { relatedItems: [], scansPage: false };
  const guarded = { ...adapter } as Record<string, unknown>;
  for (const [name, value] of Object.entries(adapter)) {
    if (typeof value !== 'function') continue;
    guarded[name] = (...args: unknown[]) => {
      try {
        return (value as (...a: unknown[]) => unknown).apply(adapter, args);
      }
      catch (error) {
        if (!errors.has(name)) console.warn(`Replyline: the ${adapter.id} adapter failed in ${name}`, error);
        errors.add(name);
        return fallback[name as keyof SiteAdapter] ?? null;
      }
    };
  }
  return guarded as unknown as SiteAdapter;
}
