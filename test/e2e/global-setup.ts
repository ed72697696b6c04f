import { existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

/** Pages holding one real editor each (test/fixtures/editors/), at x.com/_replyline_fixture/editors/<name>. */
export const EDITOR_PAGES = ['draft.jsx', 'lexical.js', 'quill.js', 'tiptap.js', 'react-field.jsx', 'plain.js'];

const common = {
  bundle: true,
  format: 'iife',
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"', 'global': 'window' },
  logLevel: 'error',
} as const;

/** Bundles the pages' stand-in editors (real packages) once per run; checks the extension was built. */
export default async function setup() {
  if (!existsSync('dist/manifest.json')) {
    throw new Error('Build the extension first (npm run build): the end-to-end tests load dist/.');
  }
  mkdirSync('test/.cache', { recursive: true });
  mkdirSync('test/.artifacts', { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') mkdirSync('test/screenshots', { recursive: true });
  await build({ ...common, entryPoints: ['test/fixtures/x/editor-app.jsx'], outfile: 'test/.cache/x-editor.js' });
  await build({ ...common, entryPoints: ['test/fixtures/bluesky/composer.js'], outfile: 'test/.cache/bluesky-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/reddit/composer.js'], outfile: 'test/.cache/reddit-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/reddit/old.js'], outfile: 'test/.cache/reddit-old.js' });
  await build({ ...common, entryPoints: ['test/fixtures/facebook/composer.js'], outfile: 'test/.cache/facebook-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/linkedin/v2.js'], outfile: 'test/.cache/linkedin-v2.js' });
  await build({ ...common, entryPoints: ['test/fixtures/linkedin/v1.js'], outfile: 'test/.cache/linkedin-v1.js' });
  await build({ ...common, entryPoints: ['test/fixtures/tiktok/composer.jsx'], outfile: 'test/.cache/tiktok-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/instagram/composer.jsx'], outfile: 'test/.cache/instagram-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/threads/composer.js'], outfile: 'test/.cache/threads-composer.js' });
  await build({ ...common, entryPoints: ['test/fixtures/mastodon/composer.jsx'], outfile: 'test/.cache/mastodon-composer.js' });
  await build({
    ...common,
    entryPoints: EDITOR_PAGES.map((name) => `test/fixtures/editors/${name}`),
    outdir: 'test/.cache/editors',
  });
}
