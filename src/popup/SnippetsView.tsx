import { useEffect, useMemo, useState } from 'preact/hooks';
import { searchSnippets } from '../core/snippets';
import type { Snippet } from '../core/types';
import { t } from '../shared/i18n';
import { errorText, openOptions, send } from '../ui/api';
import { EmptyState, Loading } from '../ui/empty';
import { inputValue } from '../ui/fields';
import { type Status, StatusLine } from '../ui/status';

export function SnippetsView() {
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Status>(null);

  useEffect(() => {
    send('snippets/list', {}).then(setSnippets, (e) => setMessage({ text: errorText(e), tone: 'error' }));
  }, []);
  const shown = useMemo(() => searchSnippets(snippets ?? [], query), [snippets, query]);

  const copy = async (snippet: Snippet) => {
    try {
      await navigator.clipboard.writeText(snippet.body);
      await send('snippets/used', { id: snippet.id });
      setMessage({ text: t('copiedNamed', snippet.title), tone: 'success' });
    }
    catch (e) {
      setMessage({ text: t('couldNotCopy', errorText(e)), tone: 'error' });
    }
  };
  const insert = async (snippet: Snippet) => {
    try {
      const result = await send('tabs/insert', { snippetId: snippet.id });
      if (result.ok) {
        const gaps = [...result.missing, ...result.unknown].map((g) => `{${g}}`).join(', ');
        setMessage({
          text: gaps ? t('insertedWithGaps', snippet.title, gaps) : t('insertedNamed', snippet.title),
          tone: 'success',
        });
        return;
      }
      const copied = result.copied
        || (await navigator.clipboard.writeText(snippet.body).then(() => true, () => false));
      setMessage({ text: copied ? `${result.reason} ${t('onClipboard')}` : result.reason, tone: 'error' });
    }
    catch (e) {
      setMessage({ text: errorText(e), tone: 'error' });
    }
  };

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
                  <li class="snippet" key={snippet.id} data-id={snippet.id}>
                    <div class="meta">
                      <strong>{snippet.title}</strong>
                      {snippet.shortcut && <span class="muted">{snippet.shortcut}</span>}
                    </div>
                    <p class="excerpt">{snippet.body}</p>
                    <div class="actions">
                      <button type="button" class="primary" onClick={() => void insert(snippet)} aria-label={t('insertNamed', snippet.title)}>
                        {t('insert')}
                      </button>
                      <button type="button" onClick={() => void copy(snippet)} aria-label={t('copyNamed', snippet.title)}>
                        {t('copy')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
      <StatusLine class="status" status={message} />
    </>
  );
}
