import { parseInstanceHost } from './instances';

/** Handles compare without "@" and case, as every supported site treats them. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normalizeHandle(a) === normalizeHandle(b);
}

const MENTION = /(^|[^\w@.])@([\w.-]{1,60})/gu;

/** Handles mentioned in a text, "@" removed, lower-cased, in order of first appearance. */
export function mentionedHandles(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = normalizeHandle((match[2] ?? '').replace(/[.-]+$/, ''));
    if (handle && !found.includes(handle)) found.push(handle);
  }
  return found;
}

/**
 * A handle a user types: letters, digits, "_", ".", "-"; an optional leading "@". On Mastodon an
 * account is only known with its instance: "@me@mastodon.social" (kept as "me@mastodon.social").
 */
export function parseHandleInput(input: string, fediverse = false): string | null {
  const handle = input.trim().replace(/^@+/, '');
  if (fediverse) {
    // The instance part is a host by the same rule as the instances added in Options.
    const match = /^([\w.-]{1,64})@([^@\s]{1,253})$/u.exec(handle);
    const domain = match?.[2]?.toLowerCase();
    return match && domain && parseInstanceHost(domain) === domain && handle.length <= 100 ? `${match[1]}@${domain}` : null;
  }
  return /^[\w.-]{1,60}$/u.test(handle) ? handle : null;
}
