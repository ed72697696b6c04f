import { describe, expect, it } from 'vitest';
import { parseCsvRows, parseSnippetCsv, snippetsToCsv } from '../../src/core/csv';
import { duplicateDraft, sortSnippets } from '../../src/core/snippets';
import type { Snippet } from '../../src/core/types';

const snippet = (id: string, over: Partial<Snippet> = {}): Snippet => ({
  id,
  title: `Reply ${id}`,
  body: `Body ${id}`,
  tags: [],
  shortcut: '',
  uses: 0,
  lastUsedAt: null,
  createdAt: 1000,
  updatedAt: 1000,
  ...over,
});

describe('CSV of saved replies', () => {
  it('round-trips quotes, commas, line breaks, tags, emoji and text a spreadsheet would run as a formula', () => {
    const saved = [
      snippet('a', { title: 'Hours, "open"', body: 'Line one\nLine two 🎉 営業', tags: ['info', 'hours'], shortcut: 'hrs' }),
      snippet('b', { title: '=HYPERLINK("x")', body: '+1 for you\r\n-2', uses: 4, lastUsedAt: Date.UTC(2026, 10, 1) }),
    ];
    const csv = snippetsToCsv(saved);
    expect(csv.startsWith('\uFEFFtitle,body,tags,shortcut,uses,last_used\r\n')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""x"")"');
    expect(csv).toContain('2026-11-01T00:00:00.000Z');
    const back = parseSnippetCsv(csv);
    expect(back).toEqual({
      ok: true,
      drafts: [
        { id: null, title: 'Hours, "open"', body: 'Line one\nLine two 🎉 営業', tags: ['info', 'hours'], shortcut: 'hrs' },
        { id: null, title: '=HYPERLINK("x")', body: '+1 for you\r\n-2', tags: [], shortcut: '' },
      ],
    });
  });

  it('reads other tools\' headers in any order and case, and ignores blank lines', () => {
    const parsed = parseSnippetCsv('TEXT,Name,Keyword,Notes\n"Hello, {first_name}!",Greeting,hi,ignored\n\n\n');
    expect(parsed).toEqual({
      ok: true,
      drafts: [{ id: null, title: 'Greeting', body: 'Hello, {first_name}!', tags: [], shortcut: 'hi' }],
    });
  });

  it('names the problem of a broken file, and gives nothing to import', () => {
    const error = (text: string) => {
      const parsed = parseSnippetCsv(text);
      return parsed.ok ? null : parsed.error;
    };
    expect(error('')).toBe('The file is empty.');
    expect(error('a,b\n1,2')).toMatch(/at least “title” and “body”/);
    expect(error('title,body\n')).toMatch(/no saved replies/);
    expect(error('title,body\n"open,never closed')).toBe('Line 2: a quote is opened and never closed.');
    expect(error('title,body\n"x"y,z')).toBe('Line 2: text after a closing quote.');
    expect(error('title,body\nGood,Fine\nNo text,  ')).toBe('Saved reply 2: The saved reply has no text.');
    expect(error(`title,body\n${'t,b\n'.repeat(2001)}`)).toMatch(/holds 2001 saved replies; at most 2000/);
  });

  it('splits rows as RFC 4180 does', () => {
    expect(parseCsvRows('a,"b\r\nc",""\r\n,d')).toEqual({ rows: [['a', 'b\r\nc', ''], ['', 'd']] });
  });
});

describe('the snippet manager\'s orders and copies', () => {
  const list = [
    snippet('a', { title: 'Bravo', uses: 2, lastUsedAt: 50, createdAt: 3 }),
    snippet('b', { title: 'Alpha', uses: 2, lastUsedAt: 90, createdAt: 1 }),
    snippet('c', { title: 'Charlie', uses: 0, createdAt: 9 }),
  ];
  const titles = (xs: Snippet[]) => xs.map((x) => x.title);

  it('sorts by use, recent use, title and newest', () => {
    expect(titles(sortSnippets(list, 'uses'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(titles(sortSnippets(list, 'recent'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(titles(sortSnippets(list, 'title'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(titles(sortSnippets(list, 'newest'))).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(titles(list)).toEqual(['Bravo', 'Alpha', 'Charlie']);
  });

  it('copies a reply as a new draft without its shortcut', () => {
    const copy = duplicateDraft(snippet('a', { tags: ['x'], shortcut: 'ty' }), (t) => `${t} (copy)`);
    expect(copy).toEqual({ id: null, title: 'Reply a (copy)', body: 'Body a', tags: ['x'], shortcut: '' });
  });
});
