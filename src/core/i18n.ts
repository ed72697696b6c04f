/**
 * Every string the user reads comes from `_locales/<lang>/messages.json` through `t`. English is the
 * catalog the keys are typed from; Spanish and German hold the same keys and placeholders (a unit test
 * checks). Core code stays free of the browser: each entry point installs the browser's lookup
 * (shared/browser.ts, `useBrowserMessages`), and tests install theirs.
 */
import type catalog from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof catalog;

/** Finds the message for a key with $1… filled from `substitutions`; '' when there is none. */
export type MessageLookup = (key: string, substitutions: string[]) => string;

let lookup: MessageLookup | null = null;
/** Messages without substitutions, as the lookup gave them (a page draws thousands of badges with the same words). */
const plain = new Map<string, string>();

/** The browser's catalogs (at each entry point), or a test's. */
export function setMessageLookup(next: MessageLookup): void {
  lookup = next;
  plain.clear();
}

/** The lookup installed (a content script hands it to its tools, which are a script of their own). */
export function messageLookup(): MessageLookup | null {
  return lookup;
}

/** The message for `key`, with $1… filled from `subs`. A missing message shows its key, never nothing. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  if (subs.length === 0) {
    const known = plain.get(key);
    if (known !== undefined) return known;
  }
  const text = lookup?.(key, subs.map(String));
  // A message found is kept; a missing one is asked again (the packaged catalogs may come later).
  if (subs.length === 0 && text) plain.set(key, text);
  return text || key;
}

/** One or many: the catalogs hold a key for each (all three languages use these two forms). */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one, count) : t(many, count);
}

/** One message of a `_locales/<lang>/messages.json` catalog. */
export interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Catalog = Record<string, CatalogEntry>;

/**
 * A catalog's message filled as the browser fills it: `$NAME$` (any case) by its placeholder's
 * content, `$1`… there by the substitutions (a missing one by nothing), `$$` as `$`. A
 * substitution's own text is never read again.
 */
export function fillMessage(entry: CatalogEntry, substitutions: string[]): string {
  const named = Object.entries(entry.placeholders ?? {});
  const placeholders = new Map(named.map(([name, p]) => [name.toLowerCase(), p.content]));
  const numbered = (text: string) =>
    text.replace(/\$\$|\$(\d)/g, (match, n?: string) => (n === undefined ? '$' : (substitutions[Number(n) - 1] ?? '')));
  return entry.message.replace(/\$\$|\$(\w+)\$|\$(\d)/g, (match, name?: string, n?: string) => {
    if (name !== undefined) return numbered(placeholders.get(name.toLowerCase()) ?? '');
    if (n !== undefined) return substitutions[Number(n) - 1] ?? '';
    return '$';
  });
}

/** Looks a key up in catalogs, the first that holds it (the UI language's, then the default's). */
export function catalogLookup(catalogs: Catalog[]): MessageLookup {
  return (key, substitutions) => {
    const entry = catalogs.find((catalog) => Object.hasOwn(catalog, key))?.[key];
    return entry ? fillMessage(entry, substitutions) : '';
  };
}

/**
 * Messages the installed lookup does not give are looked up in `catalogs` (the packaged ones, when
 * the browser gives none: shared/page-messages.ts for pages and the worker, content/messages.ts).
 */
export function fallBackTo(catalogs: Catalog[]): void {
  const first = lookup;
  const packaged = catalogLookup(catalogs);
  lookup = (key, substitutions) => first?.(key, substitutions) || packaged(key, substitutions);
  plain.clear();
}

/** The locale folders the browser would try for a UI language, best first: es-419 → es_419, es, en (the default). */
export function localeCandidates(uiLanguage: string): string[] {
  const full = uiLanguage.replace('-', '_');
  return [...new Set([full, full.split('_')[0]!, 'en'].filter(Boolean))];
}
