/**
 * Every string the user reads comes from `_locales/<lang>/messages.json` through `t`. English is the
 * catalog the keys are typed from; Spanish and German hold the same keys and placeholders (a unit test
 * checks). The browser picks the language, falling back to English.
 */
import type catalog from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof catalog;

type Lookup = (key: string, substitutions: string[]) => string;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
}

let lookup: Lookup | null = null;

function extensionLookup(): Lookup | null {
  // chrome.i18n answers synchronously in every context (pages, content scripts, the worker) of both browsers.
  const api = (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  return api ? (key, subs) => api.getMessage(key, subs) : null;
}

/** Tests read the catalogs through this instead of the browser. */
export function setMessageLookup(next: Lookup): void {
  lookup = next;
}

/** The message for `key`, with $1… filled from `subs`. A missing message shows its key, never nothing. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  lookup ??= extensionLookup();
  const text = lookup?.(key, subs.map(String));
  return text || key;
}

/** One or many: the catalogs hold a key for each (all three languages use these two forms). */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one, count) : t(many, count);
}
