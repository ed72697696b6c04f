import { describe, expect, it } from 'vitest';
import { parseHandleInput } from '../../src/core/handles';
import { SITE_IDS, SITES } from '../../src/core/sites';
import { GUIDES } from '../../src/welcome/guides';
import { readCatalog } from './messages';

const english = readCatalog('en');

describe('the welcome page’s guides', () => {
  it.each(SITE_IDS)('%s: a how-to, examples a user could type as they are, and https places to look', (site) => {
    const guide = GUIDES[site];
    expect(english[guide.howTo]).toBeDefined();
    for (const example of guide.example.split(' · ')) {
      expect(parseHandleInput(example, SITES[site].fullAddresses), example).not.toBeNull();
    }
    for (const place of guide.places('brightloop', ['mastodon.social'])) {
      expect(new URL(place.url).protocol).toBe('https:');
      expect(english[place.label]).toBeDefined();
    }
  });

  it('points at the user’s own profile where a site’s notifications have no address, once the handle is known', () => {
    expect(GUIDES.tiktok.places('bright.loop').map((p) => p.url)).toEqual(['https://www.tiktok.com/@bright.loop']);
    expect(GUIDES.tiktok.places(null).map((p) => p.url)).toEqual(['https://www.tiktok.com/']);
    expect(GUIDES.instagram.places('brightloop').map((p) => p.url)).toEqual(['https://www.instagram.com/brightloop/']);
  });

  it('gives Mastodon one place per server the user added, and none before', () => {
    expect(GUIDES.mastodon.places(null, [])).toEqual([]);
    expect(GUIDES.mastodon.places('me@mastodon.social', ['mastodon.social', 'fosstodon.org'])).toEqual([
      { url: 'https://mastodon.social/notifications', label: 'welcomePlaceMastodon', subject: 'mastodon.social' },
      { url: 'https://fosstodon.org/notifications', label: 'welcomePlaceMastodon', subject: 'fosstodon.org' },
    ]);
  });
});
