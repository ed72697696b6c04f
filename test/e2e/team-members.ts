/** Two browser profiles as two members of one team (issue 16), driven as their users would. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { allowHost, badges, launch, type Session } from './harness';
import { MEMBERS, startTeamServer, TEAM_DB, type TeamServer } from './team-server';

/** How long a teammate's action may take to show (replication, then the log, then the page). */
export const WAIT = { timeout: 30_000 };

export interface TwoMembers {
  server: TeamServer;
  /** ana's browser. */
  a: Session;
  /** leo's browser. */
  b: Session;
}

/**
 * For a test file: a team server and two Chromium profiles allowed to reach it, started before its
 * tests and closed after them; `joined`: ana and leo joined the team already. `take` receives them.
 */
export function twoMembers(joined: boolean, take: (team: TwoMembers) => void): void {
  let team: Partial<TwoMembers> = {};
  beforeAll(async () => {
    const server = await startTeamServer();
    const [a, b] = await Promise.all([launch(), launch()]);
    team = { server, a, b };
    for (const session of [a, b]) await allowHost(session, 'http://127.0.0.1/*');
    if (joined) {
      await join(a, server, 'ana');
      await join(b, server, 'leo');
    }
    take({ server, a, b });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([team.a?.close(), team.b?.close()]);
    await team.server?.close();
  });
}

export const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
export const key = (n: number) => `x:19500000000000000${String(n).padStart(2, '0')}`;

export async function teamSection(session: Session): Promise<Page> {
  const options = await session.extensionPage('options');
  await options.locator('section[aria-labelledby=team-title]').waitFor();
  return options;
}

/** Fills Options → Team and presses a button; returns the page, for what it then says. */
export async function fillTeam(
  session: Session,
  server: TeamServer,
  name: string,
  password: string,
  button: 'Test connection' | 'Join',
  db = TEAM_DB,
): Promise<Page> {
  const options = await teamSection(session);
  await options.fill('#team-server', server.url);
  await options.fill('#team-db', db);
  await options.fill('#team-name', name);
  await options.fill('#team-password', password);
  await options.getByRole('button', { name: button, exact: true }).click();
  return options;
}

export async function join(session: Session, server: TeamServer, name: keyof typeof MEMBERS): Promise<void> {
  const options = await fillTeam(session, server, name, MEMBERS[name], 'Join');
  await options.getByText(`Joined: this browser now shares its log with ${TEAM_DB}.`).waitFor({ timeout: 30_000 });
  await options.close();
}

type Stored = Record<string, { status: string; by?: string; assignee?: string } | null>;

/** Items of the log as an extension page of the session reads them (the worker may have been stopped). */
export async function storedItems(session: Session, keys: string[]): Promise<Stored> {
  const page = await session.extensionPage('options');
  const read: Stored = await page.evaluate(
    (wanted) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('replyline');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('items').objectStore('items');
          const out: Record<string, unknown> = {};
          let left = wanted.length;
          for (const k of wanted) {
            const get = store.get(k);
            get.onsuccess = () => {
              const item = get.result as { status: string; by?: string; assignee?: string } | undefined;
              out[k] = item ? { status: item.status, by: item.by, assignee: item.assignee } : null;
              if (--left === 0) {
                open.result.close();
                done(out as Stored);
              }
            };
          }
        };
      }),
    keys,
  );
  await page.close();
  return read;
}

export async function openConversation(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(CONVERSATION);
  await expect.poll(() => badges(page), { timeout: 20_000 }).toHaveLength(5);
  return page;
}

const AFTER = { 'Mark answered': 'answered', 'Dismiss': 'dismissed', 'Reopen': 'pending' } as const;

export async function badgeMenu(page: Page, n: number, item: keyof typeof AFTER): Promise<void> {
  await page.locator(`[data-replyline-key="${key(n)}"] button.badge`).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect.poll(() => statusOf(page, n)).toBe(AFTER[item]);
}

/** The toolbar's count, read from an extension page (the worker's handle goes stale once it is stopped). */
export async function toolbarCount(session: Session): Promise<string> {
  const page = await session.extensionPage('options');
  const text = await page.evaluate(() => chrome.action.getBadgeText({}));
  await page.close();
  return text;
}

export const statusOf = (page: Page, n: number) =>
  page.locator(`[data-replyline-key="${key(n)}"]`).getAttribute('data-replyline-status', { timeout: 5_000 });

/** The team's documents on the server, as its admin reads them, with any conflicts left. */
type ServerDoc = { id: string; state: { action: string; actor: string }; conflicts: number };

export async function serverDocs(server: TeamServer): Promise<ServerDoc[]> {
  const response = await server.admin(`${TEAM_DB}/_all_docs?include_docs=true&conflicts=true`);
  type Row = { id: string; doc: { state: ServerDoc['state']; _conflicts?: string[] } };
  const body = (await response.json()) as { rows: Row[] };
  return body.rows
    .filter((row) => row.id.startsWith('item:'))
    .map((row) => ({ id: row.id, state: row.doc.state, conflicts: row.doc._conflicts?.length ?? 0 }));
}
