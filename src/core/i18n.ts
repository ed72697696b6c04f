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

/** The browser's catalogs (at each entry point), or a test's. */
export function setMessageLookup(next: MessageLookup): void {
  lookup = next;
}

/** The message for `key`, with $1… filled from `subs`. A missing message shows its key, never nothing. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = lookup?.(key, subs.map(String));
  return text || key;
}

/** One or many: the catalogs hold a key for each (all three languages use these two forms). */
export function plural(count: number, one: MessageKey, many: MessageKey): string {
  return count === 1 ? t(one, count) : t(many, count);
}
