import { describe, expect, it } from 'vitest';
import { scriptId, syncInstanceScripts } from '../../src/background/instances';
import { parseHandleInput } from '../../src/core/handles';
import {
  INSTANCE_SCRIPT_FILE,
  instancePattern,
  parseInstanceHost,
} from '../../src/core/instances';
import { hostOfPattern, InstanceBrowserFake } from './instance-browser';

describe('what a user types as their instance', () => {
  it('takes a host, an address of it, or an account on it', () => {
    expect(parseInstanceHost('mastodon.social')).toBe('mastodon.social');
    expect(parseInstanceHost('  Mastodon.Social  ')).toBe('mastodon.social');
    expect(parseInstanceHost('https://fosstodon.org/home')).toBe('fosstodon.org');
    expect(parseInstanceHost('https://hachyderm.io/@kenji/113500000000000104?x=1#top')).toBe('hachyderm.io');
    expect(parseInstanceHost('@brightloop@mstdn.social')).toBe('mstdn.social');
    expect(parseInstanceHost('brightloop@mstdn.social')).toBe('mstdn.social');
    expect(parseInstanceHost('social.example.org.')).toBe('social.example.org');
    // International names come back in the ASCII form browsers match on.
    expect(parseInstanceHost('mastodon.bücher.de')).toBe('mastodon.xn--bcher-kva.de');
  });

  it('refuses anything that is not one public host', () => {
    for (const bad of [
      '',
      '   ',
      'http://mastodon.social',
      'ftp://mastodon.social',
      'javascript:alert(1)',
      'mastodon.social:8443',
      'localhost',
      '192.168.1.10',
      '[::1]',
      'masto don.social',
      '*.social',
      'user:pass@mastodon.social',
      '@brightloop',
      `${'a'.repeat(250)}.social`,
      'a.b',
    ]) {
      expect(parseInstanceHost(bad), bad).toBeNull();
    }
  });

  it('names one host per pattern, for the permission and the script alike', () => {
    expect(instancePattern('mastodon.social')).toBe('https://mastodon.social/*');
    expect(hostOfPattern('https://mastodon.social/*')).toBe('mastodon.social');
    expect(hostOfPattern('https://*/*')).toBeNull();
    expect(hostOfPattern('https://mastodon.social/@x/*')).toBeNull();
  });
});

describe('a Mastodon handle', () => {
  it('is the full address: user and instance', () => {
    expect(parseHandleInput('@BrightLoop@Mastodon.Social', true)).toBe('BrightLoop@mastodon.social');
    expect(parseHandleInput('brightloop@fosstodon.org', true)).toBe('brightloop@fosstodon.org');
    expect(parseHandleInput('brightloop', true)).toBeNull();
    expect(parseHandleInput('@brightloop@localhost', true)).toBeNull();
    expect(parseHandleInput('bright loop@mastodon.social', true)).toBeNull();
    // Other sites keep their own form: no "@" inside.
    expect(parseHandleInput('brightloop@mastodon.social')).toBeNull();
  });
});

describe('the instances’ content scripts', () => {
  it('registers one script per host the browser grants, and none where it does not', async () => {
    const api = new InstanceBrowserFake();
    api.grant('mastodon.social');
    await syncInstanceScripts(['mastodon.social', 'fosstodon.org'], api);
    expect(api.scripts).toEqual([
      {
        id: scriptId('mastodon.social'),
        matches: ['https://mastodon.social/*'],
        js: [INSTANCE_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('changes only what differs: a second sync registers nothing again', async () => {
    const api = new InstanceBrowserFake();
    api.grant('mastodon.social');
    await syncInstanceScripts(['mastodon.social'], api);
    await syncInstanceScripts(['mastodon.social'], api);
    expect(api.calls).toEqual(['register replyline-mastodon:mastodon.social']);
  });

  it('unregisters a removed host, one whose access was withdrawn, and one whose pattern is wrong', async () => {
    const api = new InstanceBrowserFake();
    ['mastodon.social', 'fosstodon.org', 'hachyderm.io'].forEach((h) => api.grant(h));
    await syncInstanceScripts(['mastodon.social', 'fosstodon.org', 'hachyderm.io'], api);
    api.granted.delete('fosstodon.org');
    api.scripts.find((s) => s.id === scriptId('hachyderm.io'))!.matches = ['https://*/*'];
    await syncInstanceScripts(['fosstodon.org', 'hachyderm.io'], api);
    expect(api.running).toEqual(['hachyderm.io']);
    expect(api.scripts[0]?.matches).toEqual(['https://hachyderm.io/*']);
  });

  it('leaves scripts that are not its own alone', async () => {
    const api = new InstanceBrowserFake();
    api.scripts.push({ id: 'other', matches: ['https://x.com/*'], js: ['a.js'], runAt: 'document_idle', persistAcrossSessions: true });
    await syncInstanceScripts([], api);
    expect(api.scripts.map((s) => s.id)).toEqual(['other']);
  });
});
