/** The catalogs as Chrome reads them: `$NAME$` placeholders, whose content `$1`… takes the substitutions. */
import { readFileSync } from 'node:fs';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

export function readCatalog(lang: string): Catalog {
  return JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Catalog;
}

const fill = (text: string, subs: string[]) => text.replace(/\$(\d)/gu, (_, n: string) => subs[Number(n) - 1] ?? '');

/** chrome.i18n.getMessage: '' for an unknown key, `$$` is a dollar sign. */
export function resolveMessage(catalog: Catalog, key: string, subs: string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), fill(p.content, subs)]),
  );
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/giu, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
    .replaceAll('$$', '$');
}
