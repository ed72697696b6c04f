import { defineConfig } from 'vitest/config';

/** npm run bench: speed targets, measured (never asserted by timed tests). */
export default defineConfig({
  test: { include: [], benchmark: { include: ['test/bench/**/*.bench.ts'] }, environment: 'node' },
});
