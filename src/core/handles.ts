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
    const match = /^([\w.-]{1,64})@([a-z0-9.-]{1,253}\.[a-z0-9-]{2,63})$/iu.exec(handle);
    return match && handle.length <= 100 ? `${match[1]}@${match[2]?.toLowerCase()}` : null;
  }
  return /^[\w.-]{1,60}$/u.test(handle) ? handle : null;
}
