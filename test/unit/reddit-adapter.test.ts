// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { redditAdapter } from '../../src/sites/reddit';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';

const POST = 'https://www.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/';
const OLD = 'https://old.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/';

describe('Reddit adapter, new Reddit (shreddit)', () => {
  it('scans post and inbox pages, and expects comments where the post counts some', () => {
    expect(redditAdapter.scansPage(new URL(POST))).toBe(true);
    expect(redditAdapter.scansPage(new URL('https://www.reddit.com/r/productivity/'))).toBe(false);
    const url = loadPage('reddit/post.html', POST);
    expect(redditAdapter.expectsItems(url, document)).toBe(true);
  });

  it('reads a comment from its attributes: id, author, text with line breaks, time, permalink, thread', () => {
    const url = loadPage('reddit/post.html', POST);
    const kenji = document.querySelector('shreddit-comment[thingid="t1_k3nj01"]')!;
    expect(redditAdapter.readEntry(kenji, { url, memo: new Map() })).toEqual({
      id: 't1_k3nj01',
      author: { name: 'kenji_w', handle: 'kenji_w' },
      text: 'The app crashes when I export to PDF.\nAndroid 15, version 2.0.3.',
      url: 'https://www.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/comment/k3nj01/',
      thread: 't3_1rl0ab',
      createdAt: Date.UTC(2026, 10, 21, 9, 30),
      parentAuthor: 'brightloop',
      parentIsPost: true,
      repliedBy: ['ana_b'],
      onMentionsPage: false,
    });
  });

  it('finds comments on the owner’s post and replies to the owner’s comments; the owner’s reply answers', () => {
    const url = loadPage('reddit/post.html', POST);
    const items = scanPage(redditAdapter, url, 'brightloop');
    expect(items.map((i) => [i.id, i.kind, i.ownerReplied])).toEqual([
      ['t1_m4ra01', 'comment', true],
      ['t1_k3nj01', 'comment', false],
      ['t1_n0ra01', 'reply', false],
      ['t1_j0ls01', 'comment', false],
    ]);
    // Someone else's post: only replies to that person's comments would count, and there are none.
    expect(scanPage(redditAdapter, url, 'mara_lind').map((i) => i.id)).toEqual(['t1_br0001']);
  });

  it('finds the 2026 Reply button slotted into the action row, in the div slotted into the comment', () => {
    loadPage('reddit/post.html', POST);
    const kenji = document.querySelector('shreddit-comment[thingid="t1_k3nj01"]')!;
    const slot = kenji.querySelector(':scope > div[slot="actionRow"]')!;
    const reply = slot.querySelector('span[slot="comment-reply"] > button')!;
    expect(redditAdapter.replyButton(kenji)).toBe(reply);
    // Its reply's own row (the older kind, no button drawn yet) is not taken for the comment's.
    const ana = document.querySelector('shreddit-comment[thingid="t1_an4b01"]')!;
    expect(redditAdapter.replyButton(ana)).toBeNull();
    const composer = document.createElement('shreddit-composer');
    composer.innerHTML = '<div contenteditable="true" data-lexical-editor="true"></div>';
    slot.querySelector('shreddit-comment-action-row')!.append(composer);
    expect(redditAdapter.composerFor(kenji, document)).toBe(composer.firstElementChild);
    expect(redditAdapter.composerFor(ana, document)).toBeNull();
  });

  it('finds the Reply button inside the action row’s shadow root, and the composer it opens', () => {
    loadPage('reddit/post.html', POST);
    const ana = document.querySelector('shreddit-comment[thingid="t1_an4b01"]')!;
    const row = ana.querySelector('shreddit-comment-action-row')!;
    expect(redditAdapter.replyButton(ana)).toBeNull();
    const shadow = row.attachShadow({ mode: 'open' });
    const reply = document.createElement('button');
    reply.setAttribute('aria-label', 'Reply');
    shadow.append(reply);
    expect(redditAdapter.replyButton(ana)).toBe(reply);
    expect(redditAdapter.composerFor(ana, document)).toBeNull();
    const composer = document.createElement('shreddit-composer');
    composer.innerHTML = '<div contenteditable="true" data-lexical-editor="true"></div>';
    row.append(composer);
    expect(redditAdapter.composerFor(ana, document)).toBe(composer.firstElementChild);
    expect(redditAdapter.badgeAnchor(ana)?.getAttribute('slot')).toBe('commentMeta');
  });

  it('leaves unknown markup alone', () => {
    const url = loadPage('reddit/post.html', POST);
    const odd = document.createElement('shreddit-comment');
    odd.setAttribute('thingid', 't1_zz');
    document.body.append(odd);
    expect(redditAdapter.readEntry(odd, { url, memo: new Map() })).toBeNull();
    odd.setAttribute('author', '[deleted]');
    odd.setAttribute('permalink', '/r/x/comments/abc/t/comment/zz/');
    expect(redditAdapter.readEntry(odd, { url, memo: new Map() })).toBeNull();
  });
});

describe('Reddit adapter, old.reddit', () => {
  it('reads comments, nesting and the owner’s reply, and the signed-in user from the header', () => {
    const url = loadPage('reddit/old-post.html', OLD);
    expect(redditAdapter.detectOwner(document)).toBe('brightloop');
    const items = scanPage(redditAdapter, url, 'brightloop');
    expect(items.map((i) => [i.id, i.kind, i.ownerReplied, i.url])).toEqual([
      ['t1_m4ra01', 'comment', true, `${OLD}m4ra01/`],
      ['t1_k3nj01', 'comment', false, `${OLD}k3nj01/`],
    ]);
    expect(items[1]).toMatchObject({ text: 'The app crashes when I export to PDF.', createdAt: Date.UTC(2026, 10, 21, 9, 30) });
  });

  it('finds the reply link and the textarea it opens', () => {
    loadPage('reddit/old-post.html', OLD);
    const kenji = document.querySelector('[data-fullname="t1_k3nj01"]')!;
    expect(redditAdapter.replyButton(kenji)?.textContent).toBe('reply');
    expect(redditAdapter.composerFor(kenji, document)).toBeNull();
    const form = document.createElement('form');
    form.className = 'usertext';
    form.innerHTML = '<textarea name="text"></textarea>';
    kenji.querySelector(':scope > .child')!.append(form);
    expect(redditAdapter.composerFor(kenji, document)?.tagName).toBe('TEXTAREA');
  });

  it('reads the inbox: comment replies and mentions by their comment ids, private messages left alone', () => {
    const url = loadPage('reddit/old-inbox.html', 'https://old.reddit.com/message/inbox/');
    expect(redditAdapter.scansPage(url)).toBe(true);
    expect(redditAdapter.scansPage(new URL('https://old.reddit.com/message/mentions/'))).toBe(true);
    expect(redditAdapter.detectOwner(document)).toBe('brightloop');
    const quinn = document.querySelector('[data-fullname="t1_q8mn01"]')!;
    expect(redditAdapter.readEntry(quinn, { url, memo: new Map() })).toEqual({
      id: 't1_q8mn01',
      author: { name: 'quinn_m', handle: 'quinn_m' },
      text: 'u/brightloop made the timer I told you about.\nWorth a try.',
      url: 'https://old.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/q8mn01/',
      thread: 't3_1rl0ab',
      createdAt: Date.UTC(2026, 10, 21, 11),
      parentAuthor: null,
      parentIsPost: false,
      repliedBy: [],
      onMentionsPage: true,
    });
    const items = scanPage(redditAdapter, url, 'brightloop');
    // The same t1_ id as on the post page: an answer there answers it here. The owner's own reply under
    // Paul's message answers it; the private message (t4_) is not a comment.
    expect(items.map((i) => [i.id, i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['t1_q8mn01', 'quinn_m', 'mention', false],
      ['t1_n0ra01', 'nora_b', 'mention', false],
      ['t1_p4ul01', 'paul_e', 'mention', true],
    ]);
    const nora = document.querySelector('[data-fullname="t1_n0ra01"]')!;
    expect(redditAdapter.replyButton(nora)?.textContent).toBe('reply');
    expect(redditAdapter.badgeAnchor(nora)?.className).toBe('tagline');
    const answer = document.querySelector('[data-fullname="t1_br0009"]')!;
    expect(redditAdapter.relatedItems(answer)).toEqual([document.querySelector('[data-fullname="t1_p4ul01"]')]);
  });
});

describe('Reddit adapter under markup drift', () => {
  it.each([
    ['reddit/post.html', POST, 7, 't1_m4ra01'],
    ['reddit/old-post.html', OLD, 3, 't1_m4ra01'],
    ['reddit/old-inbox.html', 'https://old.reddit.com/message/inbox/', 4, 't1_p4ul01'],
  ])('%s: relates replies by parent ids and nesting; more wrappers around each comment change no verdict', (file, address, count, answered) => {
    const url = loadPage(file, address);
    const before = judgeAll(redditAdapter, url, 'brightloop');
    loadPage(file, address);
    expect(wrapEach(redditAdapter.itemSelector)).toBe(count);
    expect(judgeAll(redditAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ id: answered, relevant: true, ownerReplied: true }));
  });
});
