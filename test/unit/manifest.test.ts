import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_LIST, SITES, siteForUrl } from '../../src/core/sites';
import { INSTANCE_SCRIPT_FILE } from '../../src/core/instances';
import { contentScriptFile, withSiteHosts } from '../../src/core/sites/manifest';
import { ADAPTERS, adapterForUrl } from '../../src/sites/registry';

const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
/** What vite.config.ts hands to crxjs. */
const manifest = withSiteHosts(source);

describe('the manifest', () => {
  it('names no site itself: the build adds the hosts the sites declare', () => {
    expect(source.host_permissions).toBeUndefined();
    expect(source.content_scripts.map((script: { matches?: string[] }) => script.matches)).toEqual([undefined]);
  });

  it('as built, asks for exactly the hosts the sites declare, and never all URLs', () => {
    const hosts = SITE_LIST.flatMap((site) => site.hosts).sort();
    expect(hosts.length).toBeGreaterThan(0);
    expect([...manifest.host_permissions].sort()).toEqual(hosts);
    expect(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches).sort()).toEqual(hosts);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });

  it('runs on each site only that site\'s own script, as the source manifest says when', () => {
    const withHosts = SITE_LIST.filter((site) => site.hosts.length > 0);
    expect(manifest.content_scripts).toEqual(
      withHosts.map((site) => ({ js: [`assets/content-${site.id}.js`], matches: site.hosts, run_at: 'document_idle' })),
    );
    // Mastodon has no host of its own: its script is the one registered for the user's instances.
    expect(contentScriptFile('mastodon')).toBe(INSTANCE_SCRIPT_FILE);
  });

  it('builds each site\'s script from its adapter module: src/sites/<id>.ts exports <id>Adapter', async () => {
    for (const site of SITE_LIST) {
      const module = (await import(`../../src/sites/${site.id}.ts`)) as Record<string, unknown>;
      expect(module[`${site.id}Adapter`]).toBe(ADAPTERS[site.id]);
    }
  });

  it('keeps to the permissions Replyline needs', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage']);
    // A Mastodon instance or a team's server is asked for one host at a time, when the user adds it
    // (http only on this machine: a team server run locally); nothing else is optional.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect('optional_permissions' in manifest).toBe(false);
  });

  it('runs the built-in sites from the manifest and Mastodon only where registered', () => {
    expect(SITES.mastodon.hosts).toEqual([]);
    expect(siteForUrl(new URL('https://mastodon.social/@someone/1'))).toBeNull();
    expect(adapterForUrl(new URL('https://mastodon.social/@someone/1'))).toBeNull();
  });

  it('maps site addresses to their adapters and nothing else', () => {
    expect(adapterForUrl(new URL('https://x.com/a/status/1'))?.id).toBe('x');
    expect(adapterForUrl(new URL('https://www.youtube.com/watch?v=a'))?.id).toBe('youtube');
    expect(adapterForUrl(new URL('https://x.com.evil.example/'))).toBeNull();
    expect(adapterForUrl(new URL('http://x.com/'))).toBeNull();
    expect(adapterForUrl(new URL('https://studio.youtube.com/channel/UC1/comments/inbox'))?.id).toBe('youtube');
    expect(adapterForUrl(new URL('https://music.youtube.com/'))).toBeNull();
  });
});
