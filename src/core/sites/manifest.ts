import { INSTANCE_SCRIPT_FILE } from '../instances';
import { SITE_HOSTS, SITE_LIST, type SiteId, SITES } from './index';

/**
 * Each site's content script: the page session with that site's adapter only, one classic script
 * (vite.config.ts builds it). A site that runs on the user's instances has the registered script.
 */
export function contentScriptFile(site: SiteId): string {
  return SITES[site].onInstances ? INSTANCE_SCRIPT_FILE : `assets/content-${site}.js`;
}

/**
 * The tools' script (content/tools-api.ts): the inline picker and insertion, one file for every site,
 * run by the worker in a frame that asks for it. Neither a content script of the manifest nor
 * web-accessible.
 */
export const TOOLS_SCRIPT_FILE = 'assets/content-tools.js';

/**
 * The manifest as built: manifest.json names no site, so the built-in sites' hosts are added here as
 * host permissions, and its one content script is a template (when and how it runs): each site with
 * hosts gets its own, on its hosts. crxjs is handed the manifest without them (vite.config.ts writes
 * them after the build: they are built apart, so no chunk has to be web-accessible).
 */
export function withSiteHosts<M extends { content_scripts: readonly object[] }>(manifest: M) {
  const [template = {}] = manifest.content_scripts;
  return {
    ...manifest,
    content_scripts: SITE_LIST.filter((site) => site.hosts.length > 0).map((site) => ({
      ...template,
      js: [contentScriptFile(site.id)],
      matches: [...site.hosts],
    })),
    host_permissions: [...SITE_HOSTS],
  };
}
