import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_HOSTS } from '../../src/core/sites';

interface Built {
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: { matches: string[] }[];
  web_accessible_resources?: { matches: string[] }[];
}

// manifest.json names no site: vite.config.ts writes the hosts the sites declare (src/core/sites).
describe.each(['dist', 'dist-firefox'])('the manifest built in %s/', (dir) => {
  it('runs the content script on, and asks for, exactly the declared hosts; never all URLs', () => {
    const text = readFileSync(`${dir}/manifest.json`, 'utf8');
    const manifest = JSON.parse(text) as Built;
    const hosts = [...SITE_HOSTS].sort();
    expect([...manifest.host_permissions].sort()).toEqual(hosts);
    expect(manifest.content_scripts.map((script) => [...script.matches].sort())).toEqual([hosts]);
    // crxjs makes the content script's chunks reachable from the same pages.
    for (const entry of manifest.web_accessible_resources ?? []) expect([...entry.matches].sort()).toEqual(hosts);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });
});
