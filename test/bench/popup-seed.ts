/**
 * Big logs for the popup's scale test and bench, written the fast way: straight into the
 * extension's IndexedDB from one of its pages (the same database and schema the worker uses), in
 * one transaction, then the worker is told as after an import (`data/imported`), so that it reads
 * the log again. The page function takes plain data and closes over nothing (page.evaluate).
 */

export interface SeedOptions {
  /** How many comments to write, and the number of the first (several calls grow one log). */
  count: number;
  first?: number;
  /** Of every 10: how many wait (the others are answered, dismissed or snoozed in turn). */
  waitingOfTen?: number;
  /** A few very long names, handles, words and texts (what the rows must hold). */
  hard?: boolean;
}

/** In an extension page: writes the comments, then has the worker follow. Resolves with the time the writing took. */
export async function seedInPage(options: SeedOptions): Promise<number> {
  const { count, first = 0, waitingOfTen = 10, hard = true } = options;
  const started = performance.now();
  const SITES = ['x', 'youtube', 'reddit', 'bluesky', 'facebook', 'linkedin'];
  const NAMES = ['Devon K', 'Lina Park', 'Otto Brandt', 'Léa Martin', 'Sam Okafor', 'Mia Rossi', 'Jonas Weber', 'Ana Souza'];
  const TEXTS = [
    'Does the new version work offline?',
    'Love the update, thanks for listening!',
    'The app is broken since yesterday, I want a refund.',
    'Any plans for a dark mode? Asking for my eyes.',
    'Great video. The part about contrast was really useful.\nCould you share the settings?',
    'Still waiting for an answer to my email from last week…',
    'Where can I buy the blue one?',
    'Congrats to the whole team, well done!',
  ];
  const long = (n: number) => `Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen${n}`.repeat(4);
  const HOUR = 3_600_000;
  const now = Date.now();
  const item = (n: number) => {
    // Blocks of 7 neighbours on one site: the first 4 in one conversation, the other 3 alone.
    const block = Math.floor(n / 7);
    const site = SITES[block % SITES.length]!;
    const id = String(1_000_000_000 + n);
    const status = n % 10 < waitingOfTen ? 'pending' : (['answered', 'dismissed', 'snoozed'] as const)[n % 3]!;
    const veryLong = hard && n % 97 === 3;
    const name = veryLong ? long(n).slice(0, 200) : NAMES[n % NAMES.length]!;
    const text = veryLong
      ? `${long(n)} ${TEXTS[n % TEXTS.length]!.repeat(30)}`.slice(0, 2000)
      : `${TEXTS[n % TEXTS.length]!} (#${n})`;
    const sortAt = now - 24 * HOUR - n * 60_000;
    return {
      key: `${site}:${id}`,
      site,
      id,
      kind: (['comment', 'reply', 'mention'] as const)[n % 3]!,
      author: { name, handle: veryLong ? long(n).slice(0, 120).toLowerCase() : name.toLowerCase().replace(/\W+/g, '_') },
      text,
      url: `https://${site === 'x' ? 'x.com' : `www.${site}.com`}/p/${id}`,
      thread: n % 7 < 4 ? `t${block}` : `t${block}-${n}`,
      createdAt: sortAt,
      firstSeenAt: sortAt + 60_000,
      lastSeenAt: now - HOUR,
      sortAt,
      status,
      answeredAt: status === 'answered' ? sortAt + 2 * HOUR : null,
      answeredVia: status === 'answered' ? 'manual' : null,
      snoozeUntil: status === 'snoozed' ? now + 48 * HOUR + n : null,
      statusAt: status === 'pending' ? sortAt + 60_000 : sortAt + 2 * HOUR,
    };
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('replyline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('items', 'readwrite');
  const store = tx.objectStore('items');
  for (let n = first; n < first + count; n++) store.put(item(n));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  const written = performance.now() - started;
  // What an import in Options does next: the worker follows the new log.
  const reply = (await chrome.runtime.sendMessage({ type: 'data/imported', payload: { hostsBefore: [] } })) as { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(`data/imported: ${reply.error}`);
  return written;
}
