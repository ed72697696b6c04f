// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { guardAdapter } from '../../src/sites/guard';
import { mastodonAdapter } from '../../src/sites/mastodon';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';

const POST = 'https://mastodon.social/@brightloop/113500000000000100';
const OWNER = 'brightloop@mastodon.social';
const statusEl = (id: string) => document.querySelector(`.status[data-id="${id}"]`)!;
const page = (url: URL) => ({ url, memo: new Map<string, unknown>() });

/** The web app's start-up state, as the page carries it (the fixture loader leaves scripts out). */
function addInitialState(json: string) {
  const script = document.createElement('script');
  script.id = 'initial-state';
  script.type = 'application/json';
  script.textContent = json;
  document.body.append(script);
}

describe('Mastodon adapter', () => {
  it('scans conversation and notification pages on any instance, and nothing else', () => {
    expect(mastodonAdapter.matches).toEqual([]);
    expect(mastodonAdapter.scansPage(new URL(POST))).toBe(true);
    expect(mastodonAdapter.scansPage(new URL('https://hachyderm.io/@kenji@mastodon.social/113500000000000104'))).toBe(true);
    expect(mastodonAdapter.scansPage(new URL('https://mastodon.social/deck/@brightloop/113500000000000100'))).toBe(true);
    expect(mastodonAdapter.scansPage(new URL('https://mastodon.social/notifications'))).toBe(true);
    expect(mastodonAdapter.scansPage(new URL('https://mastodon.social/notifications/mentions'))).toBe(true);
    expect(mastodonAdapter.scansPage(new URL('https://mastodon.social/home'))).toBe(false);
    expect(mastodonAdapter.scansPage(new URL('https://mastodon.social/@brightloop'))).toBe(false);
  });

  it('expects statuses on a conversation, and on notifications only when a mention is shown', () => {
    const url = loadPage('mastodon/notifications.html', 'https://mastodon.social/notifications');
    expect(mastodonAdapter.expectsItems(url, document)).toBe(true);
    document.querySelector('.notification-ungrouped--mention')!.remove();
    // Follows, favourites and polls only: finding no item is no sign of trouble.
    expect(mastodonAdapter.expectsItems(url, document)).toBe(false);
    expect(mastodonAdapter.expectsItems(new URL(POST), document)).toBe(true);
  });

  it('reads a reply: its instance-qualified author, text with its paragraphs, time, id and permalink', () => {
    const url = loadPage('mastodon/thread.html', POST);
    expect(mastodonAdapter.readEntry(statusEl('113500000000000103'), page(url))).toEqual({
      id: 'mastodon.social/113500000000000103',
      author: { name: 'Mara Lindqvist', handle: 'mara@mastodon.social' },
      text: '@brightloop Does it work on Android tablets?\nMine is an older one.',
      url: 'https://mastodon.social/@mara/113500000000000103',
      thread: 'mastodon.social/113500000000000100',
      createdAt: Date.UTC(2026, 10, 23, 10, 5),
      mentions: ['brightloop@mastodon.social'],
      parentAuthor: OWNER,
      parentIsPost: true,
      repliedBy: ['kenji@hachyderm.io'],
      onMentionsPage: false,
    });
    const tomas = mastodonAdapter.readEntry(statusEl('113500000000000101'), page(url));
    expect(tomas).toMatchObject({
      author: { name: 'Tomás Ferreira', handle: 'tomas@fosstodon.org' },
      url: 'https://mastodon.social/@tomas@fosstodon.org/113500000000000101',
    });
  });

  it('finds the replies to the owner’s post; one the owner answered further down is answered; never the owner’s own', () => {
    const url = loadPage('mastodon/thread.html', POST);
    const items = scanPage(mastodonAdapter, url, OWNER);
    // Kenji answers Mara (he mentions only her), not the owner: not addressed to the owner.
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['tomas@fosstodon.org', 'comment', true],
      ['mara@mastodon.social', 'comment', false],
      ['priya@mstdn.social', 'comment', false],
    ]);
    expect(items.map((i) => i.id)).toEqual([
      'mastodon.social/113500000000000101',
      'mastodon.social/113500000000000103',
      'mastodon.social/113500000000000105',
    ]);
    // Another instance's account of the same name is someone else.
    expect(scanPage(mastodonAdapter, url, 'brightloop@fosstodon.org')).toEqual([]);
    expect(scanPage(mastodonAdapter, url, null)).toEqual([]);
  });

  it('on a reply’s own page, reads the statuses above it as its ancestors', () => {
    loadPage('mastodon/thread.html', POST);
    // Tomás thanks the owner for their answer, and that thanks is the page: above it, the owner's
    // post, Tomás's first reply and the owner's answer; nothing else of the conversation.
    for (const id of ['113500000000000103', '113500000000000104', '113500000000000105']) statusEl(id).parentElement!.remove();
    const root = document.querySelector('.detailed-status')!;
    root.className = 'status';
    root.setAttribute('data-id', '113500000000000100');
    const thanks = statusEl('113500000000000101').cloneNode(true) as Element;
    thanks.className = 'detailed-status';
    thanks.removeAttribute('data-id');
    thanks.querySelector('a.status__relative-time')!.setAttribute('href', '/@tomas@fosstodon.org/113500000000000106');
    thanks.querySelector('.status__content__text p')!.lastChild!.textContent = ' Thanks, looking forward to it!';
    document.querySelector('.scrollable')!.append(thanks);
    const url = new URL('https://mastodon.social/@tomas@fosstodon.org/113500000000000106');
    // Above the focused status, each one answers the status before it.
    expect(mastodonAdapter.readEntry(thanks, page(url))).toMatchObject({
      id: 'mastodon.social/113500000000000106',
      thread: 'mastodon.social/113500000000000100',
      parentAuthor: OWNER,
      parentIsPost: false,
      repliedBy: [],
    });
    expect(scanPage(mastodonAdapter, url, OWNER).map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['tomas@fosstodon.org', 'comment', true],
      ['tomas@fosstodon.org', 'reply', false],
    ]);
  });

  it('relates statuses by their order in the conversation: more wrappers around statuses change no verdict', () => {
    const url = loadPage('mastodon/thread.html', POST);
    const before = judgeAll(mastodonAdapter, url, OWNER);
    loadPage('mastodon/thread.html', POST);
    expect(wrapEach('.status__wrapper, .detailed-status__wrapper')).toBe(6);
    expect(wrapEach(mastodonAdapter.itemSelector)).toBe(6);
    expect(judgeAll(mastodonAdapter, url, OWNER)).toEqual(before);
    expect(before).toContainEqual({ id: 'mastodon.social/113500000000000101', relevant: true, kind: 'comment', ownerReplied: true });
    // The focused status's action bar is further from it now, and still its own.
    expect(mastodonAdapter.replyButton(document.querySelector('.detailed-status')!)?.title).toBe('Reply');
    expect(mastodonAdapter.replyButton(statusEl('113500000000000102'))?.title).toBe('Reply to thread');
  });

  it('relates only the conversation’s own statuses when other columns are on the page too', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://mastodon.social/deck/@brightloop/113500000000000100');
    const url = loadPage('mastodon/thread.html', 'https://mastodon.social/deck/@brightloop/113500000000000100');
    const before = judgeAll(mastodonAdapter, url, OWNER);
    // The advanced layout: a home column beside the conversation, showing one of its replies again.
    const home = document.createElement('div');
    home.className = 'column';
    home.innerHTML = '<div class="scrollable"></div>';
    home.firstElementChild!.append(statusEl('113500000000000105').parentElement!.cloneNode(true));
    document.querySelector('main')!.prepend(home);
    const shown = home.querySelector('.status')!;
    expect(mastodonAdapter.readEntry(shown, page(url))).toBeNull();
    expect(judgeAll(mastodonAdapter, url, OWNER)).toEqual([null, ...before]);
    expect(mastodonAdapter.relatedItems(statusEl('113500000000000101'))).toEqual([document.querySelector('.detailed-status')]);
  });

  it('takes mentions from the notifications page, and leaves polls and favourites alone', () => {
    const url = loadPage('mastodon/notifications.html', 'https://mastodon.social/notifications');
    const items = scanPage(mastodonAdapter, url, OWNER);
    expect(items).toEqual([
      expect.objectContaining({
        site: 'mastodon',
        id: 'mastodon.social/113500000000000201',
        kind: 'mention',
        author: { name: 'Jules Park', handle: 'jules@mstdn.social' },
        url: 'https://mastodon.social/@jules@mstdn.social/113500000000000201',
        ownerReplied: false,
      }),
    ]);
  });

  it('reads the signed-in account from the page’s start-up state, as data only', () => {
    loadPage('mastodon/thread.html', POST);
    expect(mastodonAdapter.detectOwner(document)).toBeNull();
    addInitialState(
      '{"meta":{"domain":"mastodon.social","me":"9"},"accounts":{"9":{"acct":"BrightLoop","display_name":"x"}}}',
    );
    expect(mastodonAdapter.detectOwner(document)).toBe('brightloop@mastodon.social');
    document.getElementById('initial-state')!.textContent = '{"meta":{"me":"9"},"accounts":{"9":{"acct":"<img onerror=1>"}}}';
    expect(mastodonAdapter.detectOwner(document)).toBeNull();
    document.getElementById('initial-state')!.textContent = '{"meta":';
    expect(mastodonAdapter.detectOwner(document)).toBeNull();
  });

  it('qualifies local accounts with the instance’s own domain when it differs from the web address', () => {
    // Some servers serve the web app at one host and name accounts with another (LOCAL_DOMAIN).
    const url = loadPage('mastodon/thread.html', 'https://social.example.org/@brightloop/113500000000000100');
    addInitialState('{"meta":{"domain":"example.org","me":"1"},"accounts":{"1":{"acct":"brightloop"}}}');
    expect(mastodonAdapter.detectOwner(document)).toBe('brightloop@example.org');
    const mara = mastodonAdapter.readEntry(statusEl('113500000000000103'), page(url));
    expect(mara?.author.handle).toBe('mara@example.org');
    expect(mara?.id).toBe('social.example.org/113500000000000103');
  });

  it('finds each status’s Reply button (the focused one’s bar sits beside it) and the compose box', () => {
    loadPage('mastodon/thread.html', POST);
    expect(mastodonAdapter.replyButton(statusEl('113500000000000103'))?.title).toBe('Reply');
    expect(mastodonAdapter.replyButton(statusEl('113500000000000102'))?.title).toBe('Reply to thread');
    expect(mastodonAdapter.replyButton(document.querySelector('.detailed-status')!)?.title).toBe('Reply');
    const box = document.createElement('textarea');
    box.className = 'autosuggest-textarea__textarea';
    document.body.append(box);
    // The one compose box answers a status once Reply has put its author's mention first.
    const mara = statusEl('113500000000000103');
    expect(mastodonAdapter.composerFor(mara, document)).toBeNull();
    box.value = '@mara ';
    expect(mastodonAdapter.composerFor(mara, document)).toBe(box);
    expect(mastodonAdapter.composerFor(statusEl('113500000000000101'), document)).toBeNull();
    box.value = '@marable hi';
    expect(mastodonAdapter.composerFor(mara, document)).toBeNull();
    box.value = '@Tomas@fosstodon.org @priya@mstdn.social thanks';
    expect(mastodonAdapter.composerFor(statusEl('113500000000000101'), document)).toBe(box);
    expect(mastodonAdapter.badgeAnchor(statusEl('113500000000000103'))?.className).toBe('status__info');
  });

  it('reads a quoted status as part of the one quoting it, never as a reply of its own', () => {
    const url = loadPage('mastodon/thread.html', POST);
    const quote = statusEl('113500000000000104').cloneNode(true) as Element;
    quote.setAttribute('data-id', '113500000000000999');
    statusEl('113500000000000103').querySelector('.status__content')!.append(quote);
    expect(mastodonAdapter.readEntry(quote, page(url))).toBeNull();
    // Mara's own facts stay hers: her mention, not the quoted one's.
    expect(mastodonAdapter.readEntry(statusEl('113500000000000103'), page(url))?.mentions).toEqual([OWNER]);
  });

  it('leaves unknown markup alone, and a guarded adapter never throws into the page', () => {
    const url = loadPage('mastodon/thread.html', POST);
    const odd = document.createElement('div');
    odd.className = 'status';
    odd.setAttribute('data-id', 'not-a-number');
    odd.innerHTML = '<a class="status__relative-time" href="javascript:alert(1)">now</a>';
    document.body.append(odd);
    expect(mastodonAdapter.readEntry(odd, page(url))).toBeNull();
    const errors = new Set<string>();
    const broken = guardAdapter({
      ...mastodonAdapter,
      readEntry: () => {
        throw new Error('markup changed');
      },
    }, errors);
    expect(broken.readEntry(statusEl('113500000000000103'), page(url))).toBeNull();
    expect([...errors]).toEqual(['readEntry']);
  });
});
