// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../src/sites/bluesky';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';

const ROOT = 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22';
const OWNER = 'brightloop.bsky.social';

describe('Bluesky adapter', () => {
  it('scans thread and notifications pages, and expects items there', () => {
    expect(blueskyAdapter.scansPage(new URL(ROOT))).toBe(true);
    expect(blueskyAdapter.scansPage(new URL('https://bsky.app/notifications'))).toBe(true);
    expect(blueskyAdapter.scansPage(new URL('https://bsky.app/settings'))).toBe(false);
    expect(blueskyAdapter.expectsItems(new URL(ROOT), document)).toBe(true);
  });

  it('reads author, text with its line break, time, id, permalink and thread of a reply', () => {
    const url = loadPage('bluesky/thread.html', ROOT);
    const mara = document.querySelector('[data-testid="postThreadItem-by-maralind.bsky.social"]')!;
    expect(blueskyAdapter.readEntry(mara, { url, memo: new Map() })).toEqual({
      id: 'maralind.bsky.social/3mbl03mara22',
      author: { name: 'Mara Lind', handle: 'maralind.bsky.social' },
      text: 'Is the beta open to everyone?\nI would love to try it.',
      url: 'https://bsky.app/profile/maralind.bsky.social/post/3mbl03mara22',
      thread: `${OWNER}/3mbl00root22`,
      createdAt: new Date(2026, 10, 21, 8, 15).getTime(),
      parentAuthor: OWNER,
      parentIsPost: true,
      repliedBy: ['kenji.bsky.social'],
      onMentionsPage: false,
    });
  });

  it('finds the replies on the owner’s post: answered when the owner wrote further down, never the owner’s own', () => {
    const url = loadPage('bluesky/thread.html', ROOT);
    const items = scanPage(blueskyAdapter, url, OWNER);
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['tomasreyes.bsky.social', 'comment', true],
      ['maralind.bsky.social', 'comment', false],
      ['kenji.bsky.social', 'comment', false],
    ]);
    expect(scanPage(blueskyAdapter, url, 'someone.else')).toEqual([]);
    expect(scanPage(blueskyAdapter, url, null)).toEqual([]);
  });

  it('on a reply’s own page, reads the posts above as its ancestors', () => {
    const url = loadPage('bluesky/thread.html', 'https://bsky.app/profile/maralind.bsky.social/post/3mbl03mara22');
    const items = scanPage(blueskyAdapter, url, OWNER);
    // Mara answers the owner's reply above her; Kenji, below her, answers Mara: not the owner's.
    expect(items.map((i) => [i.author.handle, i.kind])).toEqual([
      ['tomasreyes.bsky.social', 'comment'],
      ['maralind.bsky.social', 'reply'],
    ]);
  });

  it.each([ROOT, 'https://bsky.app/profile/maralind.bsky.social/post/3mbl03mara22'])(
    'relates posts by their order in the thread: more wrappers around each item change no verdict (%s)',
    (address) => {
      const url = loadPage('bluesky/thread.html', address);
      const before = judgeAll(blueskyAdapter, url, OWNER);
      loadPage('bluesky/thread.html', address);
      expect(wrapEach(blueskyAdapter.itemSelector)).toBe(5);
      expect(judgeAll(blueskyAdapter, url, OWNER)).toEqual(before);
      expect(before.filter((j) => j?.relevant).length).toBeGreaterThan(1);
    },
  );

  it('takes mentions from the notifications page, and leaves likes of the owner’s post alone', () => {
    const url = loadPage('bluesky/notifications.html', 'https://bsky.app/notifications');
    const items = scanPage(blueskyAdapter, url, OWNER);
    expect(items).toEqual([
      expect.objectContaining({
        id: 'jules.bsky.social/3mbl10jules2',
        kind: 'mention',
        author: { name: 'Jules Park', handle: 'jules.bsky.social' },
      }),
    ]);
  });

  it('leaves unknown markup alone: no test id, no permalink, no thread to place it in', () => {
    const url = loadPage('bluesky/thread.html', ROOT);
    const stray = document.createElement('div');
    stray.setAttribute('data-testid', 'postThreadItem-by-ghost.bsky.social');
    stray.textContent = 'no links at all';
    document.body.append(stray);
    expect(blueskyAdapter.readEntry(stray, { url, memo: new Map() })).toBeNull();
    expect(blueskyAdapter.readEntry(document.body, { url, memo: new Map() })).toBeNull();
    expect(blueskyAdapter.detectOwner(document)).toBeNull();
  });

  it('finds the reply button, the badge anchor and the composer dialog', () => {
    loadPage('bluesky/thread.html', ROOT);
    const kenji = document.querySelector('[data-testid="postThreadItem-by-kenji.bsky.social"]')!;
    expect(blueskyAdapter.replyButton(kenji)?.getAttribute('data-testid')).toBe('replyBtn');
    expect(blueskyAdapter.badgeAnchor(kenji)?.querySelector('a[href*="/post/"]')).not.toBeNull();
    expect(blueskyAdapter.composerFor(kenji, document)).toBeNull();
  });
});
