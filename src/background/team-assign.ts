/**
 * Assignment in this browser (issue 16): "Assign to…" writes the member's register to the team's
 * copy (`assign:<key>`, src/core/team-assign.ts); the bridge's changes feed hands every assignment
 * document here (resolve), where conflicting revisions are resolved by compareAssigns (the losers
 * deleted) and the winner applied to the log's item as `assignee`, in one transaction with the catalog.
 *
 * An assignment is written after its comment's own document (a page reported it first), and
 * replication keeps the source's order, so a teammate's browser has the comment when it comes.
 *
 * The members offered are the database's `_security` members and admins, read at join and at each
 * start of the sync and kept in the team's copy (`_local`); a server that does not let a member read
 * them leaves the names seen acting (assigners and assignees) and oneself.
 */
import type {} from 'pouchdb-core';
import { t } from '../core/i18n';
import { applyAssign, assignDocId, assignRegister, isAssignBody, keyOfAssignDocId, memberChoices, type TeamAssignBody } from '../core/team-assign';
import { type TeamConfig, teamDbUrl } from '../core/team-config';
import type { TeamItem } from '../core/team-doc';
import { compareAssigns, type TeamAssign } from '../core/team-merge';
import type { Item } from '../core/types';
import { readLocal, type TeamDb, writeLocal } from './team-bridge';
import { keepWinner, type Leaf } from './team-leaves';
import type { WorkerContext } from './worker-context';

type Db = PouchDB.Database<object>;

const MEMBERS = '_local/replyline-members';
interface StoredMembers {
  /** The database's members, as `_security` lists them (null: not readable). */
  security: string[] | null;
  /** Names seen in assignments. */
  seen: string[];
}

const status = (error: unknown) => (error as { status?: number }).status;

/** Keeps the winning revision of an assignment and deletes the others; null when one is not an assignment. */
async function resolveAssign(db: Db, doc: Leaf<TeamAssignBody>): Promise<TeamAssign | null> {
  const keep = await keepWinner(db, doc, (a, b) => compareAssigns(a.assign, b.assign), isAssignBody);
  return keep?.assign ?? null;
}

/** Applies the winners to the log's items in one transaction; an item this browser does not hold is left. */
async function applyToLog(ctx: WorkerContext, winners: Map<string, TeamAssign>): Promise<void> {
  const tx = ctx.db.transaction(['items', 'journal', 'catalog'], 'readwrite');
  const store = tx.objectStore('items');
  const keys = [...winners.keys()];
  const found = (await Promise.all(keys.map((key) => store.get(key)))) as (TeamItem | undefined)[];
  const changed: Item[] = [];
  keys.forEach((key, i) => {
    const before = found[i];
    if (!before) return;
    const next = applyAssign(before, winners.get(key)!);
    if (next !== before) changed.push(next);
  });
  await Promise.all([...changed.map((item) => store.put(item)), ctx.catalog.note(tx, changed)]);
  await tx.done;
  ctx.side.afterChange(changed);
}

/** The database's members and admins (names only), or null when this member may not read them. */
export async function readSecurity(config: TeamConfig): Promise<string[] | null> {
  try {
    const response = await fetch(`${teamDbUrl(config)}/_security`, { credentials: 'include', headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { members?: { names?: unknown }; admins?: { names?: unknown } };
    const names = [body.members?.names, body.admins?.names].flatMap((list) => (Array.isArray(list) ? list : []));
    return names.filter((name): name is string => typeof name === 'string');
  }
  catch {
    return null;
  }
}

type Who = () => string | null;
type Local = () => TeamDb | null;

export function createAssigns(ctx: WorkerContext, local: Local, member: Who, catchUp: () => Promise<void>) {
  const stored = async (db: TeamDb): Promise<StoredMembers> =>
    (await readLocal<StoredMembers>(db, MEMBERS)) ?? { security: null, seen: [] };

  async function noteSeen(db: TeamDb, names: readonly string[]): Promise<void> {
    const before = await stored(db);
    const seen = [...new Set([...before.seen, ...names])];
    if (seen.length !== before.seen.length) await writeLocal(db, MEMBERS, { security: before.security, seen });
  }

  return {
    /** The bridge's hook: assignment documents from the changes feed (others are left). */
    async resolve(copy: TeamDb, docs: readonly object[]): Promise<void> {
      const winners = new Map<string, TeamAssign>();
      for (const doc of docs as Leaf<TeamAssignBody>[]) {
        const key = keyOfAssignDocId(doc._id);
        if (!key) continue;
        const winner = await resolveAssign(copy as Db, doc);
        if (winner) winners.set(key, winner);
      }
      if (winners.size === 0) return;
      await applyToLog(ctx, winners);
      await noteSeen(copy, [...winners.values()].flatMap((a) => (a.to ? [a.actor, a.to] : [a.actor])));
    },
    /** Assigns a comment to a member (null: unassigns it), for the whole team. */
    async assign(key: string, to: string | null): Promise<TeamItem | null> {
      const copy = local() as Db | null;
      const name = member();
      if (!copy || !name) throw new RangeError(t('teamUnavailable'));
      const id = assignDocId(key);
      for (let attempt = 0; ; attempt++) {
        let doc: Leaf<TeamAssignBody> | null = null;
        try {
          doc = (await copy.get(id)) as Leaf<TeamAssignBody>;
        }
        catch (error) {
          if (status(error) !== 404) throw error;
        }
        const current = doc && isAssignBody(doc) ? doc.assign : null;
        const body = { assign: assignRegister(to, name, ctx.fx.now(), current) };
        try {
          await copy.put({ ...body, _id: id, ...(doc ? { _rev: doc._rev } : {}) });
          break;
        }
        catch (error) {
          if (status(error) !== 409 || attempt >= 4) throw error;
        }
      }
      await catchUp();
      return ((await ctx.db.get('items', key)) as TeamItem | undefined) ?? null;
    },
    /** The names "Assign to…" offers: the members, or the names seen and oneself. */
    async members(): Promise<{ me: string | null; members: string[] }> {
      const copy = local();
      const me = member();
      if (!copy || !me) return { me: null, members: [] };
      const { security, seen } = await stored(copy);
      return { me, members: memberChoices(security ?? seen, me) };
    },
    /** Reads the members again from the server (at join, and as the sync starts). */
    async refreshMembers(config: TeamConfig): Promise<void> {
      const copy = local();
      const security = await readSecurity(config);
      if (!copy || !security) return;
      const before = await stored(copy);
      await writeLocal(copy, MEMBERS, { security, seen: before.seen });
    },
  };
}
