// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applySelectorOverrides } from '../../src/sites/types';
import { xAdapter } from '../../src/sites/x';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

describe('X adapter on a conversation page', () => {
  it('reads the signed-in handle from the account switcher', () => {
    loadPage('x/conversation.html', CONVERSATION);
    expect(xAdapter.detectOwner(document)).toBe('brightloop');
  });

  it('reads author, text with line breaks, time, id, permalink and thread', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    const focal = document.querySelector('article')!;
    const entry = xAdapter.readEntry(focal, { url, memo: new Map() });
    expect(entry).toMatchObject({
      id: '1950000000000000001',
      author: { name: 'Bright Loop Studio', handle: 'brightloop' },
      text: 'Dark mode is live in the app today 🌙\nTell us what you think!',
      url: 'https://x.com/brightloop/status/1950000000000000001',
      thread: '1950000000000000001',
      createdAt: Date.parse('2026-10-02T09:00:00.000Z'),
      parentAuthor: null,
    });
  });

  it('gives the reply modal only to the tweets of the author it replies to, whatever is typed in it', () => {
    loadPage('x/conversation.html', CONVERSATION);
    const tweet = (text: string) => Array.from(document.querySelectorAll('article')).find((a) => a.textContent?.includes(text))!;
    const modal = document.createElement('div');
    modal.setAttribute('aria-labelledby', 'modal-header');
    const replying = document.createElement('div');
    replying.textContent = 'Replying to @devon_k';
    const box = document.createElement('div');
    box.setAttribute('data-testid', 'tweetTextarea_0');
    box.setAttribute('contenteditable', 'true');
    box.textContent = 'cc @marta_codes';
    modal.append(replying, box);
    document.body.append(modal);
    expect(xAdapter.composerFor(tweet('The contrast on buttons'), document)).toBe(box);
    expect(xAdapter.composerFor(tweet('Does it follow the system setting'), document)).toBeNull();
  });

  it('finds the comments on the owner post, answered where the owner replied in the chain', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    const items = scanPage(xAdapter, url, 'brightloop');
    const summary = items.map((i) => [i.author.handle, i.kind, i.ownerReplied]);
    expect(summary).toEqual([
      ['marta_codes', 'comment', true],
      ['devon_k', 'comment', false],
      ['otto_rants', 'comment', true],
      ['otto_rants', 'reply', false],
      ['lina_park', 'comment', false],
    ]);
  });

  it('never makes an item of the owner own post or replies, and skips replies among others', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    const items = scanPage(xAdapter, url, 'BrightLoop');
    expect(items.some((i) => i.author.handle === 'brightloop')).toBe(false);
    // Nils answers Lina, not the owner, and does not mention them.
    expect(items.some((i) => i.author.handle === 'nils_w')).toBe(false);
  });

  it('judges nothing without a known owner', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    expect(scanPage(xAdapter, url, null)).toEqual([]);
  });

  it('finds the reply button and the inline composer of the focal post', () => {
    loadPage('x/conversation.html', CONVERSATION);
    const [focal, marta] = Array.from(document.querySelectorAll('article'));
    expect(xAdapter.replyButton(marta!)?.getAttribute('data-testid')).toBe('reply');
    expect(xAdapter.composerFor(focal!, document)?.getAttribute('data-testid')).toBe('tweetTextarea_0');
    // The inline composer answers the focal post, not Marta's comment.
    expect(xAdapter.composerFor(marta!, document)).toBeNull();
  });

  it('sees nothing to answer in a conversation that does not involve the owner', () => {
    const url = loadPage('x/other-conversation.html', 'https://x.com/weatherbot/status/1950000000000000201');
    expect(scanPage(xAdapter, url, 'brightloop')).toEqual([]);
  });
});

describe('X adapter under markup drift', () => {
  it('relates tweets by their order in the timeline: more wrappers around cells and tweets change no verdict', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    const before = judgeAll(xAdapter, url, 'brightloop');
    const chain = xAdapter.relatedItems(document.querySelectorAll('article')[2]!);
    loadPage('x/conversation.html', CONVERSATION);
    expect(wrapEach('div[data-testid="cellInnerDiv"]')).toBe(11);
    expect(wrapEach(xAdapter.itemSelector)).toBe(9);
    expect(judgeAll(xAdapter, url, 'brightloop')).toEqual(before);
    // Not a vacuous comparison: Marta's comment is answered by the owner's reply in the next cell.
    expect(before).toContainEqual({ id: '1950000000000000002', relevant: true, kind: 'comment', ownerReplied: true });
    const articles = document.querySelectorAll('article');
    expect(chain.map((a) => a.querySelector('time')?.getAttribute('datetime'))).toEqual(['2026-10-02T09:12:00.000Z']);
    expect(xAdapter.relatedItems(articles[2]!)).toEqual([articles[1]]);
  });

  it('on the mentions page too', () => {
    const url = loadPage('x/mentions.html', 'https://x.com/notifications/mentions');
    const before = judgeAll(xAdapter, url, 'brightloop');
    wrapEach('div[data-testid="cellInnerDiv"]');
    wrapEach(xAdapter.itemSelector);
    expect(judgeAll(xAdapter, url, 'brightloop')).toEqual(before);
  });

  it('relates only tweets of the same timeline: one shown in a dialog is no reply to the conversation', () => {
    const url = loadPage('x/conversation.html', CONVERSATION);
    const focal = document.querySelector('article')!;
    const replies = xAdapter.readEntry(focal, { url, memo: new Map() })?.repliedBy;
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.append(document.querySelectorAll('article')[3]!.cloneNode(true));
    document.body.append(dialog);
    expect(xAdapter.readEntry(focal, { url, memo: new Map() })?.repliedBy).toEqual(replies);
    expect(replies).toContain('devon_k');
  });
});

describe('X adapter on the mentions page', () => {
  it('lists mentions by others as pending mentions, not the owner own tweet', () => {
    const url = loadPage('x/mentions.html', 'https://x.com/notifications/mentions');
    const items = scanPage(xAdapter, url, 'brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['chef_ana', 'mention', false],
      ['growthguy', 'mention', false],
    ]);
    expect(items[0]?.thread).toBe('1950000000000000101');
  });
});

describe('X adapter on markup it does not know', () => {
  it('finds no items and does not throw', () => {
    document.body.innerHTML = `
      <article data-testid="tweet"><div>no header here</div></article>
      <article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">x</a></div></article>
      <article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">x</a></div>
        <a href="not a url at all %%%/status/"><time datetime="garbage">?</time></a></article>
      <div data-testid="cellInnerDiv"><span>@brightloop</span></div>`;
    const url = new URL(CONVERSATION);
    expect(() => scanPage(xAdapter, url, 'brightloop')).not.toThrow();
    expect(scanPage(xAdapter, url, 'brightloop')).toEqual([]);
    expect(xAdapter.detectOwner(document)).toBeNull();
  });
});

describe('selector overrides', () => {
  it('replace named selectors, refuse invalid CSS, and go back to the defaults', () => {
    const valid = (css: string) => !css.includes('[[');
    try {
      expect(applySelectorOverrides(xAdapter, { tweet: 'article.post', text: 'div[[', nope: 'x' }, valid)).toEqual(['text']);
      expect(xAdapter.itemSelector).toBe('article.post');
      expect(xAdapter.required.tweet).toBe('article.post');
      expect(xAdapter.selectors.text).toBe(xAdapter.defaultSelectors.text);
    }
    finally {
      applySelectorOverrides(xAdapter, {}, valid);
    }
    expect(xAdapter.itemSelector).toBe('article[data-testid="tweet"]');
  });
});
