/**
 * Comment documents of the team's database as a member's browser writes them (src/core/team-doc.ts:
 * `item:<key>`, facts and state), written with the server's `_bulk_docs` under the member's own
 * `_session`, so the design document checks them as it checks a browser's. For the team e2e and the
 * team sync bench (test/bench/team-sync.mjs).
 */
import type { TeamItemDoc } from '../../src/core/team-doc';
import { MEMBERS, TEAM_DB, type TeamServer } from './team-server';

/** A member's session cookie, as their browser gets it from CouchDB's `_session`. */
export async function sessionCookie(server: TeamServer, name: keyof typeof MEMBERS): Promise<string> {
  const response = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: MEMBERS[name] }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`_session for ${name}: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** The log key of the n-th seeded comment (X ids far from the fixtures'). */
export const seededKey = (n: number) => `x:${1800000000000000000n + BigInt(n)}`;

/** Comments `from`…`from + count - 1` that a member saw: 7 in 10 waiting, 2 answered, 1 dismissed by them. */
export function seedDocs(from: number, count: number, actor: string, now: number): TeamItemDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const id = seededKey(n).slice(2);
    const at = now - (count - i) * 60_000;
    const action = n % 10 < 7 ? 'none' : n % 10 < 9 ? 'answer' : 'dismiss';
    return {
      _id: `item:${seededKey(n)}`,
      facts: {
        site: 'x',
        id,
        kind: 'reply',
        author: { name: `Customer ${n}`, handle: `customer${n}` },
        text: `Comment number ${n} about the order that has not arrived yet.`,
        url: `https://x.com/customer${n}/status/${id}`,
        thread: 'https://x.com/brightloop/status/1800000000000000000',
        createdAt: at,
      },
      state: action === 'none' ? { action, at: 0, actor: '', until: null } : { action, at, actor, until: null },
    };
  });
}

/** The status a seeded comment has in every member's log. */
export const seededStatus = (n: number) => (n % 10 < 7 ? 'pending' : n % 10 < 9 ? 'answered' : 'dismissed');

/** Writes `count` seeded comments as `name`, 1,000 a request, as a member's browser would. */
export async function seedAs(server: TeamServer, name: keyof typeof MEMBERS, count: number): Promise<void> {
  const cookie = await sessionCookie(server, name);
  const now = Date.now();
  for (let from = 0; from < count; from += 1_000) {
    const response = await fetch(`${server.url}/${TEAM_DB}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Cookie': cookie },
      body: JSON.stringify({ docs: seedDocs(from, Math.min(1_000, count - from), name, now) }),
    });
    const results = (await response.json()) as { error?: string }[] | { error?: string };
    const refused = Array.isArray(results) ? results.filter((r) => r.error) : [results];
    if (!response.ok || refused.length > 0) throw new Error(`_bulk_docs: ${response.status} ${JSON.stringify(refused[0])}`);
  }
}
