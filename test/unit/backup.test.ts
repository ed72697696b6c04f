import { describe, expect, it } from 'vitest';
import {
  applyImport,
  type Backup,
  jsonDepth,
  makeBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  utf8Bytes,
} from '../../src/core/backup';
import { DEFAULT_SETTINGS, type Item, type Snippet } from '../../src/core/types';
import { logged } from './items';

const item = (id: string, over: Partial<Item> = {}): Item => logged(id, { createdAt: 1000, sortAt: 1000, ...over });

const snippet = (id: string, over: Partial<Snippet> = {}): Snippet => ({
  id,
  title: `Title ${id}`,
  body: 'Thanks {first_name}!',
  tags: [],
  shortcut: '',
  uses: 0,
  lastUsedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

const stored = {
  items: [item('1'), item('2', { status: 'answered', answeredAt: 3000, answeredVia: 'manual', statusAt: 3000 })],
  snippets: [snippet('a', { uses: 3 })],
  settings: { ...DEFAULT_SETTINGS, accounts: { x: { detected: 'brightloop', manual: null } } },
};

describe('backup files', () => {
  it('round-trips everything through JSON', () => {
    const text = JSON.stringify(makeBackup(stored, new Date('2026-11-01T10:00:00Z')));
    const parsed = parseBackup(text);
    expect(parsed).toMatchObject({
      ok: true,
      summary: { items: 2, pending: 1, snippets: 1, sites: ['x'], exportedAt: '2026-11-01T10:00:00.000Z' },
    });
    if (parsed.ok) {
      const { items, snippets, settings } = parsed.backup;
      expect({ items, snippets, settings }).toEqual(stored);
    }
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{"format": "replyline-backup", ', /not JSON/],
    ['another file', '{"hello": "world"}', /not a Replyline export/],
    ['a newer version', JSON.stringify({ format: 'replyline-backup', version: 99, items: [], snippets: [] }), /newer version/],
    [
      'a bad item',
      JSON.stringify({ ...makeBackup(stored, new Date()), items: [{ ...item('1'), status: 'lost' }] }),
      /item 1 \(x:1\) is not in the expected form/,
    ],
    [
      'an item whose key does not match',
      JSON.stringify({ ...makeBackup(stored, new Date()), items: [{ ...item('1'), key: 'x:2' }] }),
      /item 1/,
    ],
    [
      'a duplicate saved reply',
      JSON.stringify({ ...makeBackup(stored, new Date()), snippets: [snippet('a'), snippet('a')] }),
      /appears twice/,
    ],
    [
      'an unknown site in the handles',
      JSON.stringify({ ...makeBackup(stored, new Date()), settings: { accounts: { myspace: {} } } }),
      /myspace/,
    ],
  ];
  it.each(broken)('refuses %s, saying why', (_name, text, why) => {
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^This file cannot be imported: /);
      expect(parsed.error).toMatch(why);
    }
  });
});

describe('bounds checked before a file is parsed', () => {
  it('counts UTF-8 bytes as an encoder would, lone surrogates included', () => {
    for (const text of ['', 'plain', 'é', 'façade €5', '😀 emoji', '\ud83d alone', 'end \ud83d', '\ude00 low', 'a\u0000b']) {
      expect(utf8Bytes(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('measures the limit in bytes, not characters: 26 million "é" are 52 MB', () => {
    const text = `"${'é'.repeat(26_300_000)}"`;
    expect(text.length).toBeLessThan(MAX_BACKUP_BYTES);
    const parsed = parseBackup(text);
    expect(parsed).toEqual({ ok: false, error: 'This file cannot be imported: it is larger than 50 MB.' });
  });

  it('reads nesting depth in one pass, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a": [1, {"b": "[[[{{{"}]}')).toBe(3);
    const escaped = String.raw`["\\", ["\"[["]]`;
    expect(JSON.parse(escaped)).toEqual(['\\', ['"[[']]);
    expect(jsonDepth(escaped)).toBe(2);
    expect(jsonDepth('[[[[', 2)).toBe(3);
  });

  it('refuses 50 MB of "[" with a plain message, without parsing it', () => {
    const started = performance.now();
    const parsed = parseBackup('['.repeat(MAX_BACKUP_BYTES));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe('This file cannot be imported: its data nests deeper than 32 levels, which no Replyline export does.');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('importing', () => {
  const incoming: Backup = makeBackup(
    {
      items: [
        item('1', { status: 'answered', answeredAt: 5000, answeredVia: 'snippet', statusAt: 5000, firstSeenAt: 500 }),
        item('2', { status: 'pending', statusAt: 2500 }),
        item('3'),
      ],
      snippets: [snippet('a', { title: 'Newer', updatedAt: 9, uses: 1 }), snippet('b')],
      settings: { ...DEFAULT_SETTINGS, trigger: '//', accounts: { x: { detected: 'other', manual: 'typed' } } },
    },
    new Date(),
  );

  it('replace gives exactly the file', () => {
    const next = applyImport(stored, incoming, 'replace');
    expect(next.items.map((i) => i.key)).toEqual(['x:1', 'x:2', 'x:3']);
    expect(next.settings.trigger).toBe('//');
  });

  it('merge keeps both, the most recent status and edit winning, and the handles typed here', () => {
    const next = applyImport(stored, incoming, 'merge');
    const byKey = Object.fromEntries(next.items.map((i) => [i.key, i]));
    expect(byKey['x:1']).toMatchObject({ status: 'answered', answeredVia: 'snippet', firstSeenAt: 500 });
    expect(byKey['x:2']).toMatchObject({ status: 'answered', answeredVia: 'manual' });
    expect(byKey['x:3']).toBeDefined();
    expect(next.snippets.find((s) => s.id === 'a')).toMatchObject({ title: 'Newer', uses: 3 });
    expect(next.snippets).toHaveLength(2);
    expect(next.settings.accounts.x).toEqual({ detected: 'brightloop', manual: 'typed' });
    expect(next.settings.trigger).toBe(';;');
  });
});
