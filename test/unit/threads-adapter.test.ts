// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { threadsAdapter } from '../../src/sites/threads';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, repeat, scanCost } from './scan-cost';

const POST = 'https://www.threads.com/@brightloop/post/DBrLp00Root1';

describe('Threads adapter', () => {
  it('reads a post from its permalink: code, author, text, time; replies answer the focused post', () => {
    const url = loadPage('threads/post.html', POST);
    const joao = Array.from(document.querySelectorAll(threadsAdapter.itemSelector))[3]!;
    expect(threadsAdapter.readEntry(joao, { url, memo: new Map() })).toEqual({
      id: 'DBrLp03Joao1',
      author: { name: 'joao.m', handle: 'joao.m' },
      text: 'Do you have oat milk?',
      url: 'https://www.threads.com/@joao.m/post/DBrLp03Joao1',
      thread: 'DBrLp00Root1',
      createdAt: Date.UTC(2026, 10, 22, 8),
      parentAuthor: 'brightloop',
      parentIsPost: true,
      repliedBy: [],
      onMentionsPage: false,
    });
  });

  it('finds the replies on the owner’s post; one above the owner’s reply is answered', () => {
    const url = loadPage('threads/post.html', POST);
    const items = scanPage(threadsAdapter, url, 'brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['rita.silva', 'comment', true],
      ['joao.m', 'comment', false],
      ['emma.k', 'comment', false],
    ]);
  });

  it('relates posts by their order in the column: more wrappers around each post change no verdict', () => {
    const url = loadPage('threads/post.html', POST);
    const before = judgeAll(threadsAdapter, url, 'brightloop');
    loadPage('threads/post.html', POST);
    expect(wrapEach(threadsAdapter.itemSelector)).toBe(5);
    expect(judgeAll(threadsAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual({ id: 'DBrLp01Rita1', relevant: true, kind: 'comment', ownerReplied: true });
  });

  it('finds the Reply icon’s button, not the turned send icon, and the reply box that names the author', () => {
    loadPage('threads/post.html', POST);
    const joao = Array.from(document.querySelectorAll(threadsAdapter.itemSelector))[3]!;
    expect(threadsAdapter.replyButton(joao)?.className).toBe('reply');
    expect(threadsAdapter.composerFor(joao, document)).toBeNull();
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('role', 'textbox');
    box.setAttribute('aria-placeholder', 'Reply to joao.m...');
    document.body.append(box);
    expect(threadsAdapter.composerFor(joao, document)).toBe(box);
    const emma = Array.from(document.querySelectorAll(threadsAdapter.itemSelector))[4]!;
    expect(threadsAdapter.composerFor(emma, document)).toBeNull();
  });

  it('finds Reply by its place in the action row where its label is in another language', () => {
    loadPage('threads/post.html', POST);
    for (const svg of Array.from(document.querySelectorAll('svg[aria-label="Reply"]'))) svg.setAttribute('aria-label', 'Responder');
    for (const svg of Array.from(document.querySelectorAll('svg[aria-label="Like"]'))) svg.setAttribute('aria-label', 'Me gusta');
    const rita = Array.from(document.querySelectorAll(threadsAdapter.itemSelector))[1]!;
    expect(threadsAdapter.replyButton(rita)?.className).toBe('reply');
    const box = document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('role', 'textbox');
    box.setAttribute('aria-placeholder', 'Responder a rita.silva...');
    document.body.append(box);
    expect(threadsAdapter.composerFor(rita, document)).toBe(box);
    box.setAttribute('aria-placeholder', 'Responder a rita.silvas...');
    expect(threadsAdapter.composerFor(rita, document)).toBeNull();
    // A row with no icon buttons to place: nothing is guessed.
    for (const b of Array.from(rita.querySelectorAll('[role="button"]')).slice(1)) b.remove();
    expect(threadsAdapter.replyButton(rita)).toBeNull();
  });

  it('a new reply makes the post it answers read again, and only that one', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(POST);
    loadPage('threads/post.html', POST);
    const posts = Array.from(document.querySelectorAll(threadsAdapter.itemSelector));
    expect(threadsAdapter.relatedItems(posts[2]!)).toEqual([posts[1]]);
    expect(threadsAdapter.relatedItems(posts[4]!)).toEqual([posts[0]]);
  });

  it('relates a long column in linear work: twice the replies, about twice the work', () => {
    const cost = (count: number) => {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(POST);
      const url = loadPage('threads/post.html', POST);
      const posts = Array.from(document.querySelectorAll(threadsAdapter.itemSelector));
      // Each reply followed by the owner's answer.
      repeat(posts[1]!, document.querySelector('main')!, count, (html, n) => (n % 2
        ? html.replaceAll('rita.silva', 'brightloop').replaceAll('DBrLp01Rita1', `DBrOwn${n}x`)
        : html.replaceAll('rita.silva', `user${n}`).replaceAll('DBrLp01Rita1', `DBrLp${n}x`)));
      return scanCost(threadsAdapter, url);
    };
    expectLinear(cost, 2000);
  }, 120_000); // building and reading 6,000 posts in happy-dom takes seconds: work is counted, not timed

  it('tells the reply dialog’s Post from its Cancel by the word, in the languages Threads ships', () => {
    document.body.innerHTML = `<div role="dialog"><div contenteditable="true" role="textbox"></div>
      <div role="button"><span>Cancelar</span></div><div role="button"><div><span>Publicar</span></div></div></div>
      <div role="button"><span>Post</span></div>`;
    const [cancel, post, outside] = Array.from(document.querySelectorAll('div[role="button"]'));
    expect(threadsAdapter.isSendControl?.(post!.querySelector('span')!)).toBe(true);
    expect(threadsAdapter.isSendControl?.(cancel!)).toBe(false);
    // "Post" outside a dialog is not the reply dialog's control.
    expect(threadsAdapter.isSendControl?.(outside!)).toBe(false);
  });

  it('leaves unknown markup alone', () => {
    const url = loadPage('threads/post.html', POST);
    const odd = document.createElement('div');
    odd.setAttribute('data-pressable-container', 'true');
    odd.innerHTML = '<a href="/@someone/post/ABCDE">no time here</a>';
    document.body.append(odd);
    expect(threadsAdapter.readEntry(odd, { url, memo: new Map() })).toBeNull();
  });
});
