// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../src/sites/bluesky';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, repeat, scanCost } from './scan-cost';

const ROOT = 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22';
const OWNER = 'brightloop.bsky.social';
const item = (handle: string, n = 0) => document.querySelectorAll(`[data-testid="postThreadItem-by-${handle}"]`)[n]!;
const page = (url: URL) => ({ url, memo: new Map<string, unknown>() });
const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

function open(address: string): URL {
  setURL(address);
  return loadPage('bluesky/thread.html', address);
}

/**
 * The same thread in the tree view (ThreadItemTreePost.tsx): no reply line rows; each reply's
 * wrapper stands in a row after one spacer per level beyond the first.
 */
function asTree(depths: Record<string, number>) {
  for (const el of Array.from(document.querySelectorAll('[role="link"][data-testid^="postThreadItem-by-"]'))) {
    el.firstElementChild!.remove();
    const rkey = /\/post\/(\w+)/u.exec(el.querySelector('a[href*="/post/"]')!.getAttribute('href')!)![1]!;
    const row = document.createElement('div');
    for (let n = 1; n < (depths[rkey] ?? 1); n++) row.append(document.createElement('div'));
    const hover = document.createElement('div');
    hover.append(document.createElement('div'), el.cloneNode(true));
    row.append(hover);
    el.closest('.hover-wrapper')!.replaceWith(row);
  }
}

describe('Bluesky adapter', () => {
  it('scans thread and notifications pages, and expects items there', () => {
    expect(blueskyAdapter.scansPage(new URL(ROOT))).toBe(true);
    expect(blueskyAdapter.scansPage(new URL('https://bsky.app/notifications'))).toBe(true);
    expect(blueskyAdapter.scansPage(new URL('https://bsky.app/settings'))).toBe(false);
    expect(blueskyAdapter.expectsItems(new URL(ROOT), document)).toBe(true);
  });

  it('reads a reply with no text test id: author, text with its line break, time, id, permalink, thread', () => {
    const url = open(ROOT);
    expect(blueskyAdapter.readEntry(item('maralind.bsky.social'), page(url))).toEqual({
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

  it('reads the anchor post, which has no permalink of its own: its id is the page’s', () => {
    const url = open(ROOT);
    expect(blueskyAdapter.readEntry(item(OWNER), page(url))).toMatchObject({
      id: `${OWNER}/3mbl00root22`,
      author: { name: 'Bright Loop', handle: OWNER },
      text: 'We just shipped dark mode for the web app. Tell us what you think! Thanks to @tomasreyes.bsky.social for the idea.',
      parentAuthor: null,
      repliedBy: ['tomasreyes.bsky.social', 'maralind.bsky.social', 'priyan.bsky.social'],
    });
    expect(blueskyAdapter.badgeAnchor(item(OWNER))?.querySelector('a[aria-label="Bright Loop"]')).not.toBeNull();
  });

  it('relates replies by the lines the page draws: the owner’s answer to one person answers that person only', () => {
    const url = open(ROOT);
    expect(scanPage(blueskyAdapter, url, OWNER).map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['tomasreyes.bsky.social', 'comment', true],
      ['maralind.bsky.social', 'comment', false],
      ['priyan.bsky.social', 'comment', false],
    ]);
    // Kenji answers Mara, joined to her by the line: not addressed to the owner.
    expect(blueskyAdapter.readEntry(item('kenji.bsky.social'), page(url))).toMatchObject({ parentAuthor: 'maralind.bsky.social', parentIsPost: false });
    expect(scanPage(blueskyAdapter, url, 'someone.else')).toEqual([]);
    expect(scanPage(blueskyAdapter, url, null)).toEqual([]);
  });

  it('relates replies by their indent in the tree view, depth-first', () => {
    const url = open(ROOT);
    const before = judgeAll(blueskyAdapter, url, OWNER);
    open(ROOT);
    asTree({ '3mbl02reply2': 2, '3mbl04kenji2': 2 });
    expect(judgeAll(blueskyAdapter, url, OWNER)).toEqual(before);
    // Deeper: the owner answers Kenji (level 3), then Priya replies to Mara (level 2 again).
    open(ROOT);
    asTree({ '3mbl02reply2': 2, '3mbl04kenji2': 2, '3mbl05priya2': 2 });
    const owners = item(OWNER, 1).closest('div:not([data-testid])')!.parentElement!;
    const answer = owners.cloneNode(true) as Element;
    answer.querySelector('a[href*="/post/"]')!.setAttribute('href', `/profile/${OWNER}/post/3mbl06reply2`);
    answer.prepend(document.createElement('div'));
    item('kenji.bsky.social').parentElement!.parentElement!.after(answer);
    const read = (el: Element) => blueskyAdapter.readEntry(el, page(url));
    expect(read(item(OWNER, 2))).toMatchObject({ id: `${OWNER}/3mbl06reply2`, parentAuthor: 'kenji.bsky.social' });
    expect(read(item('kenji.bsky.social'))).toMatchObject({ parentAuthor: 'maralind.bsky.social', repliedBy: [OWNER] });
    expect(read(item('priyan.bsky.social'))).toMatchObject({ parentAuthor: 'maralind.bsky.social', parentIsPost: false });
    expect(read(item('maralind.bsky.social'))).toMatchObject({ repliedBy: ['kenji.bsky.social', 'priyan.bsky.social'] });
  });

  it('on a reply’s own page, reads the posts above as its ancestors', () => {
    const address = 'https://bsky.app/profile/maralind.bsky.social/post/3mbl03mara22';
    const url = open(address);
    // Mara's page: the post above her (now with its time link), Mara as the anchor, then Kenji
    // (right under the anchor the page draws no line: he answers her all the same).
    const root = item(OWNER);
    const time = document.createElement('a');
    time.setAttribute('href', `/profile/${OWNER}/post/3mbl00root22`);
    time.setAttribute('aria-label', 'November 20, 2026 at 9:00 AM');
    root.querySelector('a[aria-label="Bright Loop"]')!.after(time);
    for (const handle of ['tomasreyes.bsky.social', 'priyan.bsky.social']) item(handle).closest('.hover-wrapper')!.remove();
    item(OWNER, 1).closest('.hover-wrapper')!.remove();
    item('maralind.bsky.social').querySelector('a[href*="/post/"]')!.remove();
    item('kenji.bsky.social').querySelector('.reply-line')!.remove();
    expect(scanPage(blueskyAdapter, url, OWNER).map((i) => [i.id, i.kind, i.ownerReplied])).toEqual([
      ['maralind.bsky.social/3mbl03mara22', 'comment', false],
    ]);
    expect(blueskyAdapter.readEntry(item('kenji.bsky.social'), page(url))).toMatchObject({ parentAuthor: 'maralind.bsky.social' });
  });

  it('relates posts through the items’ own drawing: more wrappers around each item change no verdict', () => {
    const url = open(ROOT);
    const before = judgeAll(blueskyAdapter, url, OWNER);
    open(ROOT);
    expect(wrapEach(blueskyAdapter.itemSelector)).toBe(6);
    expect(judgeAll(blueskyAdapter, url, OWNER)).toEqual(before);
    expect(before.filter((j) => j?.relevant).length).toBe(3);
  });

  it('reads the signed-in handle from the navigation’s Profile item', () => {
    open(ROOT);
    expect(blueskyAdapter.detectOwner(document)).toBe(OWNER);
    document.querySelector('nav a[href^="/profile/"]')!.setAttribute('href', '/profile/did:plc:abc123');
    expect(blueskyAdapter.detectOwner(document)).toBeNull();
    document.querySelector('nav')!.remove();
    // A post's author link is no sign of who is signed in.
    expect(blueskyAdapter.detectOwner(document)).toBeNull();
  });

  it('a new reply makes the post it answers read again, and only that one', () => {
    open(ROOT);
    expect(blueskyAdapter.relatedItems(item('kenji.bsky.social'))).toEqual([item('maralind.bsky.social')]);
    expect(blueskyAdapter.relatedItems(item('priyan.bsky.social'))).toEqual([item(OWNER)]);
  });

  it('takes mentions from the notifications page, and leaves likes of the owner’s post alone', () => {
    const url = loadPage('bluesky/notifications.html', 'https://bsky.app/notifications');
    expect(scanPage(blueskyAdapter, url, OWNER)).toEqual([
      expect.objectContaining({
        id: 'jules.bsky.social/3mbl10jules2',
        kind: 'mention',
        author: { name: 'Jules Park', handle: 'jules.bsky.social' },
      }),
    ]);
  });

  it('leaves unknown markup alone: no test id, no permalink, no thread to place it in', () => {
    const url = open(ROOT);
    const stray = document.createElement('div');
    stray.setAttribute('data-testid', 'postThreadItem-by-ghost.bsky.social');
    stray.textContent = 'no links at all';
    document.body.append(stray);
    expect(blueskyAdapter.readEntry(stray, page(url))).toBeNull();
    expect(blueskyAdapter.readEntry(document.body, page(url))).toBeNull();
  });

  it('finds the reply button, the badge anchor and the composer dialog', () => {
    open(ROOT);
    const kenji = item('kenji.bsky.social');
    expect(blueskyAdapter.replyButton(kenji)?.getAttribute('data-testid')).toBe('replyBtn');
    expect(blueskyAdapter.badgeAnchor(kenji)?.querySelector('a[href*="/post/"]')).not.toBeNull();
    expect(blueskyAdapter.composerFor(kenji, document)).toBeNull();
  });

  it('relates a long thread in linear work: twice the replies, about twice the work', () => {
    const cost = (count: number) => {
      const url = open(ROOT);
      const template = item('kenji.bsky.social').closest('.hover-wrapper')!;
      // Each other reply is joined to the one above it; the rest answer the anchor.
      repeat(template, document.querySelector('main')!, count, (html, n) => html
        .replaceAll('kenji.bsky.social', `user${n}.bsky.social`)
        .replaceAll('3mbl04kenji2', `3mbl${n}x`)
        .replace('<div class="reply-line"></div>', n % 2 ? '<div class="reply-line"></div>' : ''));
      return scanCost(blueskyAdapter, url);
    };
    expectLinear(cost, 2000);
  }, 120_000); // building and reading 6,000 posts in happy-dom takes seconds: work is counted, not timed
});
