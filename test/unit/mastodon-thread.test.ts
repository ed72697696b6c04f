// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mastodonAdapter } from '../../src/sites/mastodon';
import { loadPage, scanPage } from '../helpers';
import { judgeAll } from './drift';
import { expectLinear, repeat, scanCost } from './scan-cost';

const POST = 'https://mastodon.social/@brightloop/113500000000000100';
const DECK = 'https://mastodon.social/deck/@brightloop/113500000000000100';
const OWNER = 'brightloop@mastodon.social';
const statusEl = (id: string, root: ParentNode = document) => root.querySelector(`.status[data-id="${id}"]`)!;
const page = (url: URL) => ({ url, memo: new Map<string, unknown>() });
const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** A page of the thread fixture at `url`, the document's own address too (as in a browser). */
function open(fixture: string, url: string): URL {
  setURL(url);
  return loadPage(fixture, url);
}

/** Moves the status `id`'s wrapper to stand right after the status `after`'s wrapper. */
function moveAfter(id: string, after: string) {
  statusEl(after).closest('.status__wrapper')!.after(statusEl(id).closest('.status__wrapper')!);
}

describe('Mastodon conversations: who answers whom', () => {
  it('reads mentions from the local profile links the web app draws, and relates each reply by them', () => {
    const url = open('mastodon/thread.html', POST);
    const read = (id: string) => mastodonAdapter.readEntry(statusEl(id), page(url));
    expect(read('113500000000000104')).toMatchObject({ mentions: ['mara@mastodon.social'], parentAuthor: 'mara@mastodon.social', parentIsPost: false });
    expect(read('113500000000000102')).toMatchObject({ mentions: ['tomas@fosstodon.org'], parentAuthor: 'tomas@fosstodon.org', repliedBy: [] });
    expect(read('113500000000000101')).toMatchObject({ parentAuthor: OWNER, parentIsPost: true, repliedBy: [OWNER] });
    // Priya mentions the owner and Tomás, below Mara's branch: depth-first, she answers the post.
    expect(read('113500000000000105')).toMatchObject({ parentAuthor: OWNER, parentIsPost: true, repliedBy: [] });
    expect(read('113500000000000103')).toMatchObject({ repliedBy: ['kenji@hachyderm.io'] });
  });

  it('the owner’s later answer to one person answers that person only', () => {
    const url = open('mastodon/thread.html', POST);
    // Priya's reply stands right under the owner's answer to Tomás, mentioning the same two
    // people: that is what Reply on the owner's answer writes, so she answers it.
    moveAfter('113500000000000105', '113500000000000102');
    expect(judgeAll(mastodonAdapter, url, OWNER)).toEqual([
      { id: 'mastodon.social/113500000000000100', relevant: false, reason: 'by-owner' },
      { id: 'mastodon.social/113500000000000101', relevant: true, kind: 'comment', ownerReplied: true },
      { id: 'mastodon.social/113500000000000102', relevant: false, reason: 'by-owner' },
      { id: 'mastodon.social/113500000000000105', relevant: true, kind: 'reply', ownerReplied: false },
      { id: 'mastodon.social/113500000000000103', relevant: true, kind: 'comment', ownerReplied: false },
      { id: 'mastodon.social/113500000000000104', relevant: false, reason: 'not-addressed' },
    ]);
  });

  it('reads the older raw form of mentions (the profile on its home instance) the same way', () => {
    const url = open('mastodon/thread.html', POST);
    const before = judgeAll(mastodonAdapter, url, OWNER);
    for (const a of Array.from(document.querySelectorAll('a.mention'))) {
      const acct = a.getAttribute('title')!.slice(1);
      const [user, host] = acct.includes('@') ? acct.split('@') : [acct, 'mastodon.social'];
      a.setAttribute('href', `https://${host}/@${user}`);
      a.className = 'u-url mention';
      a.removeAttribute('title');
    }
    expect(judgeAll(mastodonAdapter, url, OWNER)).toEqual(before);
    // A hashtag is drawn as a "mention hashtag" link: never an account.
    const tag = document.createElement('a');
    tag.className = 'mention hashtag';
    tag.setAttribute('href', '/tags/offline');
    statusEl('113500000000000105').querySelector('.status__content__text p')!.append(tag);
    expect(mastodonAdapter.readEntry(statusEl('113500000000000105'), page(url))?.mentions).toEqual([OWNER, 'tomas@fosstodon.org']);
  });

  it('a new reply makes the status it answers read again, and only that one', () => {
    open('mastodon/thread.html', POST);
    expect(mastodonAdapter.relatedItems(statusEl('113500000000000104'))).toEqual([statusEl('113500000000000103')]);
    expect(mastodonAdapter.relatedItems(statusEl('113500000000000105'))).toEqual([document.querySelector('.detailed-status')]);
    expect(mastodonAdapter.relatedItems(document.querySelector('.detailed-status')!)).toEqual([]);
  });

  it('in the advanced layout, relates the conversation’s column only and reads mentions from the notifications column', async () => {
    const thread = open('mastodon/thread.html', POST);
    const alone = judgeAll(mastodonAdapter, thread, OWNER);
    const url = open('mastodon/deck.html', DECK);
    const columns = Array.from(document.querySelectorAll('.column'));
    const [home, notes, conversation] = columns;
    const judged = judgeAll(mastodonAdapter, url, OWNER);
    const items = Array.from(document.querySelectorAll(mastodonAdapter.itemSelector));
    const inColumn = (column: Element | undefined) =>
      items.map((el, i) => (column?.contains(el) ? judged[i] : undefined)).filter((j) => j !== undefined);
    expect(inColumn(conversation)).toEqual(alone);
    // The home column shows Priya's reply again: it is not read there.
    expect(inColumn(home)).toEqual([null]);
    // A mention in the notifications column; the poll, favourite and follow give nothing.
    expect(inColumn(notes)).toEqual([{ id: 'mastodon.social/113500000000000201', relevant: true, kind: 'mention', ownerReplied: false }, null]);
    expect(notes?.querySelectorAll('.notification-group')).toHaveLength(2);
    // The focused status's Reply is its own action bar's, not another column's.
    expect(mastodonAdapter.replyButton(conversation!.querySelector('.detailed-status')!)?.closest('.detailed-status__action-bar')).not.toBeNull();
    await Promise.resolve();
    expect(mastodonAdapter.relatedItems(statusEl('113500000000000101', conversation))).toEqual([conversation!.querySelector('.detailed-status')]);
  });

  it('on the advanced layout’s notifications page, reads the mention only', () => {
    const url = open('mastodon/deck.html', 'https://mastodon.social/deck/notifications');
    expect(scanPage(mastodonAdapter, url, OWNER).map((i) => [i.id, i.kind])).toEqual([['mastodon.social/113500000000000201', 'mention']]);
  });

  it('counts the redesign’s statuses as found but never reads them, so site health says so', () => {
    const url = open('mastodon/thread.html', POST);
    // As components/status/status.tsx draws them: <article data-id> with generated classes.
    for (const status of Array.from(document.querySelectorAll('.status, .detailed-status'))) {
      const article = document.createElement('article');
      article.setAttribute('data-id', status.getAttribute('data-id') ?? '113500000000000100');
      article.className = '_root_1x2y3';
      article.append(...Array.from(status.childNodes));
      for (const part of Array.from(article.querySelectorAll('[class*="status"]'))) part.className = '_part_9z8y7';
      status.replaceWith(article);
    }
    const found = Array.from(document.querySelectorAll(mastodonAdapter.itemSelector));
    expect(found).toHaveLength(6);
    expect(found.map((el) => mastodonAdapter.readEntry(el, page(url)))).toEqual(Array(6).fill(null));
    expect(mastodonAdapter.expectsItems(url, document)).toBe(true);
    const required = Object.entries(mastodonAdapter.required);
    const missing = required.filter(([, selector]) => !document.querySelector(selector));
    expect(missing.map(([name]) => name)).toEqual(['text', 'permalink']);
  });

  it('relates a long conversation in linear work: twice the replies, about twice the work', () => {
    const cost = (count: number) => {
      const url = open('mastodon/thread.html', POST);
      const template = statusEl('113500000000000104').closest('.status__wrapper')!.cloneNode(true) as Element;
      // The parts read, without the buttons and avatar: a lighter page to build.
      for (const part of Array.from(template.querySelectorAll('.status__action-bar__button-wrapper + *, .status__avatar'))) part.remove();
      const column = document.querySelector('.scrollable')!;
      // Every other reply answers the one before it; the rest answer the owner's post.
      repeat(template, column, count, (html, n) => html
        .replaceAll('113500000000000104', String(113600000000000000 + n))
        .replaceAll('kenji@hachyderm.io', `user${n}@example.social`)
        .replaceAll('"/@mara"', n % 2 === 1 ? `"/@user${n - 1}@example.social"` : '"/@brightloop"'));
      return scanCost(mastodonAdapter, url);
    };
    expectLinear(cost, 2000);
  }, 120_000); // building and reading 6,000 statuses in happy-dom takes seconds: work is counted, not timed
});
