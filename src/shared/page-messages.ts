/**
 * The catalogs of an extension page or the worker, made sure of. Chromium has been seen to answer ''
 * for every message, predefined ones included, in every page of a freshly installed extension (the
 * popup then showed message keys: about one fresh profile in ten here). `@@extension_id` always has
 * a message when the browser's catalogs work; when it has none, the packaged catalogs of the UI
 * language (and of English, the default) are read from the extension's own files, and messages the
 * browser does not give are looked up there (i18n.ts fills them as the browser does).
 *
 * Content scripts cannot read the extension's files without making them readable by the sites'
 * pages: they ask the worker for these catalogs instead (content/messages.ts).
 */
import { type Catalog, fallBackTo, localeCandidates } from '../core/i18n';
import { browser } from './browser';

async function readCatalog(locale: string): Promise<Catalog | null> {
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${locale}/messages.json`));
    return response.ok ? ((await response.json()) as Catalog) : null;
  }
  catch {
    return null; // no catalog in that language
  }
}

/** The packaged catalogs of the UI language, best first, then English's (also sent to content scripts). */
export async function packagedCatalogs(): Promise<Catalog[]> {
  const locales = localeCandidates(browser.i18n.getUILanguage() || navigator.language);
  const read = await Promise.all(locales.map(readCatalog));
  return read.filter((catalog): catalog is Catalog => catalog !== null);
}

async function ensureMessages(): Promise<void> {
  if (browser.i18n.getMessage('@@extension_id') !== '') return;
  const catalogs = await packagedCatalogs();
  console.warn('Replyline: the browser gave no messages; the packaged ones are used');
  fallBackTo(catalogs);
}

/** Resolves once messages can be read (at once, unless the browser's catalogs have to be replaced). */
export const messagesReady: Promise<void> = ensureMessages().catch((error: unknown) => console.error('Replyline: messages', error));
