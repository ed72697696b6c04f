import type { SiteAdapter } from './types';

/**
 * The adapter as the content script uses it: a function that throws (odd markup, a site's change)
 * returns nothing instead, and is named in `errors` for the site's health. Nothing reaches the page.
 * Other members are read through, so selectors changed by an override apply at once.
 */
export function guardAdapter(adapter: SiteAdapter, errors: Set<string>): SiteAdapter {
  const fallback: Partial<Record<string, unknown>> = { relatedItems: [], scansPage: false, expectsItems: false };
  const wrapped = new Map<string, unknown>();
  return new Proxy(adapter, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      if (!wrapped.has(name)) {
        wrapped.set(name, (...args: unknown[]) => {
          try {
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          }
          catch (error) {
            if (!errors.has(name)) console.warn(`Replyline: the ${target.id} adapter failed in ${name}`, error);
            errors.add(name);
            return fallback[name] ?? null;
          }
        });
      }
      return wrapped.get(name);
    },
  });
}
