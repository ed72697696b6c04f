/**
 * The team's reply library and handles in this browser (issue 16), over the team's copy (PouchDB,
 * replicated by team-live.ts):
 *
 * - Team replies are read from the team's copy itself whenever a page lists them: a library of a few
 *   hundred replies is read in milliseconds, nothing counts or sorts them in the background, and one
 *   store means nothing to keep in step. Revisions still in conflict are merged as they are read
 *   (src/core/team-reply.ts), so every member lists the same text before the conflict is resolved.
 * - Handles are applied to this browser's settings (idb), which the pages and content scripts read:
 *   the team's handle of a site is the handle in use (the `manual` one), whoever set it.
 * - Conflicts are resolved as the bridge reads the changes feed (resolve): the winning revision kept
 *   (with every member's largest use counts, for a reply), the others deleted.
 */
import type {} from 'pouchdb-core';
import { parseHandleInput } from '../core/handles';
import { t } from '../core/i18n';
import { SITES } from '../core/sites';
import { resolveLeaves } from '../core/team-merge';
import {
  applyEdit,
  applyUse,
  compareHandles,
  compareReplies,
  editRegister,
  handleDocId,
  isHandleBody,
  isReplyBody,
  isReplyDocId,
  mergeReplyBodies,
  replyDocId,
  siteOfDocId,
  snippetOfReply,
  type TeamHandleDoc,
  type TeamReplyBody,
  type TeamReplyDoc,
} from '../core/team-reply';
import type { ListedSnippet, SiteId } from '../core/types';
import { SITE_IDS } from '../core/types';
import type { TeamDb } from './team-bridge';
import { deletionOf, keepWinner, type Leaf, leavesOf } from './team-leaves';
import type { TeamLibraryPort } from './team-library-port';
import type { WorkerContext } from './worker-context';

type Db = PouchDB.Database<object>;
const isConflict = (error: unknown) => (error as { status?: number }).status === 409;
const isMissing = (error: unknown) => (error as { status?: number }).status === 404;

/** A revision's body without PouchDB's own fields. */
const bodyOf = ({ reply, uses, lastUsedAt, createdAt }: TeamReplyBody): TeamReplyBody =>
  ({ reply, uses, lastUsedAt, createdAt });

/** A reply's revisions as one body (its conflicts merged by the rule); null when none is a reply. */
async function mergedReply(db: Db, doc: Leaf<TeamReplyBody>): Promise<TeamReplyBody | null> {
  const leaves = (await leavesOf(db, doc)).filter(isReplyBody);
  return leaves.length ? leaves.map(bodyOf).reduce(mergeReplyBodies) : null;
}

/**
 * Keeps the winning revision of a reply, with every member's largest counts, and deletes the others.
 * The kept revision carries its edit unchanged, so the design document lets any member write it.
 */
export async function resolveReply(db: Db, doc: Leaf<TeamReplyBody>): Promise<void> {
  if (!doc._conflicts?.length) return;
  const leaves = await leavesOf(db, doc);
  if (!leaves.every(isReplyBody)) return;
  const { keep, remove } = resolveLeaves(leaves, (a, b) => compareReplies(a.reply, b.reply));
  const merged = leaves.map(bodyOf).reduce(mergeReplyBodies);
  const changed = JSON.stringify(merged) !== JSON.stringify(bodyOf(keep));
  await db.bulkDocs([
    ...(changed ? [{ ...merged, _id: keep._id, _rev: keep._rev }] : []),
    ...remove.map(deletionOf),
  ]);
}

/** Keeps the winning revision of a handle and deletes the others; returns the winner. */
function resolveHandle(db: Db, doc: Leaf<Omit<TeamHandleDoc, '_id' | '_rev'>>) {
  return keepWinner(db, doc, (a, b) => compareHandles(a.handle, b.handle), isHandleBody);
}

/** Rewrites a document by `change` from its current (merged) body; a revision written meanwhile is read again. */
async function update<T extends object>(
  db: Db,
  id: string,
  read: (doc: Leaf<T>) => Promise<T | null>,
  change: (current: T | null) => T | null,
): Promise<T | null> {
  for (let attempt = 0; ; attempt++) {
    let doc: Leaf<T> | null = null;
    try {
      doc = (await db.get(id, { conflicts: true })) as Leaf<T>;
    }
    catch (error) {
      if (!isMissing(error)) throw error;
    }
    const current = doc ? await read(doc) : null;
    const next = change(current);
    if (!next || next === current) return current;
    try {
      await db.put({ ...next, _id: id, ...(doc ? { _rev: doc._rev } : {}) });
      return next;
    }
    catch (error) {
      if (!isConflict(error) || attempt >= 4) throw error;
    }
  }
}

/** The handles the team set, applied to this browser's settings (one write, pages told to judge again). */
async function applyHandles(ctx: WorkerContext, handles: Map<SiteId, string | null>): Promise<void> {
  if (handles.size === 0) return;
  const settings = await ctx.readSettings();
  const changed = [...handles].filter(([site, handle]) => (settings.accounts[site]?.manual ?? null) !== handle);
  if (changed.length === 0) return;
  await ctx.changeSettingsAndRefresh((s) => {
    const accounts = { ...s.accounts };
    for (const [site, manual] of changed) accounts[site] = { detected: null, ...accounts[site], manual };
    return { ...s, accounts };
  });
}

async function listReplies(copy: Db): Promise<ListedSnippet[]> {
  const range = { startkey: 'reply:', endkey: 'reply:\uffff' };
  const rows = (await copy.allDocs({ ...range, include_docs: true, conflicts: true })).rows;
  const docs = rows.flatMap((row) => (row.doc ? [row.doc as Leaf<TeamReplyBody>] : []));
  const bodies = await Promise.all(docs.map((doc) => mergedReply(copy, doc)));
  return bodies.flatMap((body, i) => (body && snippetOfReply({ ...body, _id: docs[i]!._id })) || []);
}

async function readReply(copy: Db, id: string): Promise<ListedSnippet | null> {
  try {
    const body = await mergedReply(copy, (await copy.get(id, { conflicts: true })) as Leaf<TeamReplyBody>);
    return body && snippetOfReply({ ...body, _id: id });
  }
  catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The team documents the bridge passes on: replies' conflicts resolved, handles applied to the settings. */
async function resolveOthers(ctx: WorkerContext, copy: Db, docs: readonly object[]): Promise<void> {
  const handles = new Map<SiteId, string | null>();
  for (const doc of docs as Leaf<Record<string, unknown>>[]) {
    if (isReplyDocId(doc._id)) await resolveReply(copy, doc as unknown as Leaf<TeamReplyDoc>);
    const site = siteOfDocId(doc._id) as SiteId | null;
    if (site && SITE_IDS.includes(site)) {
      const winner = await resolveHandle(copy, doc as unknown as Leaf<TeamHandleDoc>);
      if (!winner) continue;
      const kept = winner.handle.handle;
      // What another browser wrote is checked as if typed here; a handle that is not one is left out.
      const handle = kept === null ? null : parseHandleInput(kept, SITES[site].fullAddresses);
      if (kept === null || handle) handles.set(site, handle);
    }
  }
  await applyHandles(ctx, handles);
}

export function createLibrary(ctx: WorkerContext, local: () => TeamDb | null, member: () => string | null) {
  const db = () => local() as Db | null;
  /** The team's copy and the member's name, or why a team reply cannot be written now. */
  const joined = (): { db: Db; name: string } => {
    const copy = db();
    const name = member();
    if (!copy || !name) throw new RangeError(t('teamRepliesNoTeam'));
    return { db: copy, name };
  };
  const read = (copy: Db) => (doc: Leaf<TeamReplyBody>) => mergedReply(copy, doc);
  /** Never before the edit it replaces: this browser's clock may be behind the last editor's. */
  const after = (at: number | undefined) => Math.max(ctx.fx.now(), (at ?? 0) + 1);

  const port: TeamLibraryPort = {
    replies: async () => {
      const copy = db();
      return copy ? listReplies(copy) : [];
    },
    reply: async (id) => {
      const copy = db();
      return copy && isReplyDocId(id) ? readReply(copy, id) : null;
    },
    async saveReply(draft) {
      const { db: copy, name } = joined();
      const id = draft.id ?? replyDocId(ctx.fx.newId());
      if (draft.id && !isReplyDocId(draft.id)) throw new RangeError(t('snippetGone'));
      await update<TeamReplyBody>(copy, id, read(copy), (current) => {
        if (draft.id && (!current || !current.reply.text)) throw new RangeError(t('snippetGone'));
        return applyEdit(current, editRegister(draft, name, after(current?.reply.at)));
      });
      const saved = await readReply(copy, id);
      if (!saved) throw new RangeError(t('snippetGone'));
      return saved;
    },
    async deleteReply(id) {
      const { db: copy, name } = joined();
      await update<TeamReplyBody>(copy, id, read(copy), (current) => {
        if (!current || !current.reply.text) return current;
        return applyEdit(current, editRegister(null, name, after(current.reply.at)));
      });
    },
    async replyUsed(id) {
      const copy = db();
      const name = member();
      if (!copy || !name || !isReplyDocId(id)) return;
      await update<TeamReplyBody>(copy, id, read(copy), (current) =>
        current?.reply.text ? applyUse(current, name, ctx.fx.now()) : current);
    },
    async setHandle(site, handle) {
      const copy = db();
      const name = member();
      if (!copy || !name) return;
      type Body = Omit<TeamHandleDoc, '_id' | '_rev'>;
      await update<Body>(copy, handleDocId(site), async (doc) => (isHandleBody(doc) ? doc : null), (current) =>
        ({ handle: { handle, at: after(current?.handle.at), actor: name } }));
    },
  };

  return {
    port,
    /** The bridge's hook: team documents other than the log's, read from the changes feed. */
    resolve: (copy: TeamDb, docs: readonly object[]) => resolveOthers(ctx, copy as Db, docs),
  };
}
