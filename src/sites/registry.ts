import type { SiteId } from '../core/types';
import { blueskyAdapter } from './bluesky';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { mastodonAdapter } from './mastodon';
import { redditAdapter } from './reddit';
import { threadsAdapter } from './threads';
import { tiktokAdapter } from './tiktok';
import type { SiteAdapter } from './types';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

/** One line per site. The manifest's host list names the same hosts (checked by a test). */
export const ADAPTERS: readonly SiteAdapter[] = [
  xAdapter,
  youtubeAdapter,
  facebookAdapter,
  linkedinAdapter,
  redditAdapter,
  blueskyAdapter,
  tiktokAdapter,
  instagramAdapter,
  threadsAdapter,
  mastodonAdapter, // no fixed hosts: registered at run time on each instance the user adds
];

function patternMatches(pattern: string, url: URL): boolean {
  const match = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host, path] = match;
  if (`${scheme}:` !== url.protocol) return false;
  const hostOk = host?.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const pathRe = new RegExp(`^${(path ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && pathRe.test(url.pathname + url.search);
}

export function adapterForUrl(url: URL): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches.some((p) => patternMatches(p, url))) ?? null;
}

export function adapterFor(site: SiteId): SiteAdapter {
  const adapter = ADAPTERS.find((a) => a.id === site);
  if (!adapter) throw new Error(`No adapter for ${site}`);
  return adapter;
}
