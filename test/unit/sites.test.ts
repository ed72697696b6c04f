// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SITE_HOSTS, SITE_IDS, SITE_LIST, SITE_NAMES, SITES, siteForUrl } from '../../src/core/sites';
import { matchesPattern } from '../../src/core/sites/define';
import { ADAPTERS, adapterFor } from '../../src/sites/registry';
import { isValidSelector } from '../../src/sites/types';

/** A page of a pattern's own host: `https://www.youtube.com/*` gives `https://www.youtube.com/replyline`. */
const pageOf = (pattern: string) => new URL(pattern.replace(/^(https:\/\/)\*\./, '$1sub.').replace(/\*$/, 'replyline'));

describe('the sites declared in src/core/sites', () => {
  it('have unique ids that can key the log and name form fields, and unique names', () => {
    expect(new Set(SITE_IDS).size).toBe(SITE_IDS.length);
    for (const id of SITE_IDS) expect(id).toMatch(/^[a-z][a-z0-9]{0,19}$/);
    const names = SITE_IDS.map((id) => SITE_NAMES[id]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.trim()).toBe(name);
  });

  it('ask for pages of their own hosts only, each host for one site, never all URLs', () => {
    for (const site of SITE_LIST) {
      for (const pattern of site.hosts) {
        expect(pattern, site.id).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
        expect(siteForUrl(pageOf(pattern)), pattern).toBe(site.id);
      }
    }
    expect(new Set(SITE_HOSTS).size).toBe(SITE_HOSTS.length);
  });

  it('have no hosts exactly when they run on the instances the user adds', () => {
    for (const site of SITE_LIST) expect(site.hosts.length === 0, site.id).toBe(!!site.onInstances);
  });

  it('give a comment limit, and selectors that are valid CSS under plain names', () => {
    expect(isValidSelector('a[href', document)).toBe(false);
    for (const site of SITE_LIST) {
      expect(Number.isInteger(site.commentLimit) && site.commentLimit > 0, site.id).toBe(true);
      const entries = Object.entries(site.selectors);
      expect(entries.length, site.id).toBeGreaterThan(0);
      for (const [name, css] of entries) {
        expect(name, site.id).toMatch(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);
        expect(isValidSelector(css, document), `${site.id}.${name}`).toBe(true);
      }
    }
  });

  it('are frozen: nothing changes a declaration at run time', () => {
    for (const site of SITE_LIST) {
      const frozen = [site, site.hosts, site.selectors].every((part) => Object.isFrozen(part));
      expect(frozen, site.id).toBe(true);
    }
  });
});

describe('the adapters in src/sites/registry.ts', () => {
  it('are one per declared site, and take id, hosts, selectors and the rest from the declaration', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...SITE_IDS].sort());
    for (const site of SITE_LIST) {
      const adapter = adapterFor(site.id);
      expect(adapter.id).toBe(site.id);
      expect(adapter.matches).toBe(site.hosts);
      expect(adapter.defaultSelectors).toBe(site.selectors);
      expect(Object.keys(adapter.selectors)).toEqual(Object.keys(site.selectors));
      expect(adapter.readsOwner).toBe(site.readsOwner);
      expect(adapter.navigationEvents).toBe(site.navigationEvents);
    }
  });
});

describe('match patterns', () => {
  it('match as the browser does: scheme, exact host or its subdomains, path', () => {
    expect(matchesPattern('https://x.com/*', new URL('https://x.com/a/status/1?s=2'))).toBe(true);
    expect(matchesPattern('https://x.com/*', new URL('http://x.com/'))).toBe(false);
    expect(matchesPattern('https://x.com/*', new URL('https://x.com.evil.example/'))).toBe(false);
    expect(matchesPattern('https://x.com/*', new URL('https://www.x.com/'))).toBe(false);
    expect(matchesPattern('https://*.example.org/*', new URL('https://example.org/'))).toBe(true);
    expect(matchesPattern('https://*.example.org/*', new URL('https://a.b.example.org/p'))).toBe(true);
    expect(matchesPattern('https://*.example.org/*', new URL('https://badexample.org/'))).toBe(false);
    expect(matchesPattern('https://x.com/home', new URL('https://x.com/home/more'))).toBe(false);
    expect(SITES.youtube.hosts.every((p) => matchesPattern(p, new URL('https://music.youtube.com/')))).toBe(false);
  });
});
