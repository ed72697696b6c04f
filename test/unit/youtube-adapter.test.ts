// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { youtubeAdapter } from '../../src/sites/youtube';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, repeat, scanCost } from './scan-cost';

const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';

describe('YouTube adapter on a watch page', () => {
  it('scans watch pages only', () => {
    expect(youtubeAdapter.scansPage(new URL(WATCH))).toBe(true);
    expect(youtubeAdapter.scansPage(new URL('https://www.youtube.com/feed/subscriptions'))).toBe(false);
  });

  it('reads author, text, id, permalink and thread of a comment', () => {
    const url = loadPage('youtube/watch.html', WATCH);
    const first = document.querySelector(youtubeAdapter.itemSelector)!;
    const entry = youtubeAdapter.readEntry(first, { url, memo: new Map() });
    expect(entry).toMatchObject({
      id: 'UgxLena001AaABAg',
      author: { name: 'lenamakes', handle: 'lenamakes' },
      text: 'How did you get the paper texture in the second scene?',
      url: 'https://www.youtube.com/watch?v=Qm7tLp2vX9c&lc=UgxLena001AaABAg',
      thread: 'video:Qm7tLp2vX9c',
      parentAuthor: 'brightloop',
      parentIsPost: true,
    });
    expect(entry?.createdAt).toBeGreaterThan(Date.now() - 3 * 86_400_000);
  });

  it('finds comments on the owner video and replies to the owner comment', () => {
    const url = loadPage('youtube/watch.html', WATCH);
    const items = scanPage(youtubeAdapter, url, '@brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['lenamakes', 'comment', false],
      ['quietfox', 'comment', true],
      ['samir_dev', 'reply', false],
      ['randomviewer', 'comment', false],
    ]);
  });

  it('leaves out the owner comments and replies addressed to someone else', () => {
    const url = loadPage('youtube/watch.html', WATCH);
    const handles = scanPage(youtubeAdapter, url, 'brightloop').map((i) => i.author.handle);
    expect(handles).not.toContain('brightloop');
    expect(handles).not.toContain('pixelmae');
  });

  it('finds the reply button, and the composer once the reply box is open', () => {
    loadPage('youtube/watch.html', WATCH);
    const first = document.querySelector(youtubeAdapter.itemSelector)!;
    expect(youtubeAdapter.replyButton(first)?.getAttribute('aria-label')).toBe('Reply');
    expect(youtubeAdapter.composerFor(first, document)).toBeNull();
    first.querySelector('#reply-dialog')!.innerHTML =
      '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox>';
    expect(youtubeAdapter.composerFor(first, document)?.id).toBe('contenteditable-root');
  });

  it('relates replies to their thread by nesting: more wrappers around threads and comments change no verdict', () => {
    const url = loadPage('youtube/watch.html', WATCH);
    const before = judgeAll(youtubeAdapter, url, 'brightloop');
    loadPage('youtube/watch.html', WATCH);
    expect(wrapEach('ytd-comment-thread-renderer')).toBe(4);
    expect(wrapEach(youtubeAdapter.itemSelector)).toBe(7);
    expect(judgeAll(youtubeAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ relevant: true, kind: 'comment', ownerReplied: true }));
    const reply = document.querySelector('#replies ytd-comment-view-model')!;
    expect(youtubeAdapter.relatedItems(reply).map((el) => el.id)).toEqual(['comment']);
  });

  it('relates a reply to its thread top comment and earlier replies', () => {
    loadPage('youtube/watch.html', WATCH);
    const reply = document.querySelector('#replies ytd-comment-view-model')!;
    const related = youtubeAdapter.relatedItems(reply);
    expect(related).toHaveLength(1);
    expect(related[0]?.id).toBe('comment');
  });
});

describe('YouTube adapter on markup it does not know', () => {
  it('finds no items and does not throw', () => {
    document.body.innerHTML = `
      <ytd-comment-thread-renderer><ytd-comment-view-model id="comment"><a id="author-text" href="/channel/UC1">x</a></ytd-comment-view-model></ytd-comment-thread-renderer>
      <ytd-comment-view-model><a id="author-text" href="/@someone">@someone</a><span id="published-time-text"><a href="/watch?v=Qm7tLp2vX9c">no id</a></span></ytd-comment-view-model>
      <ytd-comment-renderer></ytd-comment-renderer>`;
    const url = new URL(WATCH);
    expect(() => scanPage(youtubeAdapter, url, 'brightloop')).not.toThrow();
    expect(scanPage(youtubeAdapter, url, 'brightloop')).toEqual([]);
  });
});

describe('YouTube adapter in Studio’s comments inbox', () => {
  const INBOX = 'https://studio.youtube.com/channel/UCbrightloop/comments/inbox';

  it('takes every top comment as one on the owner’s videos; the owner’s reply answers it', () => {
    expect(youtubeAdapter.scansPage(new URL(INBOX))).toBe(true);
    const url = loadPage('youtube/studio-inbox.html', INBOX);
    const items = scanPage(youtubeAdapter, url, 'brightloop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied, i.url])).toEqual([
      ['lenamakes', 'comment', true, 'https://www.youtube.com/watch?v=Qm7tLp2vX9c&lc=UgxStudio01AaABAg'],
      ['samir_dev', 'comment', false, 'https://www.youtube.com/watch?v=Qm7tLp2vX9c&lc=UgxStudio02AaABAg'],
      ['noor.paints', 'comment', false, 'https://www.youtube.com/watch?v=Rt3kLp9zXw2&lc=UgxStudio03AaABAg'],
    ]);
    // Without the owner's handle nothing is judged, as on watch pages.
    expect(scanPage(youtubeAdapter, url, null)).toEqual([]);
  });

  it('relates replies to their thread by nesting there too, whatever wraps them', () => {
    const url = loadPage('youtube/studio-inbox.html', INBOX);
    const before = judgeAll(youtubeAdapter, url, 'brightloop');
    loadPage('youtube/studio-inbox.html', INBOX);
    expect(wrapEach('ytcp-comment-thread')).toBe(3);
    expect(wrapEach(youtubeAdapter.itemSelector)).toBe(4);
    expect(judgeAll(youtubeAdapter, url, 'brightloop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ relevant: true, kind: 'comment', ownerReplied: true }));
  });

  it('finds the Reply control; the textarea is the thread’s once opened', () => {
    loadPage('youtube/studio-inbox.html', INBOX);
    const samir = Array.from(document.querySelectorAll('ytcp-comment'))[2]!;
    expect(youtubeAdapter.replyButton(samir)?.id).toBe('reply-button');
    expect(youtubeAdapter.composerFor(samir, document)).toBeNull();
  });
});

describe('YouTube adapter on a long thread', () => {
  /** The owner's comment (the fixture's third thread) with `count` replies: every tenth by the owner. */
  function longThread(count: number): { url: URL; replies: Element[] } {
    const url = loadPage('youtube/watch.html', WATCH);
    const template = document.querySelector('a[href*="lc=UgxOwn003AaABAg.9zReply02"]')!.closest('ytd-comment-view-model')!;
    const into = template.parentElement!;
    template.remove();
    repeat(template, into, count, (html, n) => html
      .replaceAll('9zReply02', `9zR${n}x`)
      .replaceAll('samir_dev', n % 10 === 9 ? 'brightloop' : `viewer${n}`));
    return { url, replies: Array.from(into.querySelectorAll(':scope > ytd-comment-view-model')) };
  }

  it('a reply by someone else changes no earlier reply for the owner; the owner’s answers those since their last', () => {
    const { url, replies } = longThread(25);
    const top = replies[0]!.closest('ytd-comment-thread-renderer')!.querySelector('ytd-comment-view-model')!;
    const page = { url, memo: new Map<string, unknown>(), facts: new Map<string, unknown>(), batch: {}, owner: 'brightloop' };
    expect(youtubeAdapter.relatedItems(replies[12]!, page)).toEqual([top]);
    // Replies 10 to 18 wait on the owner's 20th (the 10th, at 9, was the owner's answer before).
    expect(youtubeAdapter.relatedItems(replies[19]!, page)).toEqual([top, ...replies.slice(10, 19)]);
    expect(youtubeAdapter.relatedItems(replies[9]!, page)).toEqual([top, ...replies.slice(0, 9)]);
    // Not knowing the owner, every reply before may be answered by it.
    expect(youtubeAdapter.relatedItems(replies[12]!, { url, memo: new Map() })).toEqual([top, ...replies.slice(0, 12)]);
    // The owner answered at 9 and 19: the replies after the last wait, the others were answered.
    for (const told of [false, true]) {
      const judged = scanPage(youtubeAdapter, url, '@brightloop', told).filter((i) => i.kind === 'reply');
      expect(judged.map((i) => i.author.handle)).toEqual(replies.flatMap((_, n) => (n % 10 === 9 ? [] : [`viewer${n}`])));
      expect(judged.map((i) => i.ownerReplied)).toEqual(judged.map((i) => Number(i.author.handle.slice(6)) < 19));
    }
  });

  it('reads a thread of thousands of replies in linear work: twice the replies, about twice the work', () => {
    const cost = (count: number) => {
      const { url, replies } = longThread(count);
      expect(replies).toHaveLength(count);
      return scanCost(youtubeAdapter, url, document, 'brightloop');
    };
    expectLinear(cost, 1000);
  }, 120_000); // building and reading 3,000 comments in happy-dom takes seconds: work is counted, not timed
});
