/** Saved replies: edited in Options, listed in the popup and the picker, inserted into a page. */
import { t } from '../core/i18n';
import { sortSnippets, validateSnippetDraft } from '../core/snippets';
import { isReplyDocId } from '../core/team-reply';
import type { Snippet, SnippetDraft } from '../core/types';
import type { HandlerGroup, WorkerContext } from './worker-context';

type SnippetMessages = 'snippets/list' | 'snippets/save' | 'snippets/import' | 'snippets/delete' | 'snippets/used' | 'tabs/insert';

/** The saved reply a draft makes: checked, trimmed, its tags without repeats; a new one gets an id. */
function snippetFrom(draft: SnippetDraft, existing: Snippet | undefined, now: number, newId: () => string): Snippet {
  const problem = validateSnippetDraft(draft);
  if (problem) throw new RangeError(problem);
  return {
    id: existing?.id ?? newId(),
    title: draft.title.trim(),
    body: draft.body,
    tags: [...new Set(draft.tags.map((tag) => tag.trim()).filter(Boolean))],
    shortcut: draft.shortcut.trim(),
    uses: existing?.uses ?? 0,
    lastUsedAt: existing?.lastUsedAt ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Personal replies live in this browser's own store; the team's (ids `reply:…`, issue 16) in the
 * team's library (ctx.team.library), listed beside them and saved, deleted and counted there.
 */
export function snippetHandlers(ctx: WorkerContext): HandlerGroup<SnippetMessages> {
  const { db, fx } = ctx;
  const library = () => ctx.team.library;

  async function markUsed(id: string): Promise<void> {
    if (isReplyDocId(id)) return library().replyUsed(id);
    const tx = db.transaction('snippets', 'readwrite');
    const snippet = await tx.store.get(id);
    if (snippet) await tx.store.put({ ...snippet, uses: snippet.uses + 1, lastUsedAt: fx.now() });
    await tx.done;
  }

  return {
    'snippets/list': async () => {
      const [own, team] = await Promise.all([db.getAll('snippets'), library().replies()]);
      return sortSnippets([...own, ...team], 'uses');
    },

    async 'snippets/save'(draft) {
      if (draft.toTeam || (draft.id && isReplyDocId(draft.id))) {
        const problem = validateSnippetDraft(draft);
        if (problem) throw new RangeError(problem);
        return library().saveReply(draft);
      }
      const tx = db.transaction('snippets', 'readwrite');
      const existing = draft.id ? await tx.store.get(draft.id) : undefined;
      if (draft.id && !existing) throw new RangeError(t('snippetGone'));
      const snippet = snippetFrom(draft, existing, fx.now(), fx.newId);
      await tx.store.put(snippet);
      await tx.done;
      return snippet;
    },

    /** Adds many at once (a CSV file); those already saved (same title and text) are skipped. */
    async 'snippets/import'({ drafts }) {
      const now = fx.now();
      // Every row is checked before anything is written: one bad row and nothing is added.
      const fresh = drafts.map((draft, row) => {
        try {
          return snippetFrom({ ...draft, id: null }, undefined, now, fx.newId);
        }
        catch (error) {
          throw new RangeError(t('snippetRowProblem', row + 1, (error as Error).message), { cause: error });
        }
      });
      const tx = db.transaction('snippets', 'readwrite');
      const seen = new Set((await tx.store.getAll()).map((s) => `${s.title}\u0000${s.body}`));
      let added = 0;
      for (const snippet of fresh) {
        const key = `${snippet.title}\u0000${snippet.body}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await tx.store.put(snippet);
        added++;
      }
      await tx.done;
      return { added, skipped: fresh.length - added };
    },

    async 'snippets/delete'({ id }) {
      if (isReplyDocId(id)) await library().deleteReply(id);
      else await db.delete('snippets', id);
      return null;
    },

    async 'snippets/used'({ id }) {
      await markUsed(id);
      return null;
    },

    async 'tabs/insert'({ snippetId }) {
      const snippet = isReplyDocId(snippetId) ? await library().reply(snippetId) : await db.get('snippets', snippetId);
      if (!snippet) throw new RangeError(t('snippetGone'));
      const result = await fx.insertIntoActiveTab(snippet.body);
      if (result.ok) await markUsed(snippetId);
      return result;
    },
  };
}
