import { useMemo } from 'preact/hooks';
import { duplicateDraft, searchSnippets, type SnippetOrder, sortSnippets } from '../../core/snippets';
import type { ListedSnippet, Snippet } from '../../core/types';
import { t } from '../../core/i18n';
import { send } from '../../ui/api';
import type { Reporter } from '../../ui/status';
import type { SnippetEditor } from './SnippetForm';
import { SnippetRow } from './SnippetRow';

interface SnippetListProps {
  /** Null until they are listed. */
  snippets: ListedSnippet[] | null;
  query: string;
  order: SnippetOrder;
  /** Searches for a tag. */
  onTag: (tag: string) => void;
  editor: SnippetEditor;
  report: Reporter;
  reload: () => Promise<void>;
  /** In a team: a personal reply can be shared with it. */
  inTeam: boolean;
}

/** The saved replies the search finds, in the chosen order; each can be edited, copied or deleted. */
export function SnippetList({ snippets, query, order, onTag, editor, report, reload, inTeam }: SnippetListProps) {
  const shown = useMemo(
    () => sortSnippets(query.trim() ? searchSnippets(snippets ?? [], query) : (snippets ?? []), order),
    [snippets, query, order],
  );
  const duplicate = (snippet: Snippet) =>
    report.attempt(async () => {
      const copy = await send('snippets/save', duplicateDraft(snippet, (title) => t('copyTitle', title)));
      report.success(t('snippetDuplicated', copy.title));
      await reload();
      editor.startEditing({ ...copy });
    });
  const share = (snippet: Snippet) =>
    report.attempt(async () => {
      const { title, body, tags, shortcut } = snippet;
      const shared = await send('snippets/save', { id: null, title, body, tags, shortcut, toTeam: true });
      report.success(t('teamReplyShared', shared.title));
      await reload();
    });
  const remove = async (snippet: Snippet) => {
    if (!window.confirm(t('snippetDeleteConfirm', snippet.title))) return;
    await report.attempt(async () => {
      await send('snippets/delete', { id: snippet.id });
      if (editor.draft.id === snippet.id) editor.reset();
      report.success(t('snippetDeleted', snippet.title));
      await reload();
    });
  };
  if (!snippets) return null;
  if (snippets.length === 0) return <p class="muted">{t('noSnippetsYet')}</p>;
  if (shown.length === 0) return <p class="muted">{t('noSnippetMatches', query)}</p>;
  return (
    <ul class="snippet-list" aria-label={t('savedReplies')}>
      {shown.map((snippet) => (
        <SnippetRow
          key={snippet.id}
          snippet={snippet}
          onEdit={() => editor.startEditing({ ...snippet })}
          onDuplicate={() => void duplicate(snippet)}
          onDelete={() => void remove(snippet)}
          onShare={inTeam && !snippet.team ? () => void share(snippet) : null}
          onTag={onTag}
        />
      ))}
    </ul>
  );
}
