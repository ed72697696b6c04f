/**
 * Large backups as a busy brand's log makes them (comments of about 300 characters, some 800 bytes
 * each in the file), written to disk a thousand at a time; and a digest of what a profile stores.
 * Used by the large-backup e2e tests and `npm run bench:backup`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const SITES = ['x', 'youtube', 'linkedin', 'instagram', 'reddit', 'bluesky'] as const;
const WORDS = [
  'thanks', 'love', 'this', 'when', 'is', 'the', 'next', 'drop', 'shipping', 'to', 'Berlin', 'größe', 'M', 'café',
  'order', '#4412', 'still', 'waiting', 'for', 'my', 'refund', '🙏', '😍', 'can', 'you', 'DM', 'me', 'please', '"quoted"',
  'colour', 'restock', '¿cuándo?', 'awesome', 'team', '=SUM(A1)', 'link:', 'https://example.com/a?b=c&d', 'new\nline',
];

export interface LogOptions {
  count: number;
  /** The first comment's number: files of other numbers hold other comments. */
  first?: number;
  /** Every comment answered, at a later time than any the base log holds: a merge takes each. */
  answered?: boolean;
  /** The export date written in the file. */
  exportedAt?: string;
}

/** Ids sort as numbers do: a file in key order is exported back byte for byte. */
const id = (n: number) => String(n).padStart(9, '0');
export const keyOf = (n: number) => `${SITES[n % SITES.length]}:${id(n)}`;

/** The comment numbered n, with its fields in the order the log keeps them. */
export function comment(n: number, answered = false): Record<string, unknown> {
  const site = SITES[n % SITES.length]!;
  let text = '';
  for (let w = n; text.length < 290; w = (w * 31 + 7) % 104_729) text += `${WORDS[w % WORDS.length]} `;
  const seen = 1_700_000_000_000 + n * 1000;
  const status = answered ? 'answered' : ['pending', 'answered', 'dismissed'][n % 3]!;
  return {
    key: `${site}:${id(n)}`,
    site,
    id: id(n),
    kind: n % 5 === 0 ? 'mention' : 'comment',
    author: { name: `Follower ${n % 977} Ünïcödé`, handle: `follower_${n % 977}` },
    text: text.trim(),
    url: `https://example.com/${site}/post/${Math.floor(n / 40)}/comment/${id(n)}`,
    thread: `thread-${Math.floor(n / 40)}`,
    createdAt: seen - 60_000,
    firstSeenAt: seen,
    lastSeenAt: seen + 5000,
    sortAt: seen - 60_000,
    status,
    answeredAt: status === 'answered' ? seen + (answered ? 900_000 : 10_000) : null,
    answeredVia: status === 'answered' ? 'snippet' : null,
    snoozeUntil: null,
    statusAt: seen + (answered ? 900_000 : 10_000),
  };
}

const SETTINGS = {
  accounts: { x: { detected: 'brightloop', manual: null } },
  disabledSites: [],
  trigger: ';;',
  pickerShortcut: 'Alt+Shift+S',
  selectorOverrides: {},
  mastodonHosts: [],
};

const snippet = (n: number) => ({
  id: `snippet-${n}`,
  title: `Reply ${n}`,
  body: `Thanks {first_name}! Reply ${n}.`,
  tags: ['thanks'],
  shortcut: `ty${n}`,
  uses: n,
  lastUsedAt: null,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});

/** Writes a backup of `count` comments (in key order) and 5 saved replies to `path`; returns its size in bytes. */
export function writeLog(path: string, options: LogOptions): number {
  const { count, first = 0, answered = false, exportedAt = '2026-11-01T00:00:00.000Z' } = options;
  // Keys sort by site, then number: write each site's comments in turn.
  const numbers = Array.from({ length: count }, (_, i) => first + i).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (text: string) => {
    bytes += writeSync(fd, text);
  };
  try {
    put(`{"format":"replyline-backup","version":1,"exportedAt":${JSON.stringify(exportedAt)},"items":[`);
    for (let i = 0; i < numbers.length; i += 1000) {
      const page = numbers.slice(i, i + 1000).map((n) => JSON.stringify(comment(n, answered)));
      put((i === 0 ? '' : ',') + page.join(','));
    }
    const snippets = Array.from({ length: 5 }, (_, n) => snippet(n));
    put(`],"snippets":${JSON.stringify(snippets)},"settings":${JSON.stringify(SETTINGS)}}`);
  }
  finally {
    closeSync(fd);
  }
  return bytes;
}

/** FNV-1a over a text: the same number in Node and in the browser. */
export function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Every stored item's key with the FNV hash of its JSON text, in key order, read in a page that
 * can open the extension's IndexedDB (a worker or an extension page). Serialised for `evaluate`.
 */
export async function storedDigest(): Promise<[string, number][]> {
  const hash = (text: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open('replyline');
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const out: [string, number][] = [];
  let after: string | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const page = await new Promise<{ key: string }[]>((done, fail) => {
      const request = db.transaction('items').objectStore('items').getAll(range, 5000);
      request.onsuccess = () => done(request.result as { key: string }[]);
      request.onerror = () => fail(request.error);
    });
    if (page.length === 0) break;
    for (const item of page) out.push([item.key, hash(JSON.stringify(item))]);
    after = page.at(-1)!.key;
  }
  db.close();
  return out;
}
