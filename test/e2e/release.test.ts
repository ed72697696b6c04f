import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintLine, lintReport } from './lint-report';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the release', () => {
  it('takes its version from package.json alone, in both built manifests', () => {
    expect(JSON.parse(readFileSync('manifest.json', 'utf8'))).not.toHaveProperty('version');
    for (const dir of ['dist', 'dist-firefox']) {
      expect(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).version).toBe(version);
    }
  });

  it('packages a Chrome zip, a Firefox zip that passes the add-on linter, and the source', () => {
    rmSync('artifacts', { recursive: true, force: true });
    const printed = execFileSync('node', ['.ci/package.mjs'], { encoding: 'utf8' });
    const names = ['chrome', 'firefox', 'source'].map((kind) => `artifacts/replyline-${version}-${kind}.zip`);
    for (const name of names) expect(printed).toContain(name);
    for (const name of names.slice(0, 2)) {
      // A zip names its files in plain text in its central directory: the manifest is at the top.
      const zip = readFileSync(name).toString('latin1');
      expect(zip.startsWith('PK')).toBe(true);
      expect(zip).toMatch(/[^/]manifest\.json/u);
    }
    expect(readFileSync(names[2]!).toString('latin1')).toContain(`replyline-${version}/package.json`);
    // web-ext lint is this linter run on a folder; run it on the very zip that is uploaded.
    expect(lintReport(['addons-linter', '--output', 'json', names[1]!]).errors.map(lintLine)).toEqual([]);
  });
});
