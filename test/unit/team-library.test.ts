/**
 * The team's reply library and handles (issue 16) through the background's own handlers, over real
 * PouchDB copies (its memory adapter: the IndexedDB one does not run on fake-indexeddb): two
 * members' copies replicated with each other as the server would relay them, conflicts and all.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb, type ReplylineDb } from '../../src/background/db';
import { exportBackup } from '../../src/background/exporter';
// @ts-expect-error PouchDB's memory adapter comes without types.
import MemoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from '../../src/background/pouch';
import { createService } from '../../src/background/service';
import { createBridge, type TeamDb } from '../../src/background/team-bridge';
import { createLibrary } from '../../src/background/team-library';
import { afterReady, NO_LIBRARY } from '../../src/background/team-library-port';
import { NO_TEAM } from '../../src/background/team-port';
import type { SnippetDraft } from '../../src/core/types';
import { quietEffects } from './quiet-effects';

interface Member {
  name: string;
  copy: TeamDb;
  db: ReplylineDb;
  clock: { now: number };
  service: ReturnType<typeof createService>;
  /** The bridge's catch-up: the changes feed read, conflicts resolved, handles applied. */
  catchUp: () => Promise<void>;
}

PouchDB.plugin(MemoryAdapter as PouchDB.Plugin);
let dbs = 0;

async function member(name: string, joined = true): Promise<Member> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openReplylineDb();
  const copy = new PouchDB(`team-${name}-${++dbs}`, { adapter: 'memory' }) as TeamDb;
  const clock = { now: 1_000_000 };
  let catchUp: () => Promise<void> = async () => undefined;
  const fx = quietEffects({ now: () => clock.now, newId: () => `${name}-${++dbs}` });
  const service = createService(db, fx, (ctx) => {
    const library = createLibrary(ctx, () => (joined ? copy : null), () => (joined ? name : null));
    const bridge = createBridge(ctx, () => copy, () => name, library.resolve);
    catchUp = bridge.catchUp;
    return { ...NO_TEAM, library: library.port };
  });
  return { name, copy, db, clock, service, catchUp: () => catchUp() };
}

const ctx = { sender: {}, tabId: 1 };
const draft = (body: string, patch: Partial<SnippetDraft> = {}): SnippetDraft =>
  ({ id: null, title: 'Thanks', body, tags: [], shortcut: '', ...patch });
const list = (m: Member) => m.service.handlers['snippets/list']({}, ctx);

/** Both ways, as the server relays each member's revisions to the other. */
async function relay(a: Member, b: Member): Promise<void> {
  await a.copy.replicate.to(b.copy);
  await b.copy.replicate.to(a.copy);
}

let ana: Member;
let leo: Member;

beforeEach(async () => {
  ana = await member('ana');
  leo = await member('leo');
});

describe('team replies beside personal ones', () => {
  it('changes nothing without a team: only personal replies, and none can go to a team', async () => {
    const solo = await member('solo', false);
    await solo.service.handlers['snippets/save'](draft('Mine'), ctx);
    expect((await list(solo)).map((s) => [s.body, s.team])).toEqual([['Mine', undefined]]);
    await expect(solo.service.handlers['snippets/save'](draft('Ours', { toTeam: true }), ctx))
      .rejects.toThrow('Join a team in Options → Team to share replies with it.');
  });

  it('adds, lists, counts, inserts, edits and deletes a team reply', async () => {
    await ana.service.handlers['snippets/save'](draft('Mine'), ctx);
    const team = await ana.service.handlers['snippets/save'](draft('Ours', { toTeam: true, tags: ['a', 'a'] }), ctx);
    expect(team).toMatchObject({ id: expect.stringMatching(/^reply:/), body: 'Ours', tags: ['a'], team: { editedBy: 'ana' } });
    await ana.service.handlers['snippets/used']({ id: team.id }, ctx);
    await ana.service.handlers['snippets/used']({ id: team.id }, ctx);
    expect((await list(ana)).map((s) => [s.body, s.uses, !!s.team])).toEqual([['Ours', 2, true], ['Mine', 0, false]]);

    await relay(ana, leo);
    ana.clock.now += 1_000;
    leo.clock.now += 2_000;
    await leo.service.handlers['snippets/used']({ id: team.id }, ctx);
    const edited = await leo.service.handlers['snippets/save']({ ...draft('Ours, edited'), id: team.id }, ctx);
    expect(edited).toMatchObject({ body: 'Ours, edited', uses: 3, team: { editedBy: 'leo' } });
    await relay(ana, leo);
    expect((await list(ana)).find((s) => s.id === team.id)).toMatchObject({ body: 'Ours, edited', uses: 3 });

    await ana.service.handlers['snippets/delete']({ id: team.id }, ctx);
    await relay(ana, leo);
    expect((await list(leo)).map((s) => s.id)).not.toContain(team.id);
    await expect(leo.service.handlers['snippets/save']({ ...draft('Back?'), id: team.id }, ctx)).rejects.toThrow();
  });

  it('keeps team replies out of this browser\'s backup: they are the team\'s, on its server', async () => {
    await ana.service.handlers['snippets/save'](draft('Mine'), ctx);
    await ana.service.handlers['snippets/save'](draft('Ours', { toTeam: true }), ctx);
    const control = { signal: new AbortController().signal, progress: () => undefined };
    const exported = await exportBackup(ana.db, new Date(), control);
    const backup = JSON.parse(await exported.blob.text()) as { snippets: { body: string }[] };
    expect(backup.snippets.map((s) => s.body)).toEqual(['Mine']);
  });
});

describe('a worker just woken', () => {
  it('reads which team it is in before it lists, saves or counts team replies', async () => {
    let joined = false;
    const calls: string[] = [];
    const library = afterReady(
      {
        ...NO_LIBRARY,
        replies: async () => (joined ? [{ ...draft('Ours'), id: 'reply:1', uses: 0, lastUsedAt: null, createdAt: 1, updatedAt: 1 }] : []),
        replyUsed: async (id) => void calls.push(joined ? id : 'too early'),
      },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        joined = true;
      },
    );
    expect((await library.replies()).map((s) => s.id)).toEqual(['reply:1']);
    joined = false;
    await library.replyUsed('reply:1');
    expect(calls).toEqual(['reply:1']);
  });
});

describe('documents a teammate\'s browser wrote that are not what Replyline writes', () => {
  it('are left out of the list, and stop neither the sync nor the handles', async () => {
    await ana.service.handlers['snippets/save'](draft('Fine', { toTeam: true }), ctx);
    await ana.copy.bulkDocs([
      { _id: 'reply:bad-tags', reply: { text: { title: 'T', body: 'B', tags: 'x', shortcut: '' }, at: 1, actor: 'leo' }, uses: {}, lastUsedAt: null, createdAt: 1 },
      { _id: 'reply:no-register', uses: {} },
      { _id: 'settings:handle:x', handle: 'brightloop' },
      { _id: 'settings:handle:youtube', handle: { handle: 'BrightLoopTV', at: 1, actor: 'leo' } },
    ] as never[]);
    expect((await list(ana)).map((s) => s.body)).toEqual(['Fine']);
    await ana.catchUp();
    const accounts = (await ana.service.handlers['settings/get']({}, ctx)).accounts;
    expect([accounts.x, accounts.youtube?.manual]).toEqual([undefined, 'BrightLoopTV']);
    // An edit of a handle document that was not one replaces it.
    await ana.service.handlers['settings/setOwner']({ site: 'x', handle: 'brightloop' }, ctx);
    expect(await ana.copy.get('settings:handle:x')).toMatchObject({ handle: { handle: 'brightloop', actor: 'ana' } });
  });
});

describe('concurrent edits of one team reply', () => {
  it('converge on both members by the rule, with every member\'s uses, and no conflict left', async () => {
    const team = await ana.service.handlers['snippets/save'](draft('First', { toTeam: true }), ctx);
    await relay(ana, leo);
    // Apart (the server down): ana edits later than leo; both use it.
    ana.clock.now += 5_000;
    leo.clock.now += 3_000;
    await ana.service.handlers['snippets/save']({ ...draft('By ana'), id: team.id }, ctx);
    await ana.service.handlers['snippets/used']({ id: team.id }, ctx);
    await leo.service.handlers['snippets/save']({ ...draft('By leo'), id: team.id }, ctx);
    await leo.service.handlers['snippets/used']({ id: team.id }, ctx);
    await leo.service.handlers['snippets/used']({ id: team.id }, ctx);
    await relay(ana, leo);
    expect((await ana.copy.get(team.id, { conflicts: true }))._conflicts).toHaveLength(1);
    // Before any member resolves it, both list the same text.
    for (const m of [ana, leo]) expect((await list(m)).map((s) => [s.body, s.uses])).toEqual([['By ana', 3]]);

    await Promise.all([ana.catchUp(), leo.catchUp()]);
    await relay(ana, leo);
    await Promise.all([ana.catchUp(), leo.catchUp()]);
    for (const m of [ana, leo]) {
      const doc = await m.copy.get(team.id, { conflicts: true });
      expect(doc._conflicts ?? []).toEqual([]);
      expect(doc).toMatchObject({ reply: { text: { body: 'By ana' }, actor: 'ana' }, uses: { ana: 1, leo: 2 } });
    }
  });
});

describe('the team\'s handles', () => {
  it('are written for the team by Options and used by every member', async () => {
    await leo.service.handlers['settings/setOwner']({ site: 'x', handle: 'leo_own' }, ctx);
    await ana.service.handlers['settings/setOwner']({ site: 'x', handle: '@brightloop' }, ctx);
    await relay(ana, leo);
    await leo.catchUp();
    expect((await leo.service.handlers['settings/get']({}, ctx)).accounts.x?.manual).toBe('brightloop');
    const page = await leo.service.handlers['page/hello']({ site: 'x' }, ctx);
    expect(page.owner).toBe('brightloop');
  });

  it('resolve a conflict by the rule on every member: the later setting wins', async () => {
    ana.clock.now += 10;
    await ana.service.handlers['settings/setOwner']({ site: 'youtube', handle: 'BrightLoopTV' }, ctx);
    await leo.service.handlers['settings/setOwner']({ site: 'youtube', handle: 'brightloop_old' }, ctx);
    await relay(ana, leo);
    await Promise.all([ana.catchUp(), leo.catchUp()]);
    for (const m of [ana, leo]) {
      expect((await m.service.handlers['settings/get']({}, ctx)).accounts.youtube?.manual).toBe('BrightLoopTV');
    }
  });

  it('leave out a handle another browser wrote that is not one', async () => {
    await ana.copy.put({ _id: 'settings:handle:x', handle: { handle: '<b>x</b>', at: 1, actor: 'ana' } } as never);
    await ana.catchUp();
    expect((await ana.service.handlers['settings/get']({}, ctx)).accounts.x).toBeUndefined();
  });
});
