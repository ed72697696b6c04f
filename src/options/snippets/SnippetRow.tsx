import { formatAgo } from '../../core/time';
import type { ListedSnippet } from '../../core/types';
import { plural, t } from '../../core/i18n';
import { NamedButton } from '../../ui/buttons';

interface SnippetRowProps {
  snippet: ListedSnippet;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
  /** Shares a personal reply with the team (null: not in a team, or a team reply already). */
  onShare: (() => void) | null;
}

/** One saved reply: title, shortcut, use, text, tags (each finds the replies so tagged) and its actions. */
export function SnippetRow({ snippet, onEdit, onDuplicate, onDelete, onTag, onShare }: SnippetRowProps) {
  const used = plural(snippet.uses, 'usedOnce', 'usedTimes');
  const last = snippet.lastUsedAt === null ? t('neverUsed') : t('lastUsed', formatAgo(snippet.lastUsedAt, Date.now()));
  return (
    <li data-id={snippet.id} data-team={snippet.team ? 'true' : undefined}>
      {snippet.team && <span class="team-label">{t('teamReplyLabel')}</span>}
      {snippet.team && ' '}
      <strong>{snippet.title}</strong>
      {' '}
      {snippet.shortcut && <code class="shortcut">{snippet.shortcut}</code>}
      {' '}
      <span class="muted usage">{snippet.uses > 0 ? `${used} · ${last}` : t('neverUsed')}</span>
      {snippet.team && <span class="muted">{` · ${t('teamReplyEditedBy', snippet.team.editedBy)}`}</span>}
      <p class="body">{snippet.body}</p>
      {snippet.tags.length > 0 && (
        <p class="tags">
          {snippet.tags.map((tag) => (
            <NamedButton class="tag" key={tag} onClick={() => onTag(tag)} label={t('showTag', tag)}>
              {tag}
            </NamedButton>
          ))}
        </p>
      )}
      <div class="row">
        <NamedButton onClick={onEdit} label={t('editNamed', snippet.title)}>
          {t('edit')}
        </NamedButton>
        <NamedButton onClick={onDuplicate} label={t('duplicateNamed', snippet.title)}>
          {t('duplicate')}
        </NamedButton>
        {onShare && (
          <NamedButton onClick={onShare} label={t('teamReplyShareNamed', snippet.title)}>
            {t('teamReplyShare')}
          </NamedButton>
        )}
        <NamedButton class="danger" onClick={onDelete} label={t('deleteNamed', snippet.title)}>
          {t('delete')}
        </NamedButton>
      </div>
    </li>
  );
}
