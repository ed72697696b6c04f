/**
 * Mastodon runs on thousands of hosts. The user names their instance; Replyline asks the browser
 * for that one host and runs there, and nowhere else.
 */

/** More than anyone follows; each is a host permission and a registered content script. */
export const MAX_INSTANCES = 20;

/** The id our run-time content script has for a host (one script per instance). */
export const INSTANCE_SCRIPT_PREFIX = 'replyline-mastodon:';

const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/u;

/**
 * The host in what a user types: "mastodon.social", "https://mastodon.social/home" or their
 * address "@me@mastodon.social". Null for anything that is not a public host name (no ports, IP
 * addresses or single labels). International names come back in their ASCII form.
 */
export function parseInstanceHost(input: string): string | null {
  let text = input.trim();
  if (!text || text.length > 300) return null;
  text = text.replace(/^https:\/\//iu, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(text)) return null; // another scheme: http, ftp…
  text = text.replace(/^@?[\w.-]{1,64}@/u, ''); // an account address: the part after its "@"
  text = text.split(/[/?#]/u)[0] ?? '';
  if (!text || /[\s:@\\]/u.test(text)) return null;
  let host: string;
  try {
    host = new URL(`https://${text}/`).hostname;
  }
  catch {
    return null;
  }
  host = host.replace(/\.$/u, '');
  return HOSTNAME.test(host) && !/^[\d.]+$/u.test(host) ? host : null;
}

/**
 * The content script registered for each instance: the manifest's entry bundled as one classic
 * script (written by vite.config.ts), since its module chunks are not web-accessible there.
 */
export const INSTANCE_SCRIPT_FILE = 'assets/instance-content.js';

/** The match pattern of an instance, for the permission and the content script alike. */
export function instancePattern(host: string): string {
  return `https://${host}/*`;
}
