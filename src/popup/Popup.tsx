import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { searchSnippets } from '../core/snippets';
import { formatAge } from '../core/time';
import type { Item, Settings, SiteId, Snippet } from '../core/types';
import { ownerHandle, SITE_IDS, SITE_NAMES } from '../core/types';
import { errorText, openOptions, send } from '../ui/api';

type Tab = 'waiting' | 'snippets';

const KIND_LABEL: Record<Item['kind'], string> = { comment: 'comment', reply: 'reply', mention: 'mention' };

export function Popup() {
  const [tab, setTab] = useState<Tab>('waiting');
  const [items, setItems] = useState<Item[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [pending, current] = await Promise.all([
        send('items/list', { statuses: ['pending'] }),
        send('settings/get', {}),
      ]);
      setItems(pending);
      setSettings(current);
      setError(null);
    }
    catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const select = (next: Tab) => setTab(next);
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next: Tab = tab === 'waiting' ? 'snippets' : 'waiting';
      setTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };

  return (
    <>
      <header>
        <h1>Replyline</h1>
        {items && items.length > 0 && (
          <span class="count">
            {items.length}
            <span class="visually-hidden"> waiting</span>
          </span>
        )}
        <button type="button" class="link" onClick={openOptions}>
          Options
        </button>
      </header>
      <div role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        {(['waiting', 'snippets'] as const).map((t) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t}`}
            key={t}
            aria-selected={tab === t}
            aria-controls={`panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => select(t)}
          >
            {t === 'waiting' ? 'Waiting' : 'Saved replies'}
          </button>
        ))}
      </div>
      <section class="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {tab === 'waiting' ? <Waiting items={items} settings={settings} reload={load} /> : <Snippets />}
      </section>
    </>
  );
}

function Waiting({
  items,
  settings,
  reload,
}: {
  items: Item[] | null;
  settings: Settings | null;
  reload: () => Promise<void>;
}) {
  const [site, setSite] = useState<SiteId | 'all'>('all');
  const [message, setMessage] = useState('');
  const now = Date.now();
  const missingOwner = settings ? SITE_IDS.filter((s) => !ownerHandle(settings, s)) : [];
  const shown = useMemo(() => (items ?? []).filter((i) => site === 'all' || i.site === site), [items, site]);

  const act = async (item: Item, action: 'answer' | 'dismiss') => {
    try {
      await send('items/act', { key: item.key, action });
      setMessage(
        action === 'answer' ? `Marked answered: ${item.author.name}` : `Dismissed: ${item.author.name}`,
      );
      await reload();
    }
    catch (e) {
      setMessage(errorText(e));
    }
  };
  const open = async (item: Item) => {
    try {
      await send('tabs/open', { url: item.url });
      window.close();
    }
    catch (e) {
      setMessage(errorText(e));
    }
  };

  if (items === null) return <p class="muted">Loading…</p>;
  return (
    <>
      {missingOwner.length > 0 && (
        <p class="notice">
          Replyline needs your handle on
          {' '}
          {missingOwner.map((s) => SITE_NAMES[s]).join(' and ')}
          {' '}
          to know which
          comments are for you.
          {' '}
          <button type="button" class="link" onClick={openOptions}>
            Set your handles
          </button>
        </p>
      )}
      <div class="toolbar">
        <label>
          <span class="visually-hidden">Site</span>
          <select
            value={site}
            onChange={(e) => setSite((e.currentTarget as HTMLSelectElement).value as SiteId | 'all')}
          >
            <option value="all">All sites</option>
            {SITE_IDS.map((s) => (
              <option key={s} value={s}>
                {SITE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <span class="muted">Oldest first</span>
      </div>
      {shown.length === 0
        ? (
            <div class="empty">
              <p>
                <strong>Nothing is waiting for you.</strong>
              </p>
              <p class="muted">
                Browse your posts, comments and mentions on
                {' '}
                {SITE_IDS.map((s) => SITE_NAMES[s]).join(' or ')}
                :
                each comment still waiting for your answer gets a Reply badge and shows up here.
              </p>
            </div>
          )
        : (
            <ul class="items" aria-label="Waiting for your answer">
              {shown.map((item) => (
                <li class="item" key={item.key} data-key={item.key}>
                  <div class="meta">
                    <span class="site">{SITE_NAMES[item.site]}</span>
                    <strong>{item.author.name}</strong>
                    <span class="muted">
                      @
                      {item.author.handle}
                    </span>
                    <span class="muted">
                      ·
                      {KIND_LABEL[item.kind]}
                    </span>
                    <span class="muted" title={new Date(item.sortAt).toLocaleString()}>
                      ·
                      {' '}
                      {formatAge(item.sortAt, now)}
                    </span>
                  </div>
                  <p class="excerpt">{item.text || '(no text)'}</p>
                  <div class="actions">
                    <button type="button" onClick={() => void open(item)}>
                      Open
                    </button>
                    <button type="button" onClick={() => void act(item, 'answer')}>
                      Mark answered
                    </button>
                    <button type="button" onClick={() => void act(item, 'dismiss')}>
                      Dismiss
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
      <p class="status" role="status">
        {message}
      </p>
    </>
  );
}

function Snippets() {
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);

  useEffect(() => {
    send('snippets/list', {}).then(setSnippets, (e) => setMessage({ text: errorText(e), tone: 'error' }));
  }, []);
  const shown = useMemo(() => searchSnippets(snippets ?? [], query), [snippets, query]);

  const copy = async (snippet: Snippet) => {
    try {
      await navigator.clipboard.writeText(snippet.body);
      await send('snippets/used', { id: snippet.id });
      setMessage({ text: `Copied “${snippet.title}”.`, tone: 'success' });
    }
    catch (e) {
      setMessage({ text: `Could not copy: ${errorText(e)}`, tone: 'error' });
    }
  };
  const insert = async (snippet: Snippet) => {
    try {
      const result = await send('tabs/insert', { snippetId: snippet.id });
      if (result.ok) {
        const gaps = [...result.missing, ...result.unknown];
        setMessage({
          text: gaps.length
            ? `Inserted “${snippet.title}”; check it: no value for ${gaps.map((g) => `{${g}}`).join(', ')}.`
            : `Inserted “${snippet.title}” into the comment box.`,
          tone: 'success',
        });
      }
      else {
        let copied = result.copied;
        if (!copied)
          copied = await navigator.clipboard.writeText(snippet.body).then(
            () => true,
            () => false,
          );
        setMessage({
          text: `${result.reason}${copied ? ' The text is on your clipboard.' : ''}`,
          tone: 'error',
        });
      }
    }
    catch (e) {
      setMessage({ text: errorText(e), tone: 'error' });
    }
  };

  if (snippets === null) return <p class="muted">Loading…</p>;
  return (
    <>
      <div class="toolbar">
        <label class="visually-hidden" for="snippet-search">
          Search saved replies
        </label>
        <input
          id="snippet-search"
          type="search"
          placeholder="Search saved replies"
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      {snippets.length === 0
        ? (
            <div class="empty">
              <p>
                <strong>No saved replies yet.</strong>
              </p>
              <p class="muted">Save the answers you give often, then insert them into any comment box.</p>
              <button type="button" class="primary" onClick={openOptions}>
                Add a saved reply
              </button>
            </div>
          )
        : shown.length === 0
          ? (
              <p class="muted">
                No saved reply matches “
                {query}
                ”.
              </p>
            )
          : (
              <ul class="snippets" aria-label="Saved replies">
                {shown.map((snippet) => (
                  <li class="snippet" key={snippet.id} data-id={snippet.id}>
                    <div class="meta">
                      <strong>{snippet.title}</strong>
                      {snippet.shortcut && (
                        <span class="muted">
                          ;
                          {snippet.shortcut}
                        </span>
                      )}
                    </div>
                    <p class="excerpt">{snippet.body}</p>
                    <div class="actions">
                      <button type="button" class="primary" onClick={() => void insert(snippet)}>
                        Insert
                      </button>
                      <button type="button" onClick={() => void copy(snippet)}>
                        Copy
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
      <p class={`status ${message?.tone ?? ''}`} role="status">
        {message?.text}
      </p>
    </>
  );
}
