/**
 * Assignment in a team (issue 16) against a real CouchDB-protocol server (PouchDB Server, started
 * and stopped here): two Chromium profiles as two members, ana (A) and leo (B), on one X conversation.
 * A assigns a comment to B from a badge's menu; B finds it under "Mine" in the popup, first in the
 * waiting list, and unassigns it there; A's log then has it unassigned.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { key, openConversation, storedItems, twoMembers, WAIT } from './team-members';
import { MEMBERS, TEAM_DB, type TeamServer } from './team-server';

let server: TeamServer;
let a: Session;
let b: Session;
/** The text of comment 4 of the conversation (test/fixtures). */
const FOURTH = 'The contrast on buttons looks a bit low for me.';

twoMembers(true, (team) => ({ server, a, b } = team));

/** The member's popup once its "Mine" button says `count` (the popup opened again until it does). */
async function popupWithMine(session: Session, count: number): Promise<Page> {
  const popup = await session.extensionPage('popup');
  await expect.poll(async () => {
    await popup.reload();
    return popup.locator('button.mine-toggle').textContent({ timeout: 5_000 }).catch(() => null);
  }, { timeout: 60_000 }).toBe(`Mine (${count})`);
  return popup;
}

/** A session cookie of `name` on the team's server. */
async function cookieOf(name: 'ana' | 'leo'): Promise<string> {
  const response = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: MEMBERS[name] }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('assignment in Chromium', () => {
  // First in the file: nobody has assigned anything yet, so ana's menu offers leo from _security alone.
  it('A assigns a comment to B from a badge\'s menu; B\'s "Mine" lists it first; B unassigns it, A sees it unassigned', async () => {
    const pageA = await openConversation(a);
    await openConversation(b);
    await pageA.locator(`[data-replyline-key="${key(4)}"] button.badge`).click();
    await pageA.getByRole('group', { name: 'Assign to' }).getByRole('menuitem', { name: 'leo' }).click();
    await expect.poll(async () => (await storedItems(a, [key(4)]))[key(4)]?.assignee, WAIT).toBe('leo');

    const popup = await popupWithMine(b, 1);
    // Waiting, mine first: comment 4 heads the list although others came before it.
    await expect.poll(() => popup.locator('li.item p.excerpt').first().textContent(), WAIT).toBe(FOURTH);
    await popup.locator('button.mine-toggle').click();
    await expect.poll(() => popup.locator('li.item').count(), WAIT).toBe(1);
    const row = popup.locator('li.item', { hasText: FOURTH });
    await row.getByText('Assigned to leo').waitFor(WAIT);
    await row.getByRole('button', { name: 'Assign…' }).click();
    await row.getByRole('button', { name: 'Unassign' }).click();
    await popup.getByText('Unassigned: ').waitFor(WAIT);
    await expect.poll(() => popup.locator('li.item').count(), WAIT).toBe(0);
    await popup.close();

    const assigneeOnA = async () => (await storedItems(a, [key(4)]))[key(4)]?.assignee;
    await expect.poll(assigneeOnA, { timeout: 60_000 }).toBeUndefined();
    const popupA = await popupWithMine(a, 0);
    await popupA.getByRole('button', { name: /^Filters/ }).click();
    await popupA.selectOption('select[name=assigned]', 'none');
    await popupA.locator('li.item', { hasText: FOURTH }).waitFor(WAIT);
    await popupA.close();
  }, 240_000);
});

describe('the team\'s server', () => {
  it('refuses an assignment in another member\'s name and takes one in the member\'s own', async () => {
    const cookie = await cookieOf('leo');
    const put = (id: string, actor: string) => fetch(`${server.url}/${TEAM_DB}/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'Cookie': cookie },
      body: JSON.stringify({ assign: { to: 'leo', at: 1, actor } }),
    });
    expect((await put('assign:x:forged', 'ana')).status).toBe(403);
    expect((await put('assign:x:own', 'leo')).status).toBe(201);
  }, 60_000);

  it('lets a member read the database\'s members (_security), which "Assign to…" offers', async () => {
    const cookie = await cookieOf('ana');
    const security = await fetch(`${server.url}/${TEAM_DB}/_security`, { headers: { Cookie: cookie } });
    expect(security.status).toBe(200);
    const body = (await security.json()) as { members: { names: string[] } };
    expect(body.members.names).toEqual(expect.arrayContaining(['ana', 'leo']));
  }, 60_000);
});
