import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintLine, lintReport } from './lint-report';

describe('the Firefox build', () => {
  it('has Firefox manifest differences: an event page and a gecko id', () => {
    const manifest = JSON.parse(readFileSync('dist-firefox/manifest.json', 'utf8'));
    expect(manifest.background.scripts).toEqual(['service-worker-loader.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko.id).toBe('replyline@replyline.app');
  });

  it('passes web-ext lint with no errors', () => {
    const report = lintReport(['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'json', '--no-input']);
    expect(report.errors.map(lintLine)).toEqual([]);
    // Preact's runtime can set innerHTML (for dangerouslySetInnerHTML, which our lint forbids):
    // the only warning allowed.
    expect(report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  }, 120_000);
});
