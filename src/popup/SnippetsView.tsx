import { useEffect, useMemo, useState } from 'preact/hooks';
import { searchSnippets } from '../core/snippets';
import type { ListedSnippet, Snippet } from '../core/types';
import { t } from '../core/i18n';
import { openOptions, send } from '../ui/api';
import { NamedButton } from '../ui/buttons';
import { EmptyState, Loading } from '../ui/empty';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';

/** The saved replies, found by a search: each inserted into the comment box of the open page, or copied. */
export function SnippetsView() {
  const [snippets, setSnippets] = useState<ListedSnippet[] | null>(null);
  const [query, setQuery] = useState('');
  const [message, report] = useStatus();

  useEffect(() => void report.attempt(async () => setSnippets(await send('snippets/list', {}))), [report]);
  const shown = useMemo(() => searchSnippets(snippets ?? [], query), [snippets, query]);

  const copy = (snippet: Snippet) =>
    report.attempt(async () => {
      await navigator.clipboard.writeText(snippet.body);
      await send('snippets/used', { id: snippet.id });
      report.success(t('copiedNamed', snippet.title));
    }, (text) => t('couldNotCopy', text));
  const insert = (snippet: Snippet) =>
    report.attempt(async () => {
      const result = await send('tabs/insert', { snippetId: snippet.id });
      if (result.ok) {
        const gaps = [...result.missing, ...result.unknown].map((g) => `{${g}}`).join(', ');
        return report.success(gaps ? t('insertedWithGaps', snippet.title, gaps) : t('insertedNamed', snippet.title));
      }
      const copied = result.copied
        || (await navigator.clipboard.writeText(snippet.body).then(() => true, () => false));
      report.error(copied ? `${result.reason} ${t('onClipboard')}` : result.reason);
    });

  if (snippets === null) return <Loading />;
  return (
    <>
      <div class="toolbar">
        <label class="visually-hidden" for="snippet-search">
          {t('searchSnippets')}
        </label>
        <input
          id="snippet-search"
          type="search"
          placeholder={t('searchSnippets')}
          value={query}
          onInput={(e) => setQuery(inputValue(e))}
        />
      </div>
      {snippets.length === 0
        ? (
            <EmptyState title={t('emptySnippets')}>
              <p class="muted">{t('emptySnippetsHint')}</p>
              <button type="button" class="primary" onClick={openOptions}>
                {t('addSnippetFromPopup')}
              </button>
            </EmptyState>
          )
        : shown.length === 0
          ? <p class="muted">{t('noSnippetMatches', query)}</p>
          : (
              <ul class="snippets" aria-label={t('savedReplies')}>
                {shown.map((snippet) => (
                  <SnippetItem
                    key={snippet.id}
                    snippet={snippet}
                    onInsert={() => void insert(snippet)}
                    onCopy={() => void copy(snippet)}
                  />
                ))}
              </ul>
            )}
      <StatusLine class="status" status={message} />
    </>
  );
}

interface SnippetItemProps {
  snippet: ListedSnippet;
  onInsert: () => void;
  onCopy: () => void;
}

/** One saved reply: its title, shortcut and text, inserted into the page's comment box or copied. */
function SnippetItem({ snippet, onInsert, onCopy }: SnippetItemProps) {
  return (
    <li class="snippet" data-id={snippet.id} data-team={snippet.team ? 'true' : undefined}>
      <div class="meta">
        {snippet.team && <span class="team-label">{t('teamReplyLabel')}</span>}
        <strong>{snippet.title}</strong>
        {snippet.shortcut && <span class="muted">{snippet.shortcut}</span>}
      </div>
      <p class="excerpt">{snippet.body}</p>
      <div class="actions">
        <NamedButton class="primary" onClick={onInsert} label={t('insertNamed', snippet.title)}>
          {t('insert')}
        </NamedButton>
        <NamedButton onClick={onCopy} label={t('copyNamed', snippet.title)}>
          {t('copy')}
        </NamedButton>
      </div>
    </li>
  );
}
