/**
 * Every site Replyline knows, declared once: one file per site beside this one, and here one import
 * and one entry in SITE_LIST. All else that names sites derives from this list: ids and names,
 * comment limits, the manifest's host lists (written by vite.config.ts), the end-to-end tests'
 * routes, and the adapters src/sites/registry.ts must have (a site without one does not compile).
 */
import { bluesky } from './bluesky';
import { type SiteDeclaration, matchesPattern } from './define';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { x } from './x';
import { youtube } from './youtube';

export type { SiteDeclaration } from './define';

/** In the order the pages list them. */
export const SITE_LIST = [
  x,
  youtube,
  facebook,
  linkedin,
  reddit,
  bluesky,
  tiktok,
  instagram,
  threads,
  mastodon,
] as const;

export type SiteId = (typeof SITE_LIST)[number]['id'];

export const SITE_IDS: readonly SiteId[] = /* @__PURE__ */ SITE_LIST.map((site) => site.id);

// Marked pure (as each declaration is): a site's content script keeps none of what it does not use.
const byId = <T>(value: (site: (typeof SITE_LIST)[number]) => T) =>
  /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ SITE_LIST.map((site) => [site.id, value(site)]));

/** Each site's declaration by id. */
export const SITES = /* @__PURE__ */ byId((site) => site) as Readonly<Record<SiteId, SiteDeclaration<SiteId>>>;

export const SITE_NAMES = /* @__PURE__ */ byId((site) => site.name) as Readonly<Record<SiteId, string>>;

/** The built-in sites' match patterns: the manifest's content script and host permissions, nothing more. */
export const SITE_HOSTS: readonly string[] = /* @__PURE__ */ SITE_LIST.flatMap((site) => site.hosts);

/** The built-in site a URL belongs to, as the manifest's patterns match it (an instance the user added is none). */
export function siteForUrl(url: URL): SiteId | null {
  return SITE_LIST.find((site) => site.hosts.some((pattern) => matchesPattern(pattern, url)))?.id ?? null;
}
