import { SITE_HOSTS } from './index';

/**
 * The manifest as built: manifest.json names no site, so the built-in sites' hosts are added here
 * as its content script's matches and its host permissions (vite.config.ts hands this to crxjs).
 */
export function withSiteHosts<M extends { content_scripts: readonly object[] }>(manifest: M) {
  type Script = M['content_scripts'][number];
  return {
    ...manifest,
    content_scripts: manifest.content_scripts.map((script: Script) => ({ ...script, matches: [...SITE_HOSTS] })),
    host_permissions: [...SITE_HOSTS],
  };
}
