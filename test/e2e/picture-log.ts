/**
 * The log behind the README's and the store's pictures: what a small brand's week looks like (a
 * few dozen comments on six sites, some answered within hours, a question and a complaint among
 * them), with its handles set and its saved replies. Names and text are invented. Written straight
 * into the extension's IndexedDB from one of its pages, as test/bench/popup-seed.ts does; the page
 * function takes plain data and closes over nothing (page.evaluate).
 */

/** Sites the pictures' user works on; the others are turned off. */
export const PICTURE_SITES = ['x', 'youtube', 'instagram', 'linkedin', 'reddit', 'bluesky'];

/** In an extension page: writes the comments, handles, sites and saved replies, then has the worker follow. */
export async function seedPictureLog({ sites, off }: { sites: string[]; off: string[] }): Promise<void> {
  const HOUR = 3_600_000;
  const now = Date.now();
  // [site, author, handle, kind, text, hours ago, hours to answer (null: waiting)]
  const rows: [string, string, string, string, string, number, number | null][] = [
    ['youtube', 'Marta Quill', 'martaquill', 'comment', 'Which microphone do you use in this video? The sound is so clean.', 50, null],
    ['x', 'Devon K', 'devon_k', 'reply', 'The contrast on the new buttons is a bit low for me.', 30, null],
    ['instagram', 'Léa Martin', 'lea.martin', 'comment', 'Is the blue one coming back in stock before December?', 26, null],
    ['linkedin', 'Sam Okafor', 'sam-okafor', 'comment', 'Great write-up. Would love to hear how you measured the drop in churn.', 20, null],
    ['reddit', 'quietfox', 'quietfox', 'reply', 'Still waiting for an answer to my email from last week…', 9, null],
    ['x', 'Otto Brandt', 'otto_rants', 'mention', '@brightloop great update! Does it work offline too?', 5, null],
    ['bluesky', 'Mia Rossi', 'miarossi.bsky.social', 'reply', 'Congrats to the whole team, the new editor feels so fast.', 3, null],
    ['youtube', 'Jonas Weber', 'jonasweber', 'comment', 'Could you do a follow-up on colour grading? This was really useful.', 2, null],
    ['instagram', 'Ana Souza', 'ana.souza', 'comment', 'Where can I buy this in Lisbon?', 1, null],
  ];
  const answered: [string, string, number, number][] = [
    ['x', 'Lina Park', 60, 1], ['x', 'Priya N', 40, 2], ['youtube', 'Tom Becker', 70, 3], ['youtube', 'Chloé R', 30, 0.5],
    ['instagram', 'Noah Kim', 80, 4], ['linkedin', 'Ruth Adler', 100, 6], ['reddit', 'bytewise', 45, 2],
    ['bluesky', 'Kai L', 25, 1], ['x', 'Mo Haddad', 90, 0.3], ['youtube', 'Eva Sund', 120, 5],
    ['instagram', 'Iris Bell', 140, 2], ['x', 'Ben Ode', 150, 1.5],
  ];
  const HOSTS: Record<string, string> = {
    x: 'x.com', youtube: 'www.youtube.com', instagram: 'www.instagram.com',
    linkedin: 'www.linkedin.com', reddit: 'www.reddit.com', bluesky: 'bsky.app',
  };
  type Row = [site: string, name: string, handle: string, kind: string, text: string, ago: number, took: number | null];
  const item = (n: number, ...[site, name, handle, kind, text, ago, took]: Row) => {
    const seen = now - ago * HOUR;
    const answeredAt = took === null ? null : seen + took * HOUR;
    return {
      key: `${site}:${9_000 + n}`,
      site,
      id: String(9_000 + n),
      kind,
      author: { name, handle },
      text,
      url: `https://${HOSTS[site]}/p/${9_000 + n}`,
      thread: `picture-${n}`,
      createdAt: seen - 10 * 60_000,
      firstSeenAt: seen,
      lastSeenAt: now - HOUR,
      sortAt: seen - 10 * 60_000,
      status: took === null ? 'pending' : 'answered',
      answeredAt,
      answeredVia: took === null ? null : 'manual',
      snoozeUntil: null,
      statusAt: answeredAt ?? seen,
    };
  };
  const items = [
    ...rows.map((r, n) => item(n, ...r)),
    ...answered.map(([site, name, ago, took], n) =>
      item(100 + n, site, name, name.toLowerCase().replace(/\W+/g, ''), 'comment', 'Thanks, that helped!', ago, took)),
  ];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('replyline');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('items', 'readwrite');
  for (const it of items) tx.objectStore('items').put(it);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  const send = async (type: string, payload: unknown) => {
    const reply = (await chrome.runtime.sendMessage({ type, payload })) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  };
  await send('data/imported', { hostsBefore: [] });
  await send('settings/setSites', { disabledSites: off });
  for (const site of sites) await send('settings/setOwner', { site, handle: site === 'linkedin' ? 'bright-loop' : 'brightloop' });
  const replies = [
    ['Thanks', 'Thank you, {first_name}! Glad it helped.', 'ty'],
    ['Stock question', 'Hi {first_name}, the blue one is back on the 4th: we will post the link here.', 'stock'],
    ['Sorry about that', 'Sorry about that, {first_name}. Could you send us a message with your order number? We will sort it out today.', 'sorry'],
  ];
  for (const [title, body, shortcut] of replies) {
    await send('snippets/save', { id: null, title, body, tags: [], shortcut });
  }
}
