/**
 * The team's reply library and handles (issue 16) against a real CouchDB-protocol server (PouchDB
 * Server, started and stopped here): two Chromium profiles as two members, ana (A) and leo (B).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from './harness';
import { openConversation, twoMembers, WAIT } from './team-members';
import { TEAM_DB, type TeamServer } from './team-server';

let server: TeamServer;
let a: Session;
let b: Session;
const TITLE = 'Shipping (team)';

twoMembers(true, (team) => ({ server, a, b } = team));

const teamRow = (options: Page) => options.locator('.snippet-list li[data-team="true"]', { hasText: TITLE });

/** The member's Options page once it lists the team reply with `body` (replicated, then listed again). */
async function optionsListing(session: Session, body: string): Promise<Page> {
  const options = await session.extensionPage('options');
  await expect.poll(async () => {
    await options.reload();
    return teamRow(options).locator('p.body').textContent({ timeout: 5_000 }).catch(() => null);
  }, { timeout: 60_000 }).toBe(body);
  return options;
}

async function editTeamReply(session: Session, body: string): Promise<void> {
  const options = await session.extensionPage('options');
  await teamRow(options).getByRole('button', { name: `Edit ${TITLE}` }).click();
  await options.getByText('A team reply: what you change here changes for every member.').waitFor();
  await options.fill('textarea[name=body]', body);
  await options.getByRole('button', { name: 'Save changes' }).click();
  await options.getByRole('status').filter({ hasText: `Saved “${TITLE}”` }).waitFor();
  await options.close();
}

/** Team replies on the server, as its admin reads them, with any conflicts left. */
async function serverReplies(): Promise<{ id: string; body: string | null; actor: string; conflicts: number }[]> {
  const response = await server.admin(`${TEAM_DB}/_all_docs?include_docs=true&conflicts=true&startkey="reply:"&endkey="reply:\uffff"`);
  type Row = { id: string; doc: { reply: { text: { body: string } | null; actor: string }; _conflicts?: string[] } };
  const rows = ((await response.json()) as { rows: Row[] }).rows;
  return rows.map((row) => ({
    id: row.id,
    body: row.doc.reply.text?.body ?? null,
    actor: row.doc.reply.actor,
    conflicts: row.doc._conflicts?.length ?? 0,
  }));
}

describe('the team\'s replies and handles in Chromium', () => {
  it('puts a team reply added by A in B\'s picker, marked Team', async () => {
    const options = await a.extensionPage('options');
    await options.fill('input[name=title]', TITLE);
    await options.fill('textarea[name=body]', 'Orders ship within 2 days.');
    await options.getByLabel('Add to the team\'s replies (every member can use and edit it)').check();
    await options.click('button[type=submit].primary');
    await options.getByRole('status').filter({ hasText: `Saved “${TITLE}”` }).waitFor();
    await teamRow(options).getByText('last edited by ana').waitFor();
    await options.close();

    (await optionsListing(b, 'Orders ship within 2 days.')).close();
    // Its comments badged first, so the reply box is known to answer Devon's (as in picker.test.ts).
    const page = await openConversation(b);
    await page.locator('article', { hasText: 'The contrast on buttons' }).locator('[data-testid="reply"]').click();
    await page.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]').waitFor();
    await page.keyboard.type(';;ship');
    const option = page.locator('[data-replyline-picker] [role=option]');
    await expect.poll(() => option.allInnerTexts(), WAIT).toEqual([expect.stringMatching(/^Team\s*Shipping \(team\)/)]);
    await page.keyboard.press('Enter');
    type Fixture = { __xFixture: { text(): string } };
    const draft = () => page.evaluate(() => (window as unknown as Fixture).__xFixture.text());
    await expect.poll(draft).toBe('Orders ship within 2 days.');
    // B's use counts on the team's document, under B's name. The page stays open until then: the use
    // is told once the editor is seen holding the reply, which may come after the text shows.
    await expect.poll(async () => {
      const range = 'startkey="reply:"&endkey="reply:\uffff"';
      const response = await server.admin(`${TEAM_DB}/_all_docs?include_docs=true&${range}`);
      type Row = { doc: { uses: Record<string, number> } };
      return ((await response.json()) as { rows: Row[] }).rows.map((row) => row.doc.uses);
    }, WAIT).toEqual([{ leo: 1 }]);
    await page.close();
  }, 180_000);

  it('converges on the later edit when A and B edited it while the server was down, no conflict left', async () => {
    await server.stop();
    await editTeamReply(a, 'Orders ship within 2 days (ana).');
    await editTeamReply(b, 'Orders ship within 3 days (leo).');
    await server.start();
    const [pageA, pageB] = await Promise.all([
      optionsListing(a, 'Orders ship within 3 days (leo).'),
      optionsListing(b, 'Orders ship within 3 days (leo).'),
    ]);
    await teamRow(pageA).getByText('last edited by leo').waitFor();
    await Promise.all([pageA.close(), pageB.close()]);
    await expect.poll(serverReplies, { timeout: 60_000 }).toEqual([
      { id: expect.stringMatching(/^reply:/), body: 'Orders ship within 3 days (leo).', actor: 'leo', conflicts: 0 },
    ]);
  }, 180_000);

  it('uses the handle A set for the team in B, and says the handles are the team\'s', async () => {
    const options = await a.extensionPage('options');
    await options.getByText('Your team shares these handles: a handle saved here is saved for every member.').waitFor();
    await options.fill('#handle-youtube', '@BrightLoopTV');
    await options.locator('#handle-youtube').press('Enter');
    await options.locator('#handle-youtube-hint').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
    const other = await b.extensionPage('options');
    await expect.poll(async () => {
      await other.reload();
      return other.locator('#handle-youtube').inputValue({ timeout: 5_000 }).catch(() => null);
    }, { timeout: 60_000 }).toBe('BrightLoopTV');
    await other.close();
  }, 180_000);

  it('deletes a team reply for everyone', async () => {
    const options = await b.extensionPage('options');
    options.once('dialog', (dialog) => void dialog.accept());
    await teamRow(options).getByRole('button', { name: `Delete ${TITLE}` }).click();
    await teamRow(options).waitFor({ state: 'detached', ...WAIT });
    await options.close();
    const other = await a.extensionPage('options');
    await expect.poll(async () => {
      await other.reload();
      // Listed: A's only reply was the team's.
      await other.getByText('No saved replies yet: add your first one above.').waitFor({ timeout: 5_000 }).catch(() => null);
      return teamRow(other).count();
    }, { timeout: 60_000 }).toBe(0);
    await other.close();
    await expect.poll(serverReplies, WAIT).toEqual([expect.objectContaining({ body: null, actor: 'leo', conflicts: 0 })]);
  }, 180_000);

  it('refuses a team reply or a handle written in another member\'s name (the design document)', async () => {
    const options = await b.extensionPage('options');
    const forged = await options.evaluate(
      async ([url, db]) => {
        const put = async (id: string, body: object) => {
          const response = await fetch(`${url}/${db}/${encodeURIComponent(id)}`, {
            method: 'PUT',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          return [response.status, ((await response.json()) as { reason?: string }).reason];
        };
        const text = { title: 'Forged', body: 'Said in her name.', tags: [], shortcut: '' };
        return [
          await put('reply:forged', { reply: { text, at: Date.now(), actor: 'ana' }, uses: {}, lastUsedAt: null, createdAt: 1 }),
          await put('settings:handle:x', { handle: { handle: 'not_ours', at: Date.now(), actor: 'ana' } }),
          await put('reply:own', { reply: { text, at: Date.now(), actor: 'leo' }, uses: {}, lastUsedAt: null, createdAt: 1 }),
        ];
      },
      [server.url, TEAM_DB] as const,
    );
    expect(forged).toEqual([
      [403, 'A member acts in their own name only.'],
      [403, 'A member acts in their own name only.'],
      [201, undefined],
    ]);
    await options.close();
  }, 180_000);
});
