// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tiktokAdapter } from '../../src/sites/tiktok';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, readCopies, repeat } from './scan-cost';

const VIDEO = 'https://www.tiktok.com/@brightloop/video/7440000000000000001';

describe('TikTok adapter', () => {
  it('scans video pages; the video’s owner is in its address', () => {
    expect(tiktokAdapter.scansPage(new URL(VIDEO))).toBe(true);
    expect(tiktokAdapter.scansPage(new URL('https://www.tiktok.com/foryou'))).toBe(false);
    const url = loadPage('tiktok/video.html', VIDEO);
    const first = document.querySelector(tiktokAdapter.itemSelector)!;
    expect(tiktokAdapter.readEntry(first, { url, memo: new Map() })).toMatchObject({
      author: { name: 'Fernanda', handle: 'fernanda.art' },
      text: 'Where did you get that lamp?',
      url: VIDEO,
      thread: 'video:7440000000000000001',
      parentAuthor: 'brightloop',
      parentIsPost: true,
      repliedBy: ['brightloop'],
    });
  });

  it('finds comments on the owner’s video and replies to the owner’s comments; the creator’s reply answers', () => {
    const url = loadPage('tiktok/video.html', VIDEO);
    const items = scanPage(tiktokAdapter, url, 'brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['fernanda.art', 'comment', true],
      ['kai_moves', 'comment', false],
      ['omar.k', 'reply', false],
    ]);
    // Each comment's container carries its id.
    expect(items.map((i) => i.id)).toEqual(['100001', '100002', '200003'].map((c) => `7440000000000000001:7440000000000${c}`));
  });

  it('where no container shows an id, the same author and words give the same id on every visit', () => {
    const url = loadPage('tiktok/video.html', VIDEO);
    for (const el of Array.from(document.querySelectorAll('[id^="744"]'))) el.removeAttribute('id');
    const items = scanPage(tiktokAdapter, url, 'brightloop');
    expect(items.map((i) => i.id)).toEqual(['fernanda.art:1j224du', 'kai_moves:v1o9rc', 'omar.k:1fj2l1h'].map((c) => `7440000000000000001:${c}`));
  });

  it('reads words marked comment-text, the level from the author’s hook, and replies listed after their comment', () => {
    const url = loadPage('tiktok/video.html', VIDEO);
    const before = judgeAll(tiktokAdapter, url, 'brightloop');
    loadPage('tiktok/video.html', VIDEO);
    for (const el of Array.from(document.querySelectorAll('[data-e2e^="comment-level-"]'))) el.setAttribute('data-e2e', 'comment-text');
    // Replies beside their comment's container, not inside it.
    for (const replies of Array.from(document.querySelectorAll('[class*="DivReplyContainer"]'))) replies.closest('[class*="DivCommentObjectWrapper"]')!.after(replies);
    expect(judgeAll(tiktokAdapter, url, 'brightloop')).toEqual(before);
    expect(before.filter((j) => j?.relevant)).toHaveLength(3);
    // Both hooks on the same words: one comment.
    loadPage('tiktok/video.html', VIDEO);
    for (const p of Array.from(document.querySelectorAll('[data-e2e^="comment-level-"] > p'))) p.setAttribute('data-e2e', 'comment-text');
    expect(judgeAll(tiktokAdapter, url, 'brightloop').filter((j) => j !== null)).toEqual(before.filter((j) => j !== null));
  });

  it('a reply makes its top comment read again, and only that one', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(VIDEO);
    loadPage('tiktok/video.html', VIDEO);
    const texts = Array.from(document.querySelectorAll(tiktokAdapter.itemSelector));
    expect(tiktokAdapter.relatedItems(texts[5]!)).toEqual([texts[4]]);
    expect(tiktokAdapter.relatedItems(texts[2]!)).toEqual([]);
  });

  it('relates replies to their comment by nesting: more wrappers around each comment change no verdict', () => {
    const url = loadPage('tiktok/video.html', VIDEO);
    const before = judgeAll(tiktokAdapter, url, 'brightloop');
    loadPage('tiktok/video.html', VIDEO);
    expect(wrapEach(tiktokAdapter.itemSelector)).toBe(6);
    expect(judgeAll(tiktokAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ relevant: true, kind: 'comment', ownerReplied: true }));
    // Deeper still (five or six wrappers between a comment's words and its author): its block is found.
    for (let i = 0; i < 2; i++) wrapEach(tiktokAdapter.itemSelector);
    expect(judgeAll(tiktokAdapter, url, 'brightloop')).toEqual(before);
  });

  it.each([
    ['each container showing its comment’s id', true],
    ['no container showing an id (each comment known by its author and words)', false],
  ])('relates a long comment panel in linear work, %s: twice the comments, about twice the work', (_shape, ids) => {
    const cost = (count: number) => {
      const url = loadPage('tiktok/video.html', VIDEO);
      if (!ids) for (const el of Array.from(document.querySelectorAll('[id^="744"]'))) el.removeAttribute('id');
      const list = document.querySelector('[class*="DivCommentListContainer"]')!;
      // The list's three top comments with their replies (one the creator's), again at its end.
      repeat(list, list, count, (html, n) => html.slice(html.indexOf('>') + 1, html.lastIndexOf('</'))
        .replace(/id="7440000000000([12])0000(\d)"/gu, (_, kind: string, at: string) => `id="75${kind}${String(n).padStart(14, '0')}${at}"`)
        .replace(/\/@(fernanda\.art|kai_moves|lu\.na|omar\.k)"/gu, (_, who: string) => `/@${who}${n}"`));
      // Every copy is read, each reply related to its comment.
      return readCopies(tiktokAdapter, url, 'brightloop', count + 1, { found: 3, answered: 1, replies: 1 });
    };
    expectLinear(cost, 500);
  }, 120_000); // building and reading 9,000 comments in happy-dom takes seconds: work is counted, not timed

  it('finds the Reply control and the one comment box', () => {
    loadPage('tiktok/video.html', VIDEO);
    const kai = Array.from(document.querySelectorAll(tiktokAdapter.itemSelector))[2]!;
    expect(tiktokAdapter.replyButton(kai)?.getAttribute('data-e2e')).toBe('comment-reply-1');
    expect(tiktokAdapter.composerFor(kai, document)).toBeNull();
  });

  it('leaves unknown markup alone', () => {
    const url = loadPage('tiktok/video.html', VIDEO);
    const stray = document.createElement('span');
    stray.setAttribute('data-e2e', 'comment-level-1');
    stray.textContent = 'no author anywhere';
    document.body.append(stray);
    expect(tiktokAdapter.readEntry(stray, { url, memo: new Map() })).toBeNull();
    const elsewhere = new URL('https://www.tiktok.com/foryou');
    const first = document.querySelector(tiktokAdapter.itemSelector)!;
    expect(tiktokAdapter.readEntry(first, { url: elsewhere, memo: new Map() })).toBeNull();
  });
});
