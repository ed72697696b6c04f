// For the scripts run by plain Node (npm run demo, npm run bench): bundles the TypeScript
// harness and fixture builder with esbuild, then imports them.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

export async function loadHarness() {
  if (!existsSync('dist/manifest.json')) throw new Error('Build the extension first: npm run build');
  await build({
    entryPoints: ['test/e2e/harness.ts', 'test/e2e/global-setup.ts', 'test/bench/pages.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'test/.cache/node',
    outbase: 'test',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const { default: prepareFixtures } = await import('../.cache/node/e2e/global-setup.mjs');
  await prepareFixtures();
  return {
    ...(await import('../.cache/node/e2e/harness.mjs')),
    ...(await import('../.cache/node/bench/pages.mjs')),
  };
}
