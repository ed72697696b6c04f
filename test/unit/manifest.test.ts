import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterForUrl } from '../../src/sites/registry';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the manifest', () => {
  it('asks for exactly the hosts the adapters read, and never all URLs', () => {
    const hosts = Object.values(ADAPTERS).flatMap((a) => a.matches).sort();
    expect([...manifest.host_permissions].sort()).toEqual(hosts);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual(hosts);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*\//);
  });

  it('keeps to the permissions Replyline needs', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'clipboardWrite', 'scripting', 'storage']);
    // A Mastodon instance is asked for one host at a time, when the user adds it; nothing else is optional.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs the built-in sites from the manifest and Mastodon only where registered', () => {
    expect(ADAPTERS.mastodon.matches).toEqual([]);
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
