import { describe, expect, it } from 'vitest';
import {
  applyImport,
  type Backup,
  backupSizeProblem,
  jsonDepth,
  makeBackup,
  MAX_BACKUP_BYTES,
  MAX_FILE_BYTES,
  MAX_DATE_MS,
  type ParseOptions,
  parseBackup,
  utf8Bytes,
} from '../../src/core/backup';
import { DEFAULT_SETTINGS, type Item, type Snippet } from '../../src/core/types';
import { adapterFor } from '../../src/sites/registry';
import { logged } from './items';

const NOW = Date.parse('2026-11-02T00:00:00Z');
const DAY = 86_400_000;
const options: ParseOptions = { selectorNames: (site) => Object.keys(adapterFor(site).defaultSelectors), now: NOW };
const parse = (text: string) => parseBackup(text, options);

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
    const parsed = parse(text);
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
      JSON.stringify({ ...makeBackup(stored, new Date(NOW)), items: [{ ...item('1'), status: 'lost' }] }),
      /item 1 \(x:1\) is not in the expected form/,
    ],
    [
      'an item whose key does not match',
      JSON.stringify({ ...makeBackup(stored, new Date(NOW)), items: [{ ...item('1'), key: 'x:2' }] }),
      /item 1/,
    ],
    [
      'a duplicate saved reply',
      JSON.stringify({ ...makeBackup(stored, new Date(NOW)), snippets: [snippet('a'), snippet('a')] }),
      /appears twice/,
    ],
    [
      'an unknown site in the handles',
      JSON.stringify({ ...makeBackup(stored, new Date(NOW)), settings: { accounts: { myspace: {} } } }),
      /myspace/,
    ],
  ];
  it.each(broken)('refuses %s, saying why', (_name, text, why) => {
    const parsed = parse(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^This file cannot be imported: /);
      expect(parsed.error).toMatch(why);
    }
  });
});

describe('a strict format', () => {
  const base = () => JSON.parse(JSON.stringify(makeBackup(stored, new Date(NOW))));
  const refusal = (file: unknown) => {
    const parsed = parse(typeof file === 'string' ? file : JSON.stringify(file));
    return parsed.ok ? 'accepted' : parsed.error.replace('This file cannot be imported: ', '');
  };

  it.each([0, -1, 1.5, 1e308, '1', null])('refuses format version %s', (version) => {
    expect(refusal({ ...base(), version })).toMatch(/format version|newer version/);
  });

  it('reads the one version there is, and says a newer one needs an update', () => {
    expect(refusal({ ...base(), version: 1 })).toBe('accepted');
    expect(refusal({ ...base(), version: 2 })).toBe('it was made by a newer version of Replyline: update Replyline first.');
  });

  it.each([
    ['firstSeenAt', 1e308],
    ['firstSeenAt', -1e308],
    ['lastSeenAt', -1],
    ['statusAt', NOW + 2 * DAY],
    ['sortAt', 1e300],
    ['createdAt', -5],
    ['answeredAt', Number.MAX_VALUE],
  ])('refuses an item whose %s is %s', (field, value) => {
    const file = base();
    file.items[1][field] = value;
    expect(refusal(file)).toBe(`item 2 (x:2) has an impossible time in “${field}”.`);
  });

  it('refuses a number JSON reads as Infinity (1e400)', () => {
    const text = JSON.stringify(base()).replace('"sortAt":1000', '"sortAt":1e400');
    expect(text).toContain('1e400');
    expect(refusal(text)).toBe('item 1 (x:1) is not in the expected form.');
  });

  it('takes times up to a day ahead (another clock), and a snooze as far as a date goes', () => {
    const file = base();
    file.items[0].lastSeenAt = NOW + DAY;
    Object.assign(file.items[1], { status: 'snoozed', snoozeUntil: MAX_DATE_MS, answeredAt: null, answeredVia: null });
    expect(refusal(file)).toBe('accepted');
    file.items[1].snoozeUntil = MAX_DATE_MS + 1;
    expect(refusal(file)).toMatch(/impossible time in “snoozeUntil”/);
  });

  it('refuses saved replies with impossible times or counts', () => {
    for (const [field, value] of [['createdAt', -1], ['updatedAt', 1e308], ['lastUsedAt', NOW + 2 * DAY]] as const) {
      const file = base();
      file.snippets[0][field] = value;
      expect(refusal(file)).toBe(`saved reply 1 (Title a) has an impossible time in “${field}”.`);
    }
    for (const uses of [-1, 1.5, 1e308]) {
      const file = base();
      file.snippets[0].uses = uses;
      expect(refusal(file)).toBe('saved reply 1 (Title a) is not in the expected form.');
    }
  });

  it('a snoozed item needs its time to wake, and only a snoozed one has one', () => {
    const file = base();
    Object.assign(file.items[0], { status: 'snoozed', snoozeUntil: null });
    expect(refusal(file)).toBe('item 1 (x:1) is snoozed without a time to wake, or has a time to wake without being snoozed.');
    Object.assign(file.items[0], { status: 'pending', snoozeUntil: NOW + DAY });
    expect(refusal(file)).toMatch(/^item 1 \(x:1\) is snoozed without a time to wake/);
  });

  it('leaves unknown fields out, counts them, and keeps only fresh records of known fields', () => {
    const text = JSON.stringify(base())
      .replace('{"key":"x:1",', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"key":"x:1",')
      .replace('"handle":"devon_k"', '"handle":"devon_k","prototype":1')
      .replace('{"id":"a",', '{"id":"a","deep":[[[[[[[[[[1]]]]]]]]]],')
      .replace('"accounts":{"x":{"detected":"brightloop"', '"accounts":{"x":{"__proto__":null,"detected":"brightloop"')
      .replace('"mastodonHosts":[]', '"mastodonHosts":[],"theme":"dark"')
      .replace('{"format"', '{"comment":"made by hand","format"');
    const parsed = parse(text);
    expect(parsed).toMatchObject({ ok: true, summary: { dropped: 7 } });
    if (!parsed.ok) return;
    const { items, snippets, settings } = parsed.backup;
    expect({ items, snippets, settings }).toEqual(stored);
    const first = items[0]!;
    expect(Object.keys(first).sort()).toEqual(Object.keys(stored.items[0]!).sort());
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(Object.hasOwn(first, '__proto__') || Object.hasOwn(first, 'constructor')).toBe(false);
    expect(Object.keys(first.author)).toEqual(['name', 'handle']);
    expect(Object.keys(settings.accounts.x!)).toEqual(['detected', 'manual']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parse(JSON.stringify(base()))).toMatchObject({ summary: { dropped: 0 } });
  });

  it('takes selector overrides only by the names of the site\'s own table', () => {
    const withOverrides = (overrides: unknown) => {
      const file = base();
      return { ...file, settings: { ...file.settings, selectorOverrides: overrides } };
    };
    expect(refusal(withOverrides({ x: { tweet: 'article.post' } }))).toBe('accepted');
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'bogus']) {
      const text = JSON.stringify(withOverrides({ x: { tweet: 'article.post' } })).replace('"tweet"', JSON.stringify(name));
      expect(refusal(text), name).toBe(`“${name}” is not one of the X selectors.`);
    }
    expect(refusal(withOverrides({ x: { tweet: '' } }))).toBe('the selector overrides are not in the expected form.');
    expect(refusal(withOverrides({ x: ['article'] }))).toBe('the selector overrides are not in the expected form.');
    const proto = JSON.stringify(withOverrides({}))
      .replace('"selectorOverrides":{}', '"selectorOverrides":{"__proto__":{"tweet":"a"}}');
    expect(refusal(proto)).toBe('“__proto__” is not a site Replyline knows.');
  });

  it('refuses prototype names and unknown sites as handles', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'myspace']) {
      const text = JSON.stringify(base()).replace('"accounts":{"x"', `"accounts":{${JSON.stringify(key)}`);
      expect(refusal(text), key).toBe(`“${key}” is not a site Replyline knows.`);
    }
  });

  it('checks the picker settings and the export date, and takes missing settings as their defaults', () => {
    const settings = base().settings;
    expect(refusal({ ...base(), settings: { ...settings, trigger: 'abc' } })).toBe('the picker settings are not in the expected form.');
    expect(refusal({ ...base(), settings: { ...settings, trigger: null } })).toBe('the picker settings are not in the expected form.');
    expect(refusal({ ...base(), settings: { ...settings, pickerShortcut: 'S' } })).toBe('the picker settings are not in the expected form.');
    expect(refusal({ ...base(), settings: { accounts: {} } })).toBe('accepted');
    for (const exportedAt of [undefined, '', 'yesterday', 42, new Date(NOW + 2 * DAY).toISOString(), '1969-12-31T00:00:00Z']) {
      expect(refusal({ ...base(), exportedAt }), String(exportedAt)).toBe('its export date is missing or impossible.');
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
    const parsed = parse(text);
    expect(parsed).toEqual({ ok: false, reason: 'backupLarger', error: 'This file cannot be imported: it is larger than 50 MB.' });
  });

  it('sizes a file the page streams by its bytes before it is read: up to 1 GiB', () => {
    expect(backupSizeProblem(MAX_BACKUP_BYTES + 1)).toBeNull();
    expect(backupSizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(backupSizeProblem(MAX_FILE_BYTES + 1)).toBe('This file cannot be imported: it is larger than 1 GB.');
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
    const parsed = parse('['.repeat(MAX_BACKUP_BYTES));
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
