import { describe, expect, it } from 'vitest';
import { makeBackup, type ParseOptions, parseBackup } from '../../src/core/backup';
import { exportReminderDue, exportLogFrom, REMIND_AFTER_MS } from '../../src/core/backup-reminder';
import { Refusal } from '../../src/core/backup-read';
import { BackupStream } from '../../src/core/backup-stream';
import { backupHead, backupTail, itemsPiece } from '../../src/core/backup-write';
import { parseCsvRows } from '../../src/core/csv';
import { LOG_CSV_COLUMNS, logCsvHead, logCsvRows } from '../../src/core/csv-log';
import { DEFAULT_SETTINGS, type Item, type Snippet } from '../../src/core/types';
import { adapterFor } from '../../src/sites/registry';
import { logged } from './items';

const NOW = Date.parse('2026-11-02T00:00:00Z');
const options: ParseOptions = { selectorNames: (site) => Object.keys(adapterFor(site).defaultSelectors), now: NOW };

const items: Item[] = Array.from({ length: 25 }, (_, n) =>
  logged(String(n + 1), {
    text: n % 3 === 0 ? `=HYPERLINK("x") "quoted" {braces} [brackets] \\ back\nslash ${'é'.repeat(n)} 😀` : `comment ${n}`,
    ...(n % 4 === 0 ? { status: 'answered', answeredAt: 3000, answeredVia: 'snippet', statusAt: 3000 } : {}),
  }),
);
const snippets: Snippet[] = [
  { id: 'a', title: 'Thanks', body: 'Thanks {first_name}!', tags: ['t'], shortcut: '', uses: 2, lastUsedAt: null, createdAt: 1, updatedAt: 1 },
];
const settings = { ...DEFAULT_SETTINGS, accounts: { x: { detected: 'brightloop', manual: null } } };
const stored = { items, snippets, settings };
const exportedAt = new Date('2026-11-01T10:00:00Z');

/** The backup as the page writes it: its head, the items in pages of `page`, its tail. */
function written(page: number): string {
  let text = backupHead(exportedAt.toISOString());
  for (let i = 0; i < items.length; i += page) text += itemsPiece(items.slice(i, i + page), i === 0);
  return text + backupTail(snippets, settings);
}

/** Reads a text in pieces of the given sizes, cycling. */
function readInPieces(text: string, sizes: number[]) {
  const seen: Item[] = [];
  const stream = new BackupStream({ ...options, item: (i) => seen.push(i) });
  for (let at = 0, n = 0; at < text.length; n++) {
    const size = sizes[n % sizes.length]!;
    stream.push(text.slice(at, at + size));
    at += size;
  }
  return { read: stream.end(), seen };
}

describe('the streamed backup', () => {
  it('is written page by page as the very text of the whole backup (old files and new read the same)', () => {
    const whole = JSON.stringify(makeBackup(stored, exportedAt));
    for (const page of [1, 7, 25, 1000]) expect(written(page)).toBe(whole);
    const empty = backupHead(exportedAt.toISOString()) + itemsPiece([], true) + backupTail([], settings);
    expect(empty).toBe(JSON.stringify(makeBackup({ items: [], snippets: [], settings }, exportedAt)));
  });

  it('reads the same records in pieces of any size, split anywhere (inside strings, escapes, surrogates)', () => {
    const text = written(10);
    const whole = parseBackup(text, options);
    expect(whole.ok).toBe(true);
    for (const sizes of [[1], [2, 3], [7], [64], [1000, 1]]) {
      const { read, seen } = readInPieces(text, sizes);
      expect(seen).toEqual(items);
      expect(read.settings).toEqual(settings);
      expect(read.summary).toEqual(whole.ok && whole.summary);
    }
  });

  it('reads a file with whitespace between its tokens, fields in another order', () => {
    const pretty = JSON.stringify({ settings, snippets, items, exportedAt, version: 1, format: 'replyline-backup' }, null, 2);
    const { read, seen } = readInPieces(pretty, [5]);
    expect(seen).toEqual(items);
    expect(read.summary.items).toBe(items.length);
  });

  it('says the first problem as parseBackup does, whatever the piece size', () => {
    const text = written(5);
    const cases: [string, string][] = [
      [text.slice(0, text.length - 40), 'backupNotJson'],
      [text.replace('"status":"pending"', '"status":"forgotten"'), 'backupBadItem'],
      [text.replace('"version":1', '"version":2'), 'backupNewer'],
      [`${text}x`, 'backupNotJson'],
      [text.replace('"key":"x:2"', '"key":"x:1"').replace('"id":"2"', '"id":"1"'), 'backupItemTwice'],
      ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', 'backupTooDeep'],
      ['"a string"', 'backupNotOurs'],
      ['', 'backupNotJson'],
      // A record's problem before the head: the head's is said, as parseBackup reads the head first.
      [JSON.stringify({ items: [{ bad: 1 }], snippets: [], format: 'replyline-backup' }), 'backupNoVersion'],
      [text.replace(`"text":"comment 1"`, `"text":"${'a'.repeat(1 << 20)}"`), 'backupBadItem'],
    ];
    for (const [bad, reason] of cases) {
      const whole = parseBackup(bad, options);
      expect(whole.ok ? 'ok' : whole.reason, reason).toBe(reason);
      let thrown: unknown;
      try {
        readInPieces(bad, [3, 11]);
      }
      catch (error) {
        thrown = error;
      }
      expect(thrown instanceof Refusal && thrown.reason, reason).toBe(reason);
    }
  });
});

describe('the log as CSV', () => {
  it('has a row a comment, its cells read back as written, formulas kept as text', () => {
    const parsed = parseCsvRows(logCsvHead() + logCsvRows(items.slice(0, 2)) + logCsvRows(items.slice(2)));
    if (!('rows' in parsed)) throw new Error('not CSV');
    const [header, ...rows] = parsed.rows;
    expect(header).toEqual([...LOG_CSV_COLUMNS]);
    expect(rows).toHaveLength(items.length);
    const first = rows[0]!;
    expect(first[0]).toBe('X');
    expect(first[3]).toBe(`'${items[0]!.text}`);
    expect(first.slice(5)).toEqual(['answered', new Date(items[0]!.firstSeenAt).toISOString(), new Date(3000).toISOString(), 'snippet']);
    expect(rows[1]!.slice(3)).toEqual(['comment 1', items[1]!.url, 'pending', new Date(items[1]!.firstSeenAt).toISOString(), '', '']);
  });
});

describe('the export reminder', () => {
  const DAY = 86_400_000;
  it('is due past 30 days without an export, for a log of more than 300 comments, and comes back 30 days after it is put away', () => {
    const none = exportLogFrom(undefined);
    expect(exportReminderDue(none, 300, NOW)).toBe(false);
    expect(exportReminderDue(none, 301, NOW)).toBe(true);
    expect(exportReminderDue({ lastExportAt: NOW - 29 * DAY, dismissedAt: null }, 5000, NOW)).toBe(false);
    expect(exportReminderDue({ lastExportAt: NOW - REMIND_AFTER_MS - 1, dismissedAt: null }, 5000, NOW)).toBe(true);
    expect(exportReminderDue({ lastExportAt: NOW - 90 * DAY, dismissedAt: NOW - DAY }, 5000, NOW)).toBe(false);
    expect(exportReminderDue({ lastExportAt: null, dismissedAt: NOW - 31 * DAY }, 5000, NOW)).toBe(true);
    expect(exportLogFrom({ lastExportAt: 'soon', dismissedAt: 5 })).toEqual({ lastExportAt: null, dismissedAt: 5 });
  });
});
