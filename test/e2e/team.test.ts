/**
 * Team sync (issue 16) against a real CouchDB-protocol server (PouchDB Server, started and stopped
 * here): two Chromium profiles as two members, ana (A) and leo (B), on the same X conversation.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addSnippet, countItems, type Session } from './harness';
import { seedAs, seededKey, seededStatus } from './team-seed';
import {
  badgeMenu,
  fillTeam,
  join,
  key,
  openConversation,
  serverDocs,
  statusOf,
  storedItems,
  teamSection,
  toolbarCount,
  twoMembers,
  WAIT,
} from './team-members';
import { MEMBERS, TEAM_DB, type TeamServer } from './team-server';

let server: TeamServer;
let a: Session;
let b: Session;
let pageA: Page;
let pageB: Page;
const SEEDED = 2_000;

twoMembers(false, (team) => ({ server, a, b } = team));

describe('a team in Chromium', () => {
  it('says plainly what is wrong: password, outsider, no database', async () => {
    const wrong = await fillTeam(a, server, 'ana', 'not-her-password', 'Test connection');
    await wrong.getByText('The server refused this name and password.').waitFor(WAIT);
    await wrong.close();
    const outsider = await fillTeam(a, server, 'out', MEMBERS.out, 'Test connection');
    await outsider.getByText(`out is not a member of the database ${TEAM_DB}`).waitFor(WAIT);
    await outsider.close();
    const missing = await fillTeam(a, server, 'ana', MEMBERS.ana, 'Test connection', 'no-such-db');
    await missing.getByText('The server has no database named no-such-db.').waitFor(WAIT);
    await missing.close();
    const ok = await fillTeam(a, server, 'ana', MEMBERS.ana, 'Test connection');
    await ok.getByText(`Signed in as ana; the database ${TEAM_DB} is ready.`).waitFor(WAIT);
    await ok.close();
  }, 180_000);

  it('shows a teammate\'s answer on the other member\'s badge and drops it from their list', async () => {
    await join(a, server, 'ana');
    await join(b, server, 'leo');
    pageA = await openConversation(a);
    pageB = await openConversation(b);
    expect(await statusOf(pageB, 4)).toBe('pending');
    await expect.poll(() => toolbarCount(b), WAIT).toBe('3');
    // leo's popup is open while ana answers: it drops the comment without being opened again.
    const popup = await b.extensionPage('popup');
    const row = popup.getByText('The contrast on buttons looks a bit low for me.');
    await row.waitFor(WAIT);

    await badgeMenu(pageA, 4, 'Mark answered');
    await expect.poll(() => statusOf(pageB, 4), WAIT).toBe('answered');
    expect((await storedItems(b, [key(4)]))[key(4)]).toEqual({ status: 'answered', by: 'ana' });
    // leo's badge says who answered, and when; ana's own keeps the usual wording.
    const badgeB = pageB.locator(`[data-replyline-key="${key(4)}"] button.badge`);
    expect(await badgeB.getAttribute('aria-label')).toMatch(/^Answered: Devon K\. Answered by ana · (just now|1m ago)\.$/);
    expect(await badgeB.getAttribute('title')).toMatch(/^Replyline: Answered by ana · /);
    const badgeA = pageA.locator(`[data-replyline-key="${key(4)}"] button.badge`);
    expect(await badgeA.getAttribute('aria-label')).toBe('Answered: Devon K');
    await expect.poll(() => toolbarCount(b), WAIT).toBe('2');
    await row.waitFor({ state: 'detached', ...WAIT });
    await popup.close();
    // leo's badge menu says so above the saved replies it would answer with.
    await badgeB.click();
    await expect.poll(() => pageB.locator(`[data-replyline-key="${key(4)}"] .warning`).textContent(), WAIT)
      .toMatch(/^ana answered this (just now|1m ago)\.$/);
    await pageB.keyboard.press('Escape');

    // leo's picker, replying to the same comment, warns that ana answered it.
    await addSnippet(b, 'Shipping times', 'Orders ship within 2 days.');
    const replying = await openConversation(b);
    await replying.locator('article', { hasText: 'The contrast on buttons' }).locator('[data-testid="reply"]').click();
    await replying.locator('[aria-labelledby="modal-header"] [data-testid="tweetTextarea_0"]').click();
    await replying.keyboard.type(';;ship');
    await replying.locator('[data-replyline-picker] [role=option]').first().waitFor();
    await replying.keyboard.press('Enter');
    await expect
      .poll(() => replying.locator('[data-replyline-picker] [role=alert]').textContent())
      .toMatch(/^ana answered this (just now|1m ago)\. Press Enter again to insert anyway\.$/);
    await replying.close();
  }, 180_000);

  it('refuses a document written in another member\'s name (the design document)', async () => {
    const options = await teamSection(b);
    const answer = await options.evaluate(
      async ([url, db]) => {
        const response = await fetch(`${url}/${db}/item:x:forged`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ facts: {}, state: { action: 'answer', at: Date.now(), actor: 'ana', until: null } }),
        });
        return { status: response.status, body: await response.json() };
      },
      [server.url, TEAM_DB] as const,
    );
    expect(answer).toEqual({ status: 403, body: { error: 'forbidden', reason: 'A member acts in their own name only.' } });
    await options.close();
  }, 180_000);

  it('converges by the rule after the server was down, with no conflict left', async () => {
    await server.stop();
    // Offline, both act on the same comment (ana first, leo later) and ana on another one.
    await badgeMenu(pageA, 7, 'Dismiss');
    await badgeMenu(pageA, 8, 'Dismiss');
    await badgeMenu(pageB, 7, 'Mark answered');
    await server.start();
    await expect.poll(() => statusOf(pageA, 7), { timeout: 90_000 }).toBe('answered');
    await expect.poll(() => statusOf(pageB, 8), { timeout: 90_000 }).toBe('dismissed');
    expect(await storedItems(a, [key(7), key(8)])).toEqual({
      [key(7)]: { status: 'answered', by: 'leo' },
      [key(8)]: { status: 'dismissed', by: 'ana' },
    });
    expect(await storedItems(b, [key(7), key(8)])).toEqual(await storedItems(a, [key(7), key(8)]));
    // Each badge names the teammate, never one's own member: ana's comment 8 is hers, dismissed by ana for leo.
    const label = (page: Page, n: number) => page.locator(`[data-replyline-key="${key(n)}"] button.badge`).getAttribute('aria-label');
    await expect.poll(() => label(pageA, 7), WAIT).toMatch(/\. Answered by leo · /);
    expect(await label(pageA, 8)).not.toMatch(/ by /);
    await expect.poll(() => label(pageB, 8), WAIT).toMatch(/\. Dismissed by ana\.$/);
    expect(await label(pageB, 7)).not.toMatch(/ by /);
    // Every member resolved the conflict the same way and deleted the losing revision.
    const conflicted = async () => (await serverDocs(server)).filter((d) => d.conflicts > 0);
    await expect.poll(conflicted, { timeout: 60_000 }).toEqual([]);
    const doc7 = (await serverDocs(server)).find((d) => d.id === `item:${key(7)}`);
    expect(doc7?.state).toMatchObject({ action: 'answer', actor: 'leo' });
  }, 180_000);

  it('resumes after the worker is stopped during replication, with nothing doubled', async () => {
    const cdp: CDPSession = await b.context.newCDPSession(pageB);
    await cdp.send('ServiceWorker.enable');
    // A page of the extension that sends the worker nothing (a worker stopped stays stopped): it reads B's log.
    const reader = await b.context.newPage();
    await reader.goto(`chrome-extension://${b.extensionId}/manifest.json`);
    const before = await countItems(reader);
    await badgeMenu(pageA, 8, 'Reopen');
    // 2,000 comments ana's browser wrote at once: B's worker is stopped once part of them are in its log.
    await seedAs(server, 'ana', SEEDED);
    await expect.poll(() => countItems(reader), { timeout: 90_000, interval: 20 }).toBeGreaterThan(before);
    await cdp.send('ServiceWorker.stopAllWorkers');
    const atStop = (await countItems(reader)) - before;
    expect(atStop).toBeGreaterThan(0);
    expect(atStop).toBeLessThan(SEEDED);
    // B's next page of ours wakes its worker, which catches up from its checkpoints.
    const popup = await b.extensionPage('popup');
    await expect.poll(() => countItems(reader), { timeout: 90_000 }).toBe(before + SEEDED);
    const after = async () => (await storedItems(b, [key(8)]))[key(8)];
    await expect.poll(after, WAIT).toEqual({ status: 'pending', by: 'ana' });
    await expect.poll(() => statusOf(pageB, 8), WAIT).toBe('pending');
    await popup.close();
    const sample = [0, 7, 8, 9, 999, 1000, SEEDED - 1];
    const stored = await storedItems(b, sample.map(seededKey));
    for (const n of sample) expect(stored[seededKey(n)]?.status).toBe(seededStatus(n));
    await reader.close();
    const docs = await serverDocs(server);
    const ids = docs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith('item:x:18')).sort()).toEqual([2, 4, 5, 7, 8].map((n) => `item:${key(n)}`));
    expect(ids.length).toBe(5 + SEEDED);
    expect(docs.filter((d) => d.conflicts > 0)).toEqual([]);
  }, 240_000);

  it('leaves the team: the log stays, sharing stops', async () => {
    const options = await teamSection(b);
    await options.getByRole('button', { name: 'Leave the team' }).click();
    await options.getByText('You left the team. Your log stays in this browser.').waitFor(WAIT);
    expect((await storedItems(b, [key(7)]))[key(7)]).toEqual({ status: 'answered', by: 'leo' });
    await options.close();
  });
});
