import { describe, expect, it } from 'vitest';
import { mentionedHandles, parseHandleInput, sameHandle } from '../../src/core/handles';
import { judgeEntry, type PageEntry } from '../../src/core/relevance';

const entry = (over: Partial<PageEntry> = {}): PageEntry => ({
  id: '1',
  author: { name: 'Devon', handle: 'devon_k' },
  text: 'Nice post',
  url: 'https://x.com/devon_k/status/1',
  thread: '0',
  createdAt: null,
  parentAuthor: null,
  parentIsPost: false,
  repliedBy: [],
  onMentionsPage: false,
  ...over,
});

describe('judgeEntry', () => {
  it('a comment by someone else on the owner post is a pending comment', () => {
    const verdict = judgeEntry('x', entry({ parentAuthor: 'BrightLoop', parentIsPost: true }), 'brightloop');
    expect(verdict).toMatchObject({ relevant: true, item: { kind: 'comment', ownerReplied: false } });
  });

  it('a reply to the owner comment is a reply; the owner reply under it answers it', () => {
    const verdict = judgeEntry(
      'x',
      entry({ parentAuthor: 'brightloop', repliedBy: ['x', '@BrightLoop'] }),
      'brightloop',
    );
    expect(verdict).toMatchObject({ relevant: true, item: { kind: 'reply', ownerReplied: true } });
  });

  it('a mention anywhere, or anything on the mentions page, is a mention', () => {
    expect(judgeEntry('x', entry({ text: 'hey @brightloop look' }), 'brightloop')).toMatchObject({
      item: { kind: 'mention' },
    });
    expect(judgeEntry('x', entry({ onMentionsPage: true }), 'brightloop')).toMatchObject({
      item: { kind: 'mention' },
    });
  });

  it('the owner own words are never items, and nothing is judged without an owner', () => {
    expect(judgeEntry('x', entry({ author: { name: 'B', handle: '@brightloop' } }), 'brightloop')).toEqual({
      relevant: false,
      reason: 'by-owner',
    });
    expect(judgeEntry('x', entry({ parentAuthor: 'brightloop' }), null)).toEqual({
      relevant: false,
      reason: 'no-owner',
    });
  });

  it('conversations among others are not addressed to the owner', () => {
    expect(
      judgeEntry(
        'x',
        entry({ parentAuthor: 'lina_park', text: 'email brightloop@example.com' }),
        'brightloop',
      ),
    ).toEqual({ relevant: false, reason: 'not-addressed' });
  });
});

describe('handles', () => {
  it('finds mentions but not e-mail addresses', () => {
    expect(mentionedHandles('@Ana and @bob.smith, mail x@y.com. @ana again')).toEqual(['ana', 'bob.smith']);
  });

  it('compares without @ and case, and validates what a user types', () => {
    expect(sameHandle('@Ana', 'ana')).toBe(true);
    expect(sameHandle(null, 'ana')).toBe(false);
    expect(parseHandleInput('  @bright_loop ')).toBe('bright_loop');
    expect(parseHandleInput('two words')).toBeNull();
    expect(parseHandleInput('<script>')).toBeNull();
  });
});
