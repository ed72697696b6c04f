import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeEntry } from '../src/core/relevance';
import type { ScannedItem } from '../src/core/types';
import type { SiteAdapter } from '../src/sites/types';

export function fixture(path: string): string {
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', path), 'utf8');
}

/** Loads a fixture into the test document, at the address it is served from in the browser. */
export function loadPage(path: string, url: string): URL {
  const html = fixture(path).replace(/<script[\s\S]*?<\/script>/g, '');
  // The page's language, as its <html lang> says (the adapters read times in it).
  const lang = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1];
  if (lang) document.documentElement.setAttribute('lang', lang);
  else document.documentElement.removeAttribute('lang');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return new URL(url);
}

/** What the content script would report for the whole page. */
export function scanPage(adapter: SiteAdapter, url: URL, owner: string | null, tellAdapter = false): ScannedItem[] {
  // Told the owner, as the content script tells it, an adapter may list fewer repliers.
  const page = { url, memo: new Map<string, unknown>(), ...(tellAdapter && { owner }) };
  const items: ScannedItem[] = [];
  for (const el of Array.from(document.querySelectorAll(adapter.itemSelector))) {
    const entry = adapter.readEntry(el, page);
    if (!entry) continue;
    const verdict = judgeEntry(adapter.id, entry, owner);
    if (verdict.relevant) items.push(verdict.item);
  }
  return items;
}
