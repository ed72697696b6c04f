// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../src/sites/instagram';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectEveryCopy, expectLinear, repeat, scanCost } from './scan-cost';

const POST = 'https://www.instagram.com/p/DBrLoop01Ab/';

describe('Instagram adapter', () => {
  it('scans post and reel pages, finding comments from their permalinks', () => {
    expect(instagramAdapter.scansPage(new URL(POST))).toBe(true);
    expect(instagramAdapter.scansPage(new URL('https://www.instagram.com/reel/DBrLoop01Ab/'))).toBe(true);
    expect(instagramAdapter.scansPage(new URL('https://www.instagram.com/explore/'))).toBe(false);
    const url = loadPage('instagram/post.html', POST);
    const leo = Array.from(document.querySelectorAll(instagramAdapter.itemSelector))[2]!;
    expect(instagramAdapter.readEntry(leo, { url, memo: new Map() })).toEqual({
      id: '18000000000000003',
      author: { name: 'leo_sketch', handle: 'leo_sketch' },
      text: 'Is the print still available?',
      url: 'https://www.instagram.com/p/DBrLoop01Ab/c/18000000000000003/',
      thread: 'post:DBrLoop01Ab',
      createdAt: Date.UTC(2026, 10, 22, 9),
      parentAuthor: 'brightloop',
      parentIsPost: true,
      repliedBy: [],
      onMentionsPage: false,
    });
  });

  it('finds comments on the owner’s post and replies to the owner’s comments; a nested owner reply answers', () => {
    const url = loadPage('instagram/post.html', POST);
    const items = scanPage(instagramAdapter, url, 'brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['marta.draws', 'comment', true],
      ['leo_sketch', 'comment', false],
      ['ines.v', 'reply', false],
    ]);
  });

  it('relates replies to their comment by nesting: more wrappers around rows and permalinks change no verdict', () => {
    const url = loadPage('instagram/post.html', POST);
    const before = judgeAll(instagramAdapter, url, 'brightloop');
    loadPage('instagram/post.html', POST);
    expect(wrapEach('li')).toBe(5);
    expect(wrapEach(instagramAdapter.itemSelector)).toBe(5);
    expect(judgeAll(instagramAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ relevant: true, kind: 'comment', ownerReplied: true }));
  });

  it('reads a reply’s permalink (/c/<comment>/r/<reply>/): its id, and the comment it answers by that id', () => {
    const url = loadPage('instagram/post.html', POST);
    const ines = Array.from(document.querySelectorAll(instagramAdapter.itemSelector))[4]!;
    expect(instagramAdapter.readEntry(ines, { url, memo: new Map() })).toMatchObject({
      id: '18000000000000005',
      url: 'https://www.instagram.com/p/DBrLoop01Ab/c/18000000000000004/r/18000000000000005/',
      parentAuthor: 'brightloop',
      parentIsPost: false,
    });
    const owners = Array.from(document.querySelectorAll(instagramAdapter.itemSelector))[3];
    expect(instagramAdapter.relatedItems(ines)).toEqual([owners]);
  });

  it('reads rows that are no list items, the replies listed after their comment, related by their permalinks', () => {
    const url = loadPage('instagram/post.html', POST);
    const before = judgeAll(instagramAdapter, url, 'brightloop');
    loadPage('instagram/post.html', POST);
    // A newer layout: generated divs for rows, replies beside their comment instead of in it, no headings.
    for (const list of Array.from(document.querySelectorAll('li > ul'))) list.parentElement!.after(list);
    for (const el of Array.from(document.querySelectorAll('ul, li, h3')).reverse()) {
      const div = document.createElement(el.tagName === 'H3' ? 'span' : 'div');
      div.append(...Array.from(el.childNodes));
      el.replaceWith(div);
    }
    expect(document.querySelector('li, h3')).toBeNull();
    expect(judgeAll(instagramAdapter, url, 'brightloop')).toEqual(before);
    expect(before.filter((j) => j?.relevant)).toHaveLength(3);
  });

  it('relates a long post in linear work: twice the comments and replies, about twice the work', () => {
    const cost = (count: number) => {
      const url = loadPage('instagram/post.html', POST);
      const list = document.querySelector('ul')!;
      // What the list holds once: each copy of it at its end holds the same.
      const once = scanPage(instagramAdapter, url, 'brightloop');
      // The whole list again at its end: comments with replies nested (one the owner's) and without.
      repeat(list.cloneNode(true) as Element, list, count, (html, n) => html.slice(html.indexOf('>') + 1, html.lastIndexOf('</'))
        .replace(/\/(c|r)\/180{14}(\d)(?=\/)/gu, (_, kind: string, at: string) => `/${kind}/18${String(n + 1).padStart(14, '0')}${at}`)
        .replace(/marta\.draws|ines\.v|leo\.m/gu, (who) => `${who}${n}`));
      const work = scanCost(instagramAdapter, url);
      // Every copy is read, each reply related to its comment.
      const items = scanPage(instagramAdapter, url, 'brightloop');
      const per = { found: once.length, answered: once.filter((i) => i.ownerReplied).length, replies: once.filter((i) => i.kind === 'reply').length };
      expectEveryCopy(items, count + 1, per);
      return work;
    };
    expectLinear(cost, 1000);
  }, 120_000); // building and reading thousands of comments in happy-dom takes seconds: work is counted, not timed

  it('finds the row’s own Reply control, and leaves links that are not comment permalinks alone', () => {
    const url = loadPage('instagram/post.html', POST);
    const marta = document.querySelector(instagramAdapter.itemSelector)!;
    const reply = instagramAdapter.replyButton(marta)!;
    expect(reply.textContent).toBe('Reply');
    expect(reply.closest('li')).toBe(marta.closest('li'));
    const stray = document.createElement('a');
    stray.href = '/p/DBrLoop01Ab/c/not-a-number/';
    document.body.append(stray);
    expect(instagramAdapter.readEntry(stray, { url, memo: new Map() })).toBeNull();
  });

  it('takes the one comment box as this comment’s reply box only once Reply has put “@author ” in it', () => {
    loadPage('instagram/post.html', POST);
    const leo = Array.from(document.querySelectorAll(instagramAdapter.itemSelector))[2]!;
    const box = document.createElement('textarea');
    box.setAttribute('aria-label', 'Add a comment…');
    document.body.append(box);
    expect(instagramAdapter.composerFor(leo, document)).toBeNull();
    box.value = '@leo_sketch ';
    expect(instagramAdapter.composerFor(leo, document)).toBe(box);
  });
});
