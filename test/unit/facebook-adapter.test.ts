// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../src/sites/facebook';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, readCopies, repeat } from './scan-cost';

const POST = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0BrightLoopFixturePost000000000000000000000000000000000000000&id=100000000000077';
const PAGE_ID = '100000000000077';

describe('Facebook adapter', () => {
  it('reads a comment from structure: id from its permalink, author from the profile link, text with line breaks', () => {
    const url = loadPage('facebook/post.html', POST);
    const diego = Array.from(document.querySelectorAll(facebookAdapter.itemSelector))[2]!;
    expect(facebookAdapter.readEntry(diego, { url, memo: new Map() })).toMatchObject({
      id: '9100000000000002',
      author: { name: 'Diego Morales', handle: 'diego.morales' },
      text: 'Do you have this in size M?\nAnd in blue?',
      parentAuthor: PAGE_ID,
      parentIsPost: true,
      repliedBy: [],
    });
    // The post itself is an article too, but has no comment permalink: it is not an item.
    const post = document.querySelector('[role="article"][aria-posinset]')!;
    expect(facebookAdapter.readEntry(post, { url, memo: new Map() })).toBeNull();
  });

  it.each(['post.html', 'post-es.html', 'post-de.html'])(
    '%s: comments and replies to the Page, answered when collapsed ("… replied"), as a sibling reply, or nested',
    (file) => {
      const url = loadPage(`facebook/${file}`, POST);
      const items = scanPage(facebookAdapter, url, PAGE_ID);
      expect(items.map((i) => [i.author.name, i.kind, i.ownerReplied])).toEqual([
        ['Sinta Rahma', 'comment', true],
        ['Diego Morales', 'comment', false],
        ['Jonas Weber', 'comment', true],
        ['Mira Chen', 'reply', false],
      ]);
      expect(items[3]!.id).toBe('9200000000000004');
      expect(items[3]!.url).toContain('reply_comment_id=9200000000000004');
    },
  );

  it.each([
    ['post.html', POST],
    ['post-es.html', POST],
    ['post-de.html', POST],
    ['post-group.html', 'https://www.facebook.com/groups/sourdoughcircle/posts/4400000000000001/'],
  ])('%s: relates comments by ids and document order; more wrappers around comments change no verdict', (file, address) => {
    const url = loadPage(`facebook/${file}`, address);
    const before = judgeAll(facebookAdapter, url, PAGE_ID);
    loadPage(`facebook/${file}`, address);
    expect(wrapEach('[data-commentid]')).toBeGreaterThan(2);
    expect(wrapEach(facebookAdapter.itemSelector)).toBeGreaterThan(4);
    expect(judgeAll(facebookAdapter, url, PAGE_ID)).toEqual(before);
    expect(before.filter((j) => j?.relevant && j.ownerReplied)).toHaveLength(file === 'post-group.html' ? 1 : 2);
  });

  it('reads the collapsed “… replied” summary after a comment that has no data-commentid wrapper (the post dialog)', () => {
    const url = loadPage('facebook/post.html', POST);
    const before = judgeAll(facebookAdapter, url, PAGE_ID);
    // As the permalink dialog was captured: each comment's article in plain divs, the summary after it.
    for (const wrapper of Array.from(document.querySelectorAll('[data-commentid]'))) {
      wrapper.replaceWith(...Array.from(wrapper.childNodes));
    }
    expect(document.querySelector('[data-commentid]')).toBeNull();
    expect(judgeAll(facebookAdapter, url, PAGE_ID)).toEqual(before);
    expect(before).toContainEqual({ id: '9100000000000001', relevant: true, kind: 'comment', ownerReplied: true });
  });

  it('finds the Reply control by its word in each language, and the reply box it opens', () => {
    for (const [file, word] of [['post.html', 'Reply'], ['post-es.html', 'Responder'], ['post-de.html', 'Antworten']]) {
      loadPage(`facebook/${file}`, POST);
      const diego = Array.from(document.querySelectorAll(facebookAdapter.itemSelector))[2]!;
      expect(facebookAdapter.replyButton(diego)?.textContent).toBe(word);
    }
    const diego = Array.from(document.querySelectorAll(facebookAdapter.itemSelector))[2]!;
    expect(facebookAdapter.composerFor(diego, document)).toBeNull();
    const box = document.createElement('div');
    box.innerHTML = '<div role="textbox" contenteditable="true" data-lexical-editor="true"></div>';
    diego.closest('[data-commentid]')!.after(box);
    expect(facebookAdapter.composerFor(diego, document)).toBe(box.firstElementChild);
  });

  it('reads a group post: members by the id of their group page, the post’s author as the owner of its comments', () => {
    const group = 'https://www.facebook.com/groups/sourdoughcircle/posts/4400000000000001/';
    const url = loadPage('facebook/post-group.html', group);
    expect(facebookAdapter.expectsItems(url, document)).toBe(true);
    const items = scanPage(facebookAdapter, url, PAGE_ID);
    // Leo's comment has the owner's reply beside it; Kim's has only someone else's.
    expect(items.map((i) => [i.author.name, i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['Ana Souza', '100000000000201', 'comment', false],
      ['Leo Hart', '100000000000202', 'comment', true],
      ['Ravi Menon', '100000000000203', 'reply', false],
      ['Kim Lee', '100000000000204', 'comment', false],
    ]);
    expect(items[1]!.text).toBe('Mine came out flat.\nToo much water?');
    expect(items[2]!.url).toBe(`${group}?comment_id=9300000000000003&reply_comment_id=9400000000000003`);
    expect(new Set(items.map((i) => i.thread))).toEqual(new Set(['post:/groups/sourdoughcircle/posts/4400000000000001/']));
    // Someone else's group post: its comments are not the owner's to answer.
    document.querySelector('[aria-posinset] a[aria-label="Bright Loop"]')!.setAttribute('href', '/groups/sourdoughcircle/user/100000000000299/');
    expect(scanPage(facebookAdapter, url, PAGE_ID).map((i) => i.author.name)).toEqual(['Ravi Menon']);
  });

  it('relates a long post in linear work: twice the comments and replies, about twice the work', () => {
    const cost = (count: number) => {
      const url = loadPage('facebook/post.html', POST);
      // Each copy of the comments: one answered when collapsed ("Bright Loop replied"), one unanswered,
      // one with the Page's reply as a sibling, the Page's own with someone's reply nested in it.
      repeat(document.querySelector('.comments')!, document.querySelector('[role="dialog"]')!, count, (html, n) => html
        .replace(/\b9([12])0{11}(\d{3})\b/gu, (_, kind: string, at: string) => `9${kind}${String(n + 1).padStart(11, '0')}${at}`)
        .replace(/id=10{11}1(\d\d)/gu, (_, who: string) => `id=3${String(n).padStart(12, '0')}${who}`)
        .replaceAll('diego.morales', `diego${n}.morales`));
      // Every copy is read, each reply related to its comment.
      return readCopies(facebookAdapter, url, PAGE_ID, count + 1, { found: 4, answered: 2 });
    };
    expectLinear(cost, 500);
  }, 120_000); // building and reading 9,000 comments in happy-dom takes seconds: work is counted, not timed

  it('leaves unknown markup alone, and a page that is not the owner’s yields nothing', () => {
    const url = loadPage('facebook/post.html', POST);
    const odd = document.createElement('div');
    odd.setAttribute('role', 'article');
    odd.innerHTML = '<a href="https://www.facebook.com/permalink.php?comment_id=abc">x</a><span lang="en">hi</span>';
    document.body.append(odd);
    expect(facebookAdapter.readEntry(odd, { url, memo: new Map() })).toBeNull();
    expect(scanPage(facebookAdapter, url, 'someone.else')).toEqual([]);
    expect(facebookAdapter.expectsItems(url, document)).toBe(true);
  });
});
