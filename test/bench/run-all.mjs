// npm run bench: every part of the benchmark, each run even when one before it failed; fails when any did.
// Parts: the Node benches (vitest bench), the content script in Chromium, and the popup's and the
// backup's and the team sync's benches where their scripts exist (npm run bench:popup, bench:backup,
// bench:team).
import { spawnSync } from 'node:child_process';

const parts = [
  ['npx', ['vitest', 'bench', '--run', '--config', 'vitest.bench.config.ts']],
  ['node', ['test/bench/content.mjs']],
  ['npm', ['run', '--if-present', 'bench:popup']],
  ['npm', ['run', '--if-present', 'bench:backup']],
  ['npm', ['run', '--if-present', 'bench:team']],
];
const failed = [];
for (const [command, args] of parts) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) failed.push([command, ...args].join(' '));
}
if (failed.length > 0) {
  console.log(`\nbench FAILED: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('\nbench: every part passed');
