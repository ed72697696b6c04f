import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { searchSnippets } from '../core/snippets';
import { computeStats, formatDuration } from '../core/stats';
import { formatAge } from '../core/time';
import { DEFAULT_FILTER, filterItems, type ItemFilter, labelsFor, snoozeChoices } from '../core/triage';
import type { Item, ItemStatus, Settings, Snippet } from '../core/types';
import type { ItemAction } from '../shared/protocol';
import { ownerHandle, SITE_IDS, SITE_NAMES } from '../core/types';
import { errorText, openOptions, send } from '../ui/api';

type Tab = 'waiting' | 'snippets' | 'stats';

const TABS: { id: Tab; label: string }[] = [
  { id: 'waiting', label: 'Comments' },
  { id: 'snippets', label: 'Saved replies' },
  { id: 'stats', label: 'Stats' },
];

const KIND_LABEL: Record<Item['kind'], string> = { comment: 'comment', reply: 'reply', mention: 'mention' };

export function Popup() {
  const [tab, setTab] = useState<Tab>('waiting');
  const [items, setItems] = useState<Item[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [pending, current] = await Promise.all([
        send('items/list', { statuses: ['pending', 'snoozed', 'answered', 'dismissed'] }),
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
  const pendingCount = items?.filter((i) => i.status === 'pending').length ?? 0;
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const at = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(at + step + TABS.length) % TABS.length]!.id;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <>
      <header>
        <h1>Replyline</h1>
        {pendingCount > 0 && (
          <span class="count">
            {pendingCount}
            <span class="visually-hidden"> waiting</span>
          </span>
        )}
        <button type="button" class="link" onClick={openOptions}>
          Options
        </button>
      </header>
      <div role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            key={t.id}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section class="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {tab === 'waiting' && <Waiting items={items} settings={settings} reload={load} />}
        {tab === 'snippets' && <Snippets />}
        {tab === 'stats' && <StatsView items={items} />}
      </section>
    </>
  );
}

const STATUS_VIEWS: { status: ItemStatus; label: string; empty: string }[] = [
  { status: 'pending', label: 'Waiting', empty: 'Nothing is waiting for you.' },
  { status: 'snoozed', label: 'Snoozed', empty: 'Nothing is snoozed.' },
  { status: 'answered', label: 'Answered', empty: 'Nothing answered yet.' },
  { status: 'dismissed', label: 'Dismissed', empty: 'Nothing dismissed.' },
];

const ROW_HEIGHT = 118;
const LIST_HEIGHT = 380;

/** Renders only the rows in view (and a few around): thousands of items stay smooth. */
function VirtualList({ items, render }: { items: Item[]; render: (item: Item) => ComponentChild }) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 4);
  const last = Math.min(items.length, Math.ceil((top + LIST_HEIGHT) / ROW_HEIGHT) + 4);
  return (
    <ul
      class="items"
      aria-label="Comments"
      style={{ maxHeight: `${LIST_HEIGHT}px` }}
      onScroll={(e) => setTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      {first > 0 && <li aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />}
      {items.slice(first, last).map(render)}
      {last < items.length && <li aria-hidden="true" style={{ height: `${(items.length - last) * ROW_HEIGHT}px` }} />}
    </ul>
  );
}

function SnoozeMenu({ onSnooze, onClose }: { onSnooze: (until: number) => void; onClose: () => void }) {
  const [custom, setCustom] = useState('');
  const choices = snoozeChoices(new Date());
  const chosen = custom ? new Date(custom).getTime() : Number.NaN;
  return (
    <div class="snooze" role="group" aria-label="Snooze until">
      {choices.map((c) => (
        <button type="button" key={c.label} onClick={() => onSnooze(c.until)}>
          {c.label}
        </button>
      ))}
      <label>
        <span class="visually-hidden">A chosen time</span>
        <input type="datetime-local" value={custom} onInput={(e) => setCustom((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="button" disabled={!(chosen > Date.now())} onClick={() => onSnooze(chosen)}>
        Snooze until then
      </button>
      <button type="button" class="link" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}

interface WaitingProps {
  items: Item[] | null;
  settings: Settings | null;
  reload: () => Promise<void>;
}

function Waiting({ items, settings, reload }: WaitingProps) {
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const now = Date.now();
  const missingOwner = settings ? SITE_IDS.filter((s) => !ownerHandle(settings, s)) : [];
  const shown = useMemo(() => filterItems(items ?? [], filter), [items, filter]);
  const counts = useMemo(() => {
    const c: Record<ItemStatus, number> = { pending: 0, snoozed: 0, answered: 0, dismissed: 0 };
    for (const i of items ?? []) c[i.status]++;
    return c;
  }, [items]);
  const view = STATUS_VIEWS.find((v) => v.status === filter.status) ?? STATUS_VIEWS[0]!;
  const set = (patch: Partial<ItemFilter>) => {
    setFilter({ ...filter, ...patch });
    setSelected(new Set());
  };

  const run = async (keys: string[], action: ItemAction, done: string) => {
    try {
      if (keys.length === 1) await send('items/act', { key: keys[0]!, ...action });
      else await send('items/actMany', { keys, ...action });
      setMessage(done);
      setSelected(new Set());
      setSnoozing(null);
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
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const allSelected = shown.length > 0 && shown.every((i) => selected.has(i.key));
  const keys = [...selected];
  const plural = (n: number) => (n === 1 ? '1 comment' : `${n} comments`);

  if (items === null) return <p class="muted">Loading…</p>;
  return (
    <>
      {missingOwner.length > 0 && (
        <p class="notice">
          Replyline needs your handle on
          {' '}
          {missingOwner.map((s) => SITE_NAMES[s]).join(' and ')}
          {' '}
          to know which comments are
          for you.
          {' '}
          <button type="button" class="link" onClick={openOptions}>
            Set your handles
          </button>
        </p>
      )}
      <div class="views" role="group" aria-label="Show">
        {STATUS_VIEWS.map((v) => (
          <button
            type="button"
            key={v.status}
            aria-pressed={filter.status === v.status}
            onClick={() => set({ status: v.status })}
          >
            {v.label}
            {' '}
            <span class="muted">{counts[v.status]}</span>
          </button>
        ))}
      </div>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">Search comments</span>
          <input
            type="search"
            placeholder="Search comments"
            value={filter.query}
            onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
      </div>
      <div class="toolbar filters">
        <label>
          <span class="visually-hidden">Site</span>
          <select value={filter.site} onChange={(e) => set({ site: (e.currentTarget as HTMLSelectElement).value as ItemFilter['site'] })}>
            <option value="all">All sites</option>
            {SITE_IDS.map((s) => (
              <option key={s} value={s}>
                {SITE_NAMES[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">Kind</span>
          <select value={filter.kind} onChange={(e) => set({ kind: (e.currentTarget as HTMLSelectElement).value as ItemFilter['kind'] })}>
            <option value="all">All kinds</option>
            <option value="comment">Comments</option>
            <option value="reply">Replies</option>
            <option value="mention">Mentions</option>
          </select>
        </label>
        <label>
          <span class="visually-hidden">Label</span>
          <select value={filter.label} onChange={(e) => set({ label: (e.currentTarget as HTMLSelectElement).value as ItemFilter['label'] })}>
            <option value="all">Any label</option>
            <option value="question">Questions</option>
            <option value="complaint">Complaints</option>
          </select>
        </label>
        <label>
          <span class="visually-hidden">Order</span>
          <select value={filter.order} onChange={(e) => set({ order: (e.currentTarget as HTMLSelectElement).value as ItemFilter['order'] })}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </label>
      </div>
      {shown.length > 0 && (
        <div class="bulk">
          <label>
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(shown.map((i) => i.key)))}
            />
            {' '}
            {keys.length ? `${keys.length} selected` : `Select all ${shown.length}`}
          </label>
          {keys.length > 0 && (filter.status === 'pending'
            ? (
                <>
                  <button type="button" onClick={() => void run(keys, { action: 'answer' }, `Marked ${plural(keys.length)} answered.`)}>
                    Mark answered
                  </button>
                  <button
                    type="button"
                    onClick={() => void run(keys, { action: 'snooze', until: snoozeChoices(new Date()).at(-2)!.until }, `Snoozed ${plural(keys.length)} until tomorrow.`)}
                  >
                    Snooze until tomorrow
                  </button>
                  <button type="button" onClick={() => void run(keys, { action: 'dismiss' }, `Dismissed ${plural(keys.length)}.`)}>
                    Dismiss
                  </button>
                </>
              )
            : (
                <button type="button" onClick={() => void run(keys, { action: 'reopen' }, `Reopened ${plural(keys.length)}.`)}>
                  Reopen
                </button>
              ))}
        </div>
      )}
      {shown.length === 0
        ? (
            <div class="empty">
              <p>
                <strong>{filter.query || filter.site !== 'all' || filter.kind !== 'all' || filter.label !== 'all' ? 'No comment matches these filters.' : view.empty}</strong>
              </p>
              {filter.status === 'pending' && (
                <p class="muted">
                  Browse your posts, comments and mentions on
                  {' '}
                  {SITE_IDS.map((s) => SITE_NAMES[s]).join(' or ')}
                  : each comment
                  still waiting for your answer gets a Reply badge and shows up here.
                </p>
              )}
            </div>
          )
        : (
            <VirtualList
              items={shown}
              render={(item) => (
                <li class="item" key={item.key} data-key={item.key} style={{ height: `${ROW_HEIGHT - 8}px` }}>
                  <div class="meta">
                    <input
                      type="checkbox"
                      checked={selected.has(item.key)}
                      onChange={() => toggle(item.key)}
                      aria-label={`Select ${item.author.name}`}
                    />
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
                    {labelsFor(item.text).map((l) => (
                      <span class={`label ${l}`} key={l}>
                        {l}
                      </span>
                    ))}
                  </div>
                  <p class="excerpt">{item.text || '(no text)'}</p>
                  {snoozing === item.key
                    ? (
                        <SnoozeMenu
                          onClose={() => setSnoozing(null)}
                          onSnooze={(until) => void run([item.key], { action: 'snooze', until }, `Snoozed: ${item.author.name}`)}
                        />
                      )
                    : (
                        <div class="actions">
                          <button type="button" onClick={() => void open(item)}>
                            Open
                          </button>
                          {item.status === 'pending'
                            ? (
                                <>
                                  <button type="button" onClick={() => void run([item.key], { action: 'answer' }, `Marked answered: ${item.author.name}`)}>
                                    Mark answered
                                  </button>
                                  <button type="button" onClick={() => setSnoozing(item.key)}>
                                    Snooze…
                                  </button>
                                  <button type="button" onClick={() => void run([item.key], { action: 'dismiss' }, `Dismissed: ${item.author.name}`)}>
                                    Dismiss
                                  </button>
                                </>
                              )
                            : (
                                <>
                                  {item.status === 'snoozed' && item.snoozeUntil && (
                                    <span class="muted">
                                      until
                                      {new Date(item.snoozeUntil).toLocaleString()}
                                    </span>
                                  )}
                                  <button type="button" onClick={() => void run([item.key], { action: 'reopen' }, `Reopened: ${item.author.name}`)}>
                                    Reopen
                                  </button>
                                </>
                              )}
                        </div>
                      )}
                </li>
              )}
            />
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

function StatsView({ items }: { items: Item[] | null }) {
  const stats = useMemo(() => (items ? computeStats(items, Date.now()) : null), [items]);
  if (!stats) return <p class="muted">Loading…</p>;
  const max = Math.max(1, ...stats.answeredPerDay.map((d) => d.count));
  const total = stats.answeredPerDay.reduce((sum, d) => sum + d.count, 0);
  const width = 360;
  const height = 90;
  const bar = width / stats.answeredPerDay.length;
  return (
    <div class="stats">
      <p>
        Oldest comment waiting:
        {' '}
        <strong>{stats.oldestPending === null ? 'none' : formatDuration(stats.oldestPending)}</strong>
      </p>
      <table>
        <caption>Time from seeing a comment to answering it</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">7 days: median</th>
            <th scope="col">90th pct.</th>
            <th scope="col">30 days: median</th>
            <th scope="col">90th pct.</th>
          </tr>
        </thead>
        <tbody>
          {SITE_IDS.map((site) => {
            const { week, month } = stats.perSite[site];
            return (
              <tr key={site}>
                <th scope="row">{SITE_NAMES[site]}</th>
                <td>{formatDuration(week.median)}</td>
                <td>{formatDuration(week.p90)}</td>
                <td>{formatDuration(month.median)}</td>
                <td>{formatDuration(month.p90)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <figure>
        <figcaption>{`Answered per day, last ${stats.answeredPerDay.length} days: ${total}`}</figcaption>
        <svg
          viewBox={`0 0 ${width} ${height + 14}`}
          width="100%"
          role="img"
          aria-label={stats.answeredPerDay.map((d) => `${d.day}: ${d.count}`).join(', ')}
        >
          {stats.answeredPerDay.map((d, i) => {
            const h = (d.count / max) * height;
            return (
              <g key={d.day}>
                <rect x={i * bar + 2} y={height - h} width={bar - 4} height={Math.max(h, 1)} rx="2" class="bar">
                  <title>{`${d.day}: ${d.count}`}</title>
                </rect>
                {i % 2 === 0 && (
                  <text x={i * bar + bar / 2} y={height + 12} text-anchor="middle" class="axis">
                    {d.day.slice(8)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </figure>
    </div>
  );
}
