import { siteForUrl, type SiteId } from '../core/sites';
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

/**
 * Each declared site's adapter, one line per site (the sites are declared in src/core/sites/): a
 * declared site without an adapter, or an adapter under an undeclared id, does not compile.
 */
export const ADAPTERS = {
  x: xAdapter,
  youtube: youtubeAdapter,
  facebook: facebookAdapter,
  linkedin: linkedinAdapter,
  reddit: redditAdapter,
  bluesky: blueskyAdapter,
  tiktok: tiktokAdapter,
  instagram: instagramAdapter,
  threads: threadsAdapter,
  mastodon: mastodonAdapter,
} satisfies Record<SiteId, SiteAdapter>;

/** The adapter of the built-in site a URL belongs to (none on an instance the user added). */
export function adapterForUrl(url: URL): SiteAdapter | null {
  const site = siteForUrl(url);
  return site ? ADAPTERS[site] : null;
}

export function adapterFor(site: SiteId): SiteAdapter {
  return ADAPTERS[site];
}
