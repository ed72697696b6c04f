import { existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles the pages' stand-in editors (real Draft.js) once per run; checks the extension was built. */
export default async function setup() {
  if (!existsSync('dist/manifest.json')) {
    throw new Error('Build the extension first (npm run build): the end-to-end tests load dist/.');
  }
  mkdirSync('test/.cache', { recursive: true });
  mkdirSync('test/.artifacts', { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') mkdirSync('test/screenshots', { recursive: true });
  await build({
    entryPoints: ['test/fixtures/x/editor-app.jsx'],
    bundle: true,
    format: 'iife',
    outfile: 'test/.cache/x-editor.js',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', 'global': 'window' },
    logLevel: 'error',
  });
}
