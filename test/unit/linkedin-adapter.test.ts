// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseAge } from '../../src/core/page-time';
import { linkedinAdapter } from '../../src/sites/linkedin';
import { loadPage, scanPage } from '../helpers';
import { judgeAll, wrapEach } from './drift';
import { expectLinear, readCopies, repeat } from './scan-cost';

const POST = 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/';

describe.each([
  ['newer structure (SDUI, TipTap)', 'linkedin/post-v2.html'],
  ['older structure (Ember, Quill)', 'linkedin/post-v1.html'],
])('LinkedIn adapter, %s', (_name, file) => {
  it('reads the member from their own comments (“• You”) and expects comments where the post counts some', () => {
    const url = loadPage(file, POST);
    expect(linkedinAdapter.detectOwner(document)).toBe('bright-loop');
    expect(linkedinAdapter.expectsItems(url, document)).toBe(true);
  });

  it('reads a comment: id, author, text, age, permalink, thread', () => {
    const url = loadPage(file, POST);
    const tom = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector))[2]!;
    const entry = linkedinAdapter.readEntry(tom, { url, memo: new Map() });
    expect(entry).toMatchObject({
      id: '7400000000000000001_7400000000000000201',
      author: { name: 'Tom Becker', handle: 'tom-becker' },
      text: 'Does it integrate with Slack?',
      url: 'https://www.linkedin.com/feed/update/urn:li:activity:7400000000000000001/?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(7400000000000000201%2Curn%3Ali%3Aactivity%3A7400000000000000001)',
      thread: 'activity:7400000000000000001',
      parentAuthor: 'bright-loop',
      parentIsPost: true,
      repliedBy: [],
    });
    expect(Date.now() - entry!.createdAt!).toBeGreaterThanOrEqual(3 * 3_600_000 - 1000);
  });

  it('finds comments on the member’s post and replies to their comments; their own reply answers', () => {
    const url = loadPage(file, POST);
    const items = scanPage(linkedinAdapter, url, 'bright-loop');
    expect(items.map((i) => [i.author.handle, i.kind, i.ownerReplied])).toEqual([
      ['ana-souza', 'comment', true],
      ['tom-becker', 'comment', false],
      ['lea-vogt', 'reply', false],
    ]);
  });

  it('relates replies to their comments by nesting: more wrappers around each comment change no verdict', () => {
    const url = loadPage(file, POST);
    const before = judgeAll(linkedinAdapter, url, 'bright-loop');
    loadPage(file, POST);
    expect(wrapEach(linkedinAdapter.itemSelector)).toBe(5);
    expect(judgeAll(linkedinAdapter, url, 'bright-loop')).toEqual(before);
    expect(before).toContainEqual(expect.objectContaining({ relevant: true, kind: 'comment', ownerReplied: true }));
  });

  it('relates a reply listed after its comment, not nested in it, to the last comment before it', () => {
    const url = loadPage(file, POST);
    const before = judgeAll(linkedinAdapter, url, 'bright-loop');
    const [ana, anaReply, , , lea] = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector));
    for (const reply of Array.from(document.querySelectorAll(linkedinAdapter.itemSelector)).reverse()) {
      const comment = reply.parentElement!.closest(linkedinAdapter.itemSelector);
      if (comment) comment.after(reply);
    }
    expect(anaReply!.parentElement!.closest(linkedinAdapter.itemSelector)).toBeNull();
    expect(judgeAll(linkedinAdapter, url, 'bright-loop')).toEqual(before);
    expect(linkedinAdapter.relatedItems(anaReply!)).toEqual([ana]);
    expect(linkedinAdapter.relatedItems(lea!)).toHaveLength(1);
  });

  it('relates a long post in linear work: twice the comments and replies, about twice the work', () => {
    const cost = (count: number) => {
      const url = loadPage(file, POST);
      const list = document.querySelector(linkedinAdapter.itemSelector)!.parentElement!;
      // Every other copy lists each reply after its comment instead of inside it.
      const flat = list.cloneNode(true) as Element;
      for (const reply of Array.from(flat.querySelectorAll(linkedinAdapter.itemSelector)).reverse()) {
        reply.parentElement!.closest(linkedinAdapter.itemSelector)?.after(reply);
      }
      repeat(list, list.parentElement!, count, (html, n) => (n % 2 ? flat.outerHTML : html)
        .replace(/,7400000000000000(\d{3})\)/gu, (_, at: string) => `,75${String(n).padStart(14, '0')}${at})`)
        .replace(/\/in\/(ana-souza|tom-becker|lea-vogt)\//gu, (_, who: string) => `/in/${who}-${n}/`));
      // Every copy is read, each reply related to its comment.
      return readCopies(linkedinAdapter, url, 'bright-loop', count + 1, { found: 3, answered: 1, replies: 1 });
    };
    expectLinear(cost, 500);
  }, 120_000); // building and reading 7,500 comments in happy-dom takes seconds: work is counted, not timed

  it('finds each comment’s Reply button; the reply box is not there until it is clicked', () => {
    loadPage(file, POST);
    const [ana, , tom] = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector));
    expect(linkedinAdapter.replyButton(tom!)?.textContent).toBe('Reply');
    expect(linkedinAdapter.replyButton(ana!)).not.toBe(linkedinAdapter.replyButton(tom!));
    expect(linkedinAdapter.composerFor(tom!, document)).toBeNull();
  });
});

describe('LinkedIn adapter', () => {
  it('leaves unknown markup alone', () => {
    const url = loadPage('linkedin/post-v2.html', POST);
    const odd = document.createElement('div');
    odd.setAttribute('data-view-name', 'comment-container');
    odd.setAttribute('componentkey', 'replaceableComment_something-else');
    document.body.append(odd);
    expect(linkedinAdapter.readEntry(odd, { url, memo: new Map() })).toBeNull();
  });

  it('reads LinkedIn’s compact ages', () => {
    expect(parseAge('2h', 10_000_000, 'en-US')).toBe(10_000_000 - 7_200_000);
    expect(parseAge('5mo', 0, 'en-US')).toBe(-5 * 2_592_000_000);
    expect(parseAge('Edited', 0, 'en-US')).toBeNull();
  });
});

describe('LinkedIn adapter, a ugcPost in the newer structure', () => {
  const UGC = 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7400000000000000009/';
  const ugc = (comment: string) => `ugcPost:7400000000000000009_${comment}`;

  it('reads ugcPost comment URNs, on the container or on a wrapper around it, and the keyed commentary box', () => {
    const url = loadPage('linkedin/post-v2-ugc.html', UGC);
    const [ana, , tom] = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector));
    expect(linkedinAdapter.readEntry(ana!, { url, memo: new Map() })).toMatchObject({
      id: ugc('7400000000000000101'),
      url: 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7400000000000000009/?dashCommentUrn=urn%3Ali%3Afsd_comment%3A(7400000000000000101%2Curn%3Ali%3AugcPost%3A7400000000000000009)',
      thread: 'ugcPost:7400000000000000009',
      repliedBy: ['bright-loop'],
    });
    expect(linkedinAdapter.readEntry(tom!, { url, memo: new Map() })?.text).toBe('Does it integrate with Slack?');
    expect(scanPage(linkedinAdapter, url, 'bright-loop').map((i) => [i.id, i.kind, i.ownerReplied])).toEqual([
      [ugc('7400000000000000101'), 'comment', true],
      [ugc('7400000000000000201'), 'comment', false],
      [ugc('7400000000000000302'), 'reply', false],
    ]);
  });

  it('never takes the URN of the comment a reply sits in', () => {
    const url = loadPage('linkedin/post-v2-ugc.html', UGC);
    const [ana, reply] = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector));
    reply!.removeAttribute('componentkey');
    expect(linkedinAdapter.readEntry(reply!, { url, memo: new Map() })).toBeNull();
    expect(linkedinAdapter.readEntry(ana!, { url, memo: new Map() })?.id).toBe(ugc('7400000000000000101'));
  });

  it('finds Reply after the comment’s Like where its wording is not English, and the keyed comment box', () => {
    loadPage('linkedin/post-v2-ugc.html', UGC);
    const tom = Array.from(document.querySelectorAll(linkedinAdapter.itemSelector))[2]!;
    const reply = linkedinAdapter.replyButton(tom)!;
    reply.textContent = 'Responder';
    expect(linkedinAdapter.replyButton(tom)).toBe(reply);
    const box = document.createElement('div');
    box.className = 'tiptap ProseMirror';
    box.setAttribute('contenteditable', 'true');
    document.getElementById('main-box')!.append(box);
    expect(box.matches(linkedinAdapter.composerSelector)).toBe(true);
  });
});
