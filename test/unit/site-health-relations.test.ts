// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { healthProblems } from '../../src/core/health';
import { BACKGROUND_MESSAGES } from '../../src/shared/protocol-checks';
import { blueskyAdapter } from '../../src/sites/bluesky';
import { instagramAdapter } from '../../src/sites/instagram';
import { mastodonAdapter } from '../../src/sites/mastodon';
import { tiktokAdapter } from '../../src/sites/tiktok';
import { loadPage } from '../helpers';
import { pageHealth } from './items';

const page = (url: URL) => ({ url, memo: new Map<string, unknown>() });

describe('Site health: items whose relations the page did not show', () => {
  it('is a problem of its own, said with how many, on any page', () => {
    expect(healthProblems(pageHealth({ unrelated: 0 }))).toEqual([]);
    expect(healthProblems(pageHealth({ unrelated: 2 }))).toEqual([{ kind: 'unrelated', items: 2 }]);
    expect(healthProblems(pageHealth({ expected: false, unrelated: 1 }))).toEqual([{ kind: 'unrelated', items: 1 }]);
    const check = BACKGROUND_MESSAGES['site/health'].check;
    expect(check(pageHealth({ refused: 0, unrelated: 3 }))).toBe(true);
    // Content scripts of older versions do not send it.
    expect(check({ ...pageHealth({ refused: 0 }), unrelated: undefined })).toBe(true);
    expect(check(pageHealth({ refused: 0, unrelated: -1 }))).toBe(false);
  });

  it('Mastodon: a reply whose mentions name no one in the conversation', () => {
    const url = loadPage('mastodon/thread.html', 'https://mastodon.social/@brightloop/113500000000000100');
    const priya = document.querySelector('.status[data-id="113500000000000105"]')!;
    expect(mastodonAdapter.readEntry(priya, page(url))?.unrelated).toBeUndefined();
    for (const a of Array.from(priya.querySelectorAll('a.mention'))) a.setAttribute('href', '/@stranger@elsewhere.social');
    expect(mastodonAdapter.readEntry(priya, page(url))).toMatchObject({ unrelated: true, parentIsPost: true });
  });

  it('Bluesky: a reply drawn in no shape known (no reply line row, no indent row)', () => {
    const url = loadPage('bluesky/thread.html', 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22');
    const kenji = document.querySelector('[data-testid="postThreadItem-by-kenji.bsky.social"]')!;
    expect(blueskyAdapter.readEntry(kenji, page(url))?.unrelated).toBeUndefined();
    kenji.firstElementChild!.remove();
    kenji.closest('.hover-wrapper')!.append(document.createElement('p'));
    expect(blueskyAdapter.readEntry(kenji, page(url))).toMatchObject({ unrelated: true, parentIsPost: true });
  });

  it('Instagram: a reply whose comment is not on the page', () => {
    const url = loadPage('instagram/post.html', 'https://www.instagram.com/p/DBrLoop01Ab/');
    const links = Array.from(document.querySelectorAll(instagramAdapter.itemSelector));
    expect(instagramAdapter.readEntry(links[4]!, page(url))?.unrelated).toBeUndefined();
    links[3]!.setAttribute('href', '/p/DBrLoop01Ab/c/18000000000000009/');
    expect(instagramAdapter.readEntry(links[4]!, page(url))).toMatchObject({ unrelated: true, parentAuthor: null });
  });

  it('TikTok: a reply with no top comment before it', () => {
    const url = loadPage('tiktok/video.html', 'https://www.tiktok.com/@brightloop/video/7440000000000000001');
    const first = document.querySelector('[class*="DivCommentObjectWrapper"]')!;
    const reply = first.querySelector('[class*="DivReplyContainer"]')!;
    first.before(reply);
    const text = reply.querySelector('[data-e2e="comment-level-2"]')!;
    expect(tiktokAdapter.readEntry(text, page(url))).toMatchObject({ unrelated: true, parentAuthor: null });
  });
});
