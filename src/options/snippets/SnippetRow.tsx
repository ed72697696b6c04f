import { formatAgo } from '../../core/time';
import type { Snippet } from '../../core/types';
import { plural, t } from '../../core/i18n';
import { NamedButton } from '../../ui/buttons';

interface SnippetRowProps {
  snippet: Snippet;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

/** One saved reply: title, shortcut, use, text, tags (each finds the replies so tagged) and its actions. */
export function SnippetRow({ snippet, onEdit, onDuplicate, onDelete, onTag }: SnippetRowProps) {
  const used = plural(snippet.uses, 'usedOnce', 'usedTimes');
  const last = snippet.lastUsedAt === null ? t('neverUsed') : t('lastUsed', formatAgo(snippet.lastUsedAt, Date.now()));
  return (
    <li data-id={snippet.id}>
      <strong>{snippet.title}</strong>
      {' '}
      {snippet.shortcut && <code class="shortcut">{snippet.shortcut}</code>}
      {' '}
      <span class="muted usage">{snippet.uses > 0 ? `${used} · ${last}` : t('neverUsed')}</span>
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
        <NamedButton class="danger" onClick={onDelete} label={t('deleteNamed', snippet.title)}>
          {t('delete')}
        </NamedButton>
      </div>
    </li>
  );
}
