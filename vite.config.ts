import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import { build as esbuild } from 'esbuild';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { INSTANCE_SCRIPT_FILE } from './src/core/instances';
import { withSiteHosts } from './src/core/sites/manifest';

/** Firefox's id and the first version with the MV3 features we use (data_collection_permissions). */
const GECKO = { id: 'replyline@replyline.app', strict_min_version: '142.0' };

/**
 * The manifest's content script is an ES module behind a loader, and its chunks are only
 * web-accessible on the manifest's hosts. Scripts registered at run time for a user's Mastodon
 * instance cannot import them from there, so the same entry is also bundled as one classic
 * script that needs no other file.
 */
function instanceContentScript(): Plugin {
  return {
    name: 'replyline-instance-content-script',
    apply: 'build',
    async closeBundle() {
      await esbuild({
        entryPoints: [resolve('src/content/main.ts')],
        outfile: resolve('dist', INSTANCE_SCRIPT_FILE),
        bundle: true,
        format: 'iife',
        minify: true,
        legalComments: 'none',
        target: ['chrome116', 'firefox128'],
        logLevel: 'warning',
      });
    },
  };
}

/**
 * After each build, writes dist-firefox/: the same files with Firefox's manifest differences
 * (an event page with background.scripts instead of a service worker, a gecko id).
 */
function firefoxVariant(): Plugin {
  return {
    name: 'replyline-firefox-variant',
    apply: 'build',
    closeBundle() {
      const from = resolve('dist');
      const to = resolve('dist-firefox');
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
      const built = JSON.parse(readFileSync(resolve(from, 'manifest.json'), 'utf8'));
      const { service_worker: worker, ...background } = built.background;
      built.background = { ...background, scripts: [worker] };
      delete built.minimum_chrome_version;
      for (const entry of built.web_accessible_resources ?? []) delete entry.use_dynamic_url;
      built.browser_specific_settings = {
        gecko: { ...GECKO, data_collection_permissions: { required: ['none'] } },
      };
      writeFileSync(resolve(to, 'manifest.json'), `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  // manifest.json names no site: the hosts come from the sites' declarations (src/core/sites/).
  plugins: [
    preact(),
    // The version has one source, package.json.
    crx({ manifest: { ...withSiteHosts(manifest), version: pkg.version } }),
    instanceContentScript(),
    firefoxVariant(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Extension code is loaded from disk: the web's chunk-size advice does not apply.
    chunkSizeWarningLimit: 1000,
    target: ['chrome116', 'firefox128'],
    // crxjs builds the pages the manifest names; the welcome page is opened by the worker instead.
    rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
  },
});
