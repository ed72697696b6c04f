import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITE_HOSTS, SITE_LIST } from '../../src/core/sites';
import { contentScriptFile, TOOLS_SCRIPT_FILE } from '../../src/core/sites/manifest';

/** Issue 12's budget for what a site's page loads: 20 kB gzipped (counted as 20 KiB, gzip -9). */
const SCRIPT_BUDGET = 20 * 1024;
/** Code of the inline picker and of the insertion into editors, which only the tools hold. */
const TOOLS_MARKS = ['data-replyline-picker', 'execCommandLines', 'insertReplacementText'];

interface Built {
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: { matches: string[]; js: string[] }[];
  web_accessible_resources?: { matches: string[] }[];
}

// manifest.json names no site: vite.config.ts writes the hosts the sites declare (src/core/sites).
describe.each(['dist', 'dist-firefox'])('the manifest built in %s/', (dir) => {
  it('runs the content script on, and asks for, exactly the declared hosts; never all URLs', () => {
    const text = readFileSync(`${dir}/manifest.json`, 'utf8');
    const manifest = JSON.parse(text) as Built;
    const hosts = [...SITE_HOSTS].sort();
    expect([...manifest.host_permissions].sort()).toEqual(hosts);
    // One script per site, on that site's hosts, each a file of the build.
    expect(manifest.content_scripts.flatMap((script) => script.matches).sort()).toEqual(hosts);
    for (const script of manifest.content_scripts) {
      const site = SITE_LIST.find((s) => s.hosts.includes(script.matches[0]!))!;
      expect([...script.matches].sort()).toEqual([...site.hosts].sort());
      expect(script.js).toEqual([`assets/content-${site.id}.js`]);
      expect(existsSync(`${dir}/${script.js[0]}`)).toBe(true);
    }
    // Classic scripts need no other file: nothing of ours is readable by the sites' pages.
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });

  // A site's page loads its own script, holding no other site's declaration (they are marked pure:
  // src/core/sites/define.ts). Its size is issue 12's budget, measured by npm run bench.
  it('gives each site a script of its own, holding no other site’s hosts', () => {
    for (const site of SITE_LIST) {
      const text = readFileSync(`${dir}/${contentScriptFile(site.id)}`, 'utf8');
      for (const other of SITE_LIST.filter((s) => s.id !== site.id && s.hosts.length > 0)) {
        expect(text.includes(other.hosts[0]!), `${site.id} holds ${other.id}`).toBe(false);
      }
    }
  });

  it('keeps each site\'s script within the budget, gzipped', () => {
    for (const site of SITE_LIST) {
      const bytes = gzipSync(readFileSync(`${dir}/${contentScriptFile(site.id)}`, 'utf8'), { level: 9 }).length;
      expect(bytes, `${site.id}: ${bytes} B gzip`).toBeLessThanOrEqual(SCRIPT_BUDGET);
    }
  });

  // The tools (src/content/tools.ts) come into a page only when the worker runs them there.
  it('builds the tools apart: one file for all sites, in no manifest list, holding no site', () => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Built;
    const tools = readFileSync(`${dir}/${TOOLS_SCRIPT_FILE}`, 'utf8');
    expect(manifest.content_scripts.flatMap((script) => script.js)).not.toContain(TOOLS_SCRIPT_FILE);
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('content-tools');
    for (const mark of TOOLS_MARKS) expect(tools).toContain(mark);
    for (const site of SITE_LIST.filter((s) => s.hosts.length > 0)) {
      expect(tools.includes(site.hosts[0]!), `the tools hold ${site.id}`).toBe(false);
      const text = readFileSync(`${dir}/${contentScriptFile(site.id)}`, 'utf8');
      for (const mark of TOOLS_MARKS) expect(text.includes(mark), `${site.id} holds ${mark}`).toBe(false);
    }
  });
});
