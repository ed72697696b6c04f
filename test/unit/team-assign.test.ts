/**
 * Assignment in a team (issue 16): the register applied to the log's items, and through the
 * background's own handlers over real PouchDB copies (memory adapter) relayed as the server would:
 * an assignment reaches the teammate's "Mine" and "Unassigned" lists, conflicting assignments
 * converge on the rule with no conflict left, and assignees stay out of backups.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb } from '../../src/background/db';
import { exportBackup } from '../../src/background/exporter';
// @ts-expect-error PouchDB's memory adapter comes without types.
import MemoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from '../../src/background/pouch';
import { createService } from '../../src/background/service';
import { createAssigns } from '../../src/background/team-assign';
import { createBridge, type TeamDb, writeLocal } from '../../src/background/team-bridge';
import { NO_TEAM } from '../../src/background/team-port';
import { applyAssign, assignDocId, assignRegister, isAssignBody, keyOfAssignDocId, memberChoices } from '../../src/core/team-assign';
import type { TeamItem } from '../../src/core/team-doc';
import { mergeAssigns, type TeamAssign } from '../../src/core/team-merge';
import { DEFAULT_FILTER } from '../../src/core/triage';
import type { ItemQuery } from '../../src/shared/protocol';
import { logged, scanned } from './items';
import { quietEffects } from './quiet-effects';

describe('the assignment register', () => {
  const item = logged('1') as TeamItem;
  it('is applied to the item as its assignee, and taken off when unassigned', () => {
    const assigned = applyAssign(item, { to: 'leo', at: 5, actor: 'ana' });
    expect(assigned.assignee).toBe('leo');
    expect(applyAssign(assigned, { to: 'leo', at: 9, actor: 'leo' })).toBe(assigned);
    const unassigned = applyAssign(assigned, { to: null, at: 6, actor: 'leo' });
    expect('assignee' in unassigned).toBe(false);
    expect(applyAssign(item, { to: null, at: 6, actor: 'leo' })).toBe(item);
  });

  it('is written never before the one it replaces', () => {
    expect(assignRegister('leo', 'ana', 100, { to: 'ana', at: 500, actor: 'leo' })).toEqual({ to: 'leo', actor: 'ana', at: 501 });
    expect(assignRegister(null, 'ana', 900, null)).toEqual({ to: null, actor: 'ana', at: 900 });
  });

  it('merges the same whatever the order: later wins, then the member name, then the assignee', () => {
    const regs: TeamAssign[] = [
      { to: 'leo', at: 10, actor: 'ana' },
      { to: null, at: 10, actor: 'leo' },
      { to: 'ana', at: 10, actor: 'ana' },
      { to: null, at: 10, actor: 'ana' },
      { to: 'ana', at: 11, actor: 'leo' },
    ];
    for (const a of regs) for (const b of regs) expect(mergeAssigns(a, b)).toEqual(mergeAssigns(b, a));
    expect(mergeAssigns(regs[0]!, regs[1]!)).toBe(regs[0]);
    expect(mergeAssigns(regs[0]!, regs[3]!)).toBe(regs[3]);
    expect(regs.reduce((a, b) => mergeAssigns(a, b)!)).toBe(regs[4]);
    expect(mergeAssigns(null, regs[1]!)).toBe(regs[1]);
  });

  it('reads only documents that are assignments', () => {
    expect(keyOfAssignDocId(assignDocId('x:1'))).toBe('x:1');
    expect(keyOfAssignDocId('item:x:1')).toBeNull();
    expect(isAssignBody({ assign: { to: null, at: 1, actor: 'ana' } })).toBe(true);
    expect(isAssignBody({ assign: { to: '', at: 1, actor: 'ana' } })).toBe(false);
    expect(isAssignBody({ assign: { to: 'leo', at: -1, actor: 'ana' } })).toBe(false);
    expect(isAssignBody({ assign: { to: 'leo', at: 1 } })).toBe(false);
    expect(isAssignBody(null)).toBe(false);
  });

  it('offers each member once, oneself among them, in code-unit order', () => {
    expect(memberChoices(['leo', 'ana', 'leo', ''], 'mia')).toEqual(['ana', 'leo', 'mia']);
  });
});

PouchDB.plugin(MemoryAdapter as PouchDB.Plugin);
let dbs = 0;
const ctx = { sender: {}, tabId: 1 };

async function member(name: string) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openReplylineDb();
  const copy = new PouchDB(`assign-${name}-${++dbs}`, { adapter: 'memory' }) as TeamDb;
  const clock = { now: 1_000_000 };
  let catchUp: () => Promise<void> = async () => undefined;
  const fx = quietEffects({ now: () => clock.now });
  const service = createService(db, fx, (wctx) => {
    const assigns = createAssigns(wctx, () => copy, () => name, () => catchUp());
    const bridge = createBridge(wctx, () => copy, () => name, assigns.resolve);
    catchUp = bridge.catchUp;
    return { ...NO_TEAM, assign: assigns.assign, members: assigns.members };
  });
  await service.handlers['items/report']({ site: 'x', items: [scanned('1'), scanned('2'), scanned('3')] }, ctx);
  return { name, copy, db, clock, service, catchUp: () => catchUp() };
}
type Member = Awaited<ReturnType<typeof member>>;

async function relay(a: Member, b: Member): Promise<void> {
  await a.copy.replicate.to(b.copy);
  await b.copy.replicate.to(a.copy);
  await a.catchUp();
  await b.catchUp();
}

const query = (m: Member, over: Partial<ItemQuery>): ItemQuery =>
  ({ ...DEFAULT_FILTER, grouped: false, me: m.name, ...over });
async function listed(m: Member, over: Partial<ItemQuery> = {}) {
  const page = await m.service.handlers['items/page']({ query: query(m, over), offset: 0, limit: 50 }, ctx);
  return { ids: page.rows.map((r) => (r.type === 'item' ? r.item.id : '')), mine: page.mine };
}
const assign = (m: Member, key: string, to: string | null) => m.service.handlers['items/assign']({ key, to }, ctx);

describe('assignment between two members', () => {
  let ana: Member;
  let leo: Member;
  beforeEach(async () => {
    ana = await member('ana');
    leo = await member('leo');
  });

  it('reaches the assignee\'s "Mine", first in the waiting list, and leaves "Unassigned"', async () => {
    const item = await assign(ana, 'x:2', 'leo');
    expect((item as TeamItem).assignee).toBe('leo');
    await relay(ana, leo);
    expect(await listed(leo, { assigned: 'mine' })).toEqual({ ids: ['2'], mine: 1 });
    expect((await listed(leo)).ids).toEqual(['2', '1', '3']);
    expect((await listed(ana)).ids).toEqual(['1', '2', '3']);
    expect((await listed(ana, { assigned: 'mine' })).ids).toEqual([]);
    expect((await listed(ana, { assigned: 'none' })).ids).toEqual(['1', '3']);
    expect((await listed(leo, { assigned: 'mine', me: undefined })).ids).toEqual([]);

    leo.clock.now += 1_000;
    await assign(leo, 'x:2', null);
    await relay(leo, ana);
    expect((await listed(ana, { assigned: 'none' })).ids).toEqual(['1', '2', '3']);
    expect(await listed(leo, { assigned: 'mine' })).toEqual({ ids: [], mine: 0 });
  });

  it('converges on the rule when both assign at once, with no conflict left', async () => {
    await assign(ana, 'x:1', 'ana');
    await assign(leo, 'x:1', 'leo');
    await relay(ana, leo);
    await relay(ana, leo);
    for (const m of [ana, leo]) {
      // Same ms: "ana" wins over "leo" by name.
      expect(((await m.db.get('items', 'x:1')) as TeamItem).assignee).toBe('ana');
      const doc = await m.copy.get(assignDocId('x:1'), { conflicts: true });
      expect(doc._conflicts ?? []).toEqual([]);
    }
  });

  it('lists the names seen assigning when the members are not readable, oneself always', async () => {
    expect(await ana.service.handlers['team/members']({}, ctx)).toEqual({ me: 'ana', members: ['ana'] });
    await assign(leo, 'x:3', 'mia');
    await relay(leo, ana);
    expect(await ana.service.handlers['team/members']({}, ctx)).toEqual({ me: 'ana', members: ['ana', 'leo', 'mia'] });
    await writeLocal(ana.copy, '_local/replyline-members', { security: ['ana', 'leo'], seen: [] });
    expect((await ana.service.handlers['team/members']({}, ctx)).members).toEqual(['ana', 'leo']);
  });

  it('keeps the assignee and who set a status out of backups', async () => {
    await assign(ana, 'x:1', 'leo');
    await ana.db.put('items', { ...(await ana.db.get('items', 'x:2'))!, by: 'leo' } as TeamItem);
    const control = { signal: new AbortController().signal, progress: () => undefined };
    const backup = await (await exportBackup(ana.db, new Date(), control)).blob.text();
    expect(backup).toContain('comment 1');
    expect(backup).toContain('comment 2');
    expect(backup).not.toContain('assignee');
    expect(backup).not.toContain('"by"');
  });
});
