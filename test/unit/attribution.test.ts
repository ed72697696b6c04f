import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { createService } from '../../src/background/service';
import { NO_TEAM, OFF } from '../../src/background/team-port';
import { answeredWarning, attributionOf, attributionText } from '../../src/core/attribution';
import type { TeamItem } from '../../src/core/team-doc';
import type { ItemStatus } from '../../src/core/types';
import { badgeText } from '../../src/content/badge-look';
import type { Attributions } from '../../src/shared/protocol';
import { scanned } from './items';
import { quietEffects } from './quiet-effects';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;

function item(over: Partial<TeamItem> = {}): TeamItem {
  return {
    key: 'x:10', site: 'x', id: '10', kind: 'comment', author: { name: 'Marta Quill', handle: 'marta_codes' },
    text: 'Does it follow the system setting?', url: 'https://x.com/marta_codes/status/10', thread: '1',
    createdAt: NOW - 60 * MIN, firstSeenAt: NOW - 60 * MIN, lastSeenAt: NOW - 60 * MIN, sortAt: NOW - 60 * MIN,
    status: 'pending', answeredAt: null, answeredVia: null, snoozeUntil: null, statusAt: NOW - 60 * MIN,
    ...over,
  };
}

describe('who of the team set a status, in words', () => {
  it('names the teammate and when for an answer, the teammate for a dismissal, and the end of a snooze', () => {
    const answered = item({ status: 'answered', answeredAt: NOW - 5 * MIN, answeredVia: 'manual', statusAt: NOW - 5 * MIN, by: 'ana' });
    expect(attributionOf(answered)).toEqual({ by: 'ana', at: NOW - 5 * MIN, until: null });
    expect(attributionText('answered', attributionOf(answered)!, NOW)).toBe('Answered by ana · 5m ago');
    const dismissed = item({ status: 'dismissed', statusAt: NOW - MIN, by: 'leo' });
    expect(attributionText('dismissed', attributionOf(dismissed)!, NOW)).toBe('Dismissed by leo');
    const until = NOW + 2 * 24 * 60 * MIN;
    const snoozed = item({ status: 'snoozed', snoozeUntil: until, statusAt: NOW, by: 'ana' });
    const weekday = new Date(until).toLocaleString(undefined, { weekday: 'long' });
    expect(attributionText('snoozed', attributionOf(snoozed)!, NOW)).toMatch(new RegExp(`^Snoozed by ana until ${weekday}`));
  });

  it('says nothing more for this browser’s own status, or a waiting comment', () => {
    expect(attributionOf(item({ status: 'answered', answeredAt: NOW, answeredVia: 'manual' }))).toBeNull();
    expect(attributionOf(item({ status: 'pending', by: 'ana' }))).toBeNull();
  });

  it('gives a badge’s accessible name and tooltip the teammate, and keeps the own wording otherwise', () => {
    const by = { by: 'ana', at: NOW - 3 * MIN, until: null };
    const text = badgeText('answered', 'Marta Quill', by, NOW);
    expect(text.word).toBe('Answered');
    expect(text.name).toBe('Answered: Marta Quill. Answered by ana · 3m ago.');
    expect(text.title).toBe('Replyline: Answered by ana · 3m ago. Click to reopen it.');
    expect(badgeText('answered', 'Marta Quill')).toEqual({
      word: 'Answered',
      name: 'Answered: Marta Quill',
      title: 'Replyline: you answered this comment. Click to reopen it.',
    });
  });

  it('warns before answering twice: a teammate’s answer by name, one’s own as before', () => {
    const mine = item({ status: 'answered', answeredAt: NOW - 3 * MIN, answeredVia: 'manual' });
    expect(answeredWarning(mine, NOW)).toBe('You already answered Marta Quill 3m ago.');
    expect(answeredWarning({ ...mine, by: 'ana' }, NOW)).toBe('ana answered this 3m ago.');
    expect(answeredWarning(item(), NOW)).toBeNull();
    expect(answeredWarning(null, NOW)).toBeNull();
  });

  it('a team action of this browser’s own member coming back is not attributed', () => {
    const dismissed = item({ status: 'dismissed', statusAt: NOW - MIN, by: 'leo' });
    expect(attributionOf(dismissed, 'leo')).toBeNull();
    expect(attributionOf(dismissed, 'ana')).toEqual({ by: 'leo', at: NOW - MIN, until: null });
  });
});

describe('the status messages to pages carry who set them', () => {
  let db: ReplylineDb;
  let told: { statuses: Record<string, ItemStatus>; by: Attributions }[];
  let service: ReturnType<typeof createService>;
  const ctx = { sender: {}, tabId: 1 };

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openReplylineDb();
    told = [];
    service = createService(db, quietEffects({
      now: () => NOW,
      broadcastStatuses: (statuses, by) => void told.push({ statuses, by }),
    }));
  });

  it('a report answers with the teammate of a status; the user’s own action afterwards is theirs', async () => {
    const h = service.handlers;
    await h['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    await service.settled();
    const stored = (await db.get('items', 'x:10'))!;
    await db.put('items', { ...stored, status: 'dismissed', statusAt: NOW - MIN, by: 'leo' } as TeamItem);

    const report = await h['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    expect(report.by).toEqual({ 'x:10': { by: 'leo', at: NOW - MIN, until: null } });

    told.length = 0;
    const reopened = await h['items/act']({ key: 'x:10', action: 'reopen' }, ctx);
    await h['items/act']({ key: 'x:10', action: 'answer' }, ctx);
    await service.settled();
    expect(reopened && 'by' in reopened).toBe(false);
    expect(told.at(-1)).toEqual({ statuses: { 'x:10': 'answered' }, by: {} });
    expect((await db.get('items', 'x:10')) as TeamItem).not.toHaveProperty('by');
  });

  it('leaves out this browser\'s own member: its action as it came back from the team is its own', async () => {
    const team = { ...NO_TEAM, status: async () => ({ ...OFF, team: { server: 'http://127.0.0.1:5984', db: 'brand', name: 'leo' } }) };
    const withTeam = createService(db, quietEffects({ now: () => NOW }), () => team);
    const h = withTeam.handlers;
    await h['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    await withTeam.settled();
    for (const [key, by] of [['x:10', 'leo'], ['x:11', 'ana']] as const) {
      const stored = (await db.get('items', key))!;
      await db.put('items', { ...stored, status: 'dismissed', statusAt: NOW - MIN, by } as TeamItem);
    }
    const report = await h['items/report']({ site: 'x', items: [scanned('10'), scanned('11')] }, ctx);
    expect(report.by).toEqual({ 'x:11': { by: 'ana', at: NOW - MIN, until: null } });
    expect(await h['items/get']({ key: 'x:10' }, ctx)).not.toHaveProperty('by');
    expect(await h['items/get']({ key: 'x:11' }, ctx)).toHaveProperty('by', 'ana');
  });
});
