import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox build', () => {
  it('has Firefox manifest differences: an event page and a gecko id', () => {
    const manifest = JSON.parse(readFileSync('dist-firefox/manifest.json', 'utf8'));
    expect(manifest.background.scripts).toEqual(['service-worker-loader.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.browser_specific_settings.gecko.id).toBe('replyline@replyline.app');
  });

  it('passes web-ext lint with no errors', () => {
    let out: string;
    try {
      out = execFileSync(
        'npx',
        ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'json', '--no-input'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    }
    catch (error) {
      // web-ext exits non-zero when it finds errors; its report is still on stdout.
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      errors: LintMessage[];
      warnings: LintMessage[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    // Preact's runtime can set innerHTML (for dangerouslySetInnerHTML, which our lint forbids):
    // the only warning allowed.
    expect(report.warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual([]);
  }, 120_000);
});
