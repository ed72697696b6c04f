// For the scripts run by plain Node (npm run demo, npm run bench): bundles the TypeScript
// harness and fixture builder with esbuild (and any other test module named, e.g.
// 'e2e/backup-data'), then imports them.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

export async function loadHarness(more = []) {
  if (!existsSync('dist/manifest.json')) throw new Error('Build the extension first: npm run build');
  await build({
    entryPoints: ['e2e/harness', 'e2e/global-setup', 'bench/pages', ...more].map((name) => `test/${name}.ts`),
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
  const modules = await Promise.all(
    ['e2e/harness', 'bench/pages', ...more].map((name) => import(`../.cache/node/${name}.mjs`)),
  );
  return Object.assign({}, ...modules);
}
