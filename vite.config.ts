import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allFilesReady, crx } from '@crxjs/vite-plugin';
import { build as esbuild } from 'esbuild';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { SITE_IDS } from './src/core/sites';
import { contentScriptFile, TOOLS_SCRIPT_FILE, withSiteHosts } from './src/core/sites/manifest';

/** Firefox's id and the first version with the MV3 features we use (data_collection_permissions). */
const GECKO = { id: 'replyline@replyline.app', strict_min_version: '142.0' };

/** The manifest as built; crxjs gets it without the content scripts, which are built apart. */
const built = withSiteHosts(manifest);

/** Which classic scripts a page may run: each site's, and the tools every site's asks for. */
const CONTENT_ENTRIES = [
  ...SITE_IDS.map((site) => ({
    name: `content-${site}`,
    file: contentScriptFile(site),
    code: [
      `import { ${site}Adapter } from './src/sites/${site}';`,
      `import { runContent } from './src/content/main';`,
      `runContent(${site}Adapter);`,
    ],
  })),
  { name: 'content-tools', file: TOOLS_SCRIPT_FILE, code: [`import { installTools } from './src/content/tools';`, 'installTools();'] },
];

/**
 * One classic script per site: the page session (src/content/main.ts) with that site's adapter
 * (`<id>Adapter` of src/sites/<id>.ts) and nothing else, so a site's page loads its own code only,
 * needs no other file, and no chunk of ours has to be web-accessible. Mastodon's is the script
 * registered at run time for the user's instances. And one more, the tools (src/content/tools.ts:
 * the inline picker and insertion, no adapter), which the worker runs in a page's frame when its
 * script asks, once the user works in a comment box: neither in the manifest nor web-accessible.
 */
async function buildContentScripts(outDir: string) {
  await Promise.all(
    CONTENT_ENTRIES.map((entry) =>
      esbuild({
        stdin: {
          contents: entry.code.join('\n'),
          resolveDir: resolve('.'),
          sourcefile: `${entry.name}.ts`,
          loader: 'ts',
        },
        outfile: resolve(outDir, entry.file),
        // The polyfill's promise wrappers are half a page's budget: content scripts get the few calls they make.
        alias: { 'webextension-polyfill': resolve('src/shared/browser-lite.ts') },
        bundle: true,
        format: 'iife',
        // REPLYLINE_NO_MINIFY=1 keeps the names, for reading a profile (BENCH_DETAIL=1 node test/bench/content.mjs).
        minify: !process.env.REPLYLINE_NO_MINIFY,
        legalComments: 'none',
        target: ['chrome116', 'firefox128'],
        logLevel: 'warning',
      }),
    ),
  );
  const written = JSON.parse(readFileSync(resolve(outDir, 'manifest.json'), 'utf8'));
  writeFileSync(resolve(outDir, 'manifest.json'), `${JSON.stringify({ ...written, content_scripts: built.content_scripts }, null, 2)}\n`);
}

/**
 * dist-firefox/: the same files with Firefox's manifest differences (an event page with
 * background.scripts instead of a service worker, a gecko id).
 */
function writeFirefoxVariant(from: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const written = JSON.parse(readFileSync(resolve(from, 'manifest.json'), 'utf8'));
  const { service_worker: worker, ...background } = written.background;
  written.background = { ...background, scripts: [worker] };
  delete written.minimum_chrome_version;
  for (const entry of written.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  written.browser_specific_settings = {
    gecko: { ...GECKO, data_collection_permissions: { required: ['none'] } },
  };
  writeFileSync(resolve(to, 'manifest.json'), `${JSON.stringify(written, null, 2)}\n`);
}

/** After crxjs: the sites' content scripts, then the Firefox variant of the whole (in that order). */
function contentScriptsAndFirefox(): Plugin {
  return {
    name: 'replyline-content-scripts-and-firefox',
    apply: 'build',
    closeBundle: {
      sequential: true,
      async handler() {
        await buildContentScripts(resolve('dist'));
        writeFirefoxVariant(resolve('dist'), resolve('dist-firefox'));
      },
    },
  };
}

/**
 * npm run dev: crxjs's dev build in dist-dev/ (never the dist/ the tests load), its pages served
 * with hot reload from a fixed port (the extension's pages and worker are told it when written).
 * REPLYLINE_DEV_PORT moves it, and the reload socket to the port after it.
 */
/**
 * PouchDB evaluates a string as code in one place, `scopeEval` (design documents' string filters and
 * views, which Replyline never uses): the stores refuse an extension that can, and so do we. The
 * one line becomes a refusal; a build that no longer finds it fails, so an update cannot bring it back.
 */
function noEvalInPouch(): Plugin {
  const EVAL = 'return Function.apply(null, keys).apply(null, values);';
  return {
    name: 'replyline-no-eval-in-pouchdb',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]pouchdb-utils[\\/]lib[\\/]/.test(id) || !code.includes('function scopeEval')) return null;
      if (!code.includes(EVAL)) this.error('pouchdb-utils changed: scopeEval was not found as expected');
      return { code: code.replace(EVAL, 'throw new Error(\'Replyline does not evaluate code from a database.\');'), map: null };
    },
  };
}

const DEV_OUT = 'dist-dev';
const DEV_PORT = Number(process.env.REPLYLINE_DEV_PORT ?? 5173);

/** In the dev build, the sites' content scripts, built once crxjs has written its files. */
function contentScriptsInDev(): Plugin {
  return {
    name: 'replyline-content-scripts-dev',
    apply: 'serve',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        void allFilesReady()
          .then(() => buildContentScripts(resolve(DEV_OUT)))
          .then(() => server.config.logger.info(`  Replyline: content scripts written to ${DEV_OUT}/ (built once: restart to rebuild)`));
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  // manifest.json names no site: the hosts come from the sites' declarations (src/core/sites/).
  plugins: [
    preact(),
    noEvalInPouch(),
    // The version has one source, package.json.
    crx({ manifest: { ...built, version: pkg.version, content_scripts: [] } }),
    contentScriptsAndFirefox(),
    contentScriptsInDev(),
  ],
  server: { port: DEV_PORT, strictPort: true, hmr: { port: DEV_PORT + 1 } },
  build: {
    outDir: command === 'serve' ? DEV_OUT : 'dist',
    emptyOutDir: true,
    // Extension code is loaded from disk: the web's chunk-size advice does not apply.
    chunkSizeWarningLimit: 1000,
    target: ['chrome116', 'firefox128'],
    // crxjs builds the pages the manifest names; the welcome page is opened by the worker instead.
    rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
  },
}));
