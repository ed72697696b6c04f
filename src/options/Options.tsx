import { useCallback, useEffect, useState } from 'preact/hooks';
import { type BackupSummary, type ImportMode, MAX_BACKUP_BYTES, parseBackup } from '../core/backup';
import { validateSnippetDraft } from '../core/snippets';
import type { Settings, SiteId, Snippet } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import type { SnippetDraft } from '../shared/protocol';
import { errorText, send } from '../ui/api';

export function Options() {
  return (
    <main>
      <h1>Replyline</h1>
      <p class="muted">Everything stays in this browser: no account, no server.</p>
      <Handles />
      <SnippetManager />
      <PickerSettings />
      <DataSection />
    </main>
  );
}

function Handles() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('settings/get', {}).then(setSettings, (e) => setError(errorText(e)));
  }, []);
  return (
    <section aria-labelledby="handles-title">
      <h2 id="handles-title">Your handles</h2>
      <p class="muted">
        Replyline marks comments on your posts and mentions of you. It reads your handle from the page where
        the site shows it; a handle typed here wins.
      </p>
      {error && <p class="error">{error}</p>}
      {settings
        && SITE_IDS.map((site) => (
          <HandleRow key={site} site={site} settings={settings} onSaved={setSettings} />
        ))}
    </section>
  );
}

function HandleRow({
  site,
  settings,
  onSaved,
}: {
  site: SiteId;
  settings: Settings;
  onSaved: (s: Settings) => void;
}) {
  const account = settings.accounts[site];
  const [value, setValue] = useState(account?.manual ?? '');
  const [status, setStatus] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const id = `handle-${site}`;
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const next = await send('settings/setOwner', { site, handle: value.trim() || null });
      onSaved(next);
      setStatus({
        text: value.trim() ? 'Saved.' : 'Cleared: the handle read from the page is used.',
        tone: 'success',
      });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  return (
    <form class="handle-row" onSubmit={save}>
      <label for={id}>{SITE_NAMES[site]}</label>
      <input
        id={id}
        name={id}
        value={value}
        placeholder={account?.detected ? `@${account.detected} (read from the page)` : '@yourhandle'}
        aria-describedby={`${id}-hint`}
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit">Save</button>
      <span id={`${id}-hint`} class={`hint ${status?.tone ?? 'muted'}`} role="status">
        {status?.text
          ?? (account?.detected
            ? `Read from the page: @${account.detected}`
            : site === 'youtube'
              ? 'YouTube does not show your handle on its pages: type it here.'
              : 'Not seen on a page yet.')}
      </span>
    </form>
  );
}

const EMPTY: SnippetDraft = { id: null, title: '', body: '', tags: [], shortcut: '' };

function SnippetManager() {
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [draft, setDraft] = useState<SnippetDraft>(EMPTY);
  const [tagText, setTagText] = useState('');
  const [status, setStatus] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);

  const reload = useCallback(
    () =>
      send('snippets/list', {}).then(setSnippets, (e) => setStatus({ text: errorText(e), tone: 'error' })),
    [],
  );
  useEffect(() => void reload(), [reload]);

  const edit = (snippet: Snippet) => {
    setDraft({
      id: snippet.id,
      title: snippet.title,
      body: snippet.body,
      tags: snippet.tags,
      shortcut: snippet.shortcut,
    });
    setTagText(snippet.tags.join(', '));
    setStatus(null);
    document.getElementById('snippet-title')?.focus();
  };
  const reset = () => {
    setDraft(EMPTY);
    setTagText('');
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const tags = tagText
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const next = { ...draft, tags };
    const problem = validateSnippetDraft(next);
    if (problem) {
      setStatus({ text: problem, tone: 'error' });
      return;
    }
    try {
      const saved = await send('snippets/save', next);
      setStatus({ text: `Saved “${saved.title}”.`, tone: 'success' });
      reset();
      await reload();
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  const remove = async (snippet: Snippet) => {
    if (!window.confirm(`Delete the saved reply “${snippet.title}”?`)) return;
    try {
      await send('snippets/delete', { id: snippet.id });
      if (draft.id === snippet.id) reset();
      setStatus({ text: `Deleted “${snippet.title}”.`, tone: 'success' });
      await reload();
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };

  return (
    <section aria-labelledby="snippets-title">
      <h2 id="snippets-title">Saved replies</h2>
      <p class="muted">
        Variables are filled in when you insert:
        {' '}
        <code>{'{name}'}</code>
        ,
        {' '}
        <code>{'{first_name}'}</code>
        ,
        {' '}
        <code>{'{handle}'}</code>
        {' '}
        of the person you answer,
        <code>{'{site}'}</code>
        ,
        {' '}
        <code>{'{my_name}'}</code>
        ,
        <code>{'{date}'}</code>
        , and
        <code>{'{cursor}'}</code>
        {' '}
        where the caret
        should end.
      </p>
      <form class="editor" onSubmit={save} aria-label={draft.id ? 'Edit saved reply' : 'New saved reply'}>
        <label>
          Title
          <input
            id="snippet-title"
            name="title"
            value={draft.title}
            maxLength={200}
            onInput={(e) => setDraft({ ...draft, title: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label>
          Text
          <textarea
            name="body"
            value={draft.body}
            maxLength={10000}
            onInput={(e) => setDraft({ ...draft, body: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </label>
        <div class="row">
          <label>
            Tags (comma separated)
            <input
              name="tags"
              value={tagText}
              onInput={(e) => setTagText((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            Shortcut
            <input
              name="shortcut"
              value={draft.shortcut}
              maxLength={50}
              onInput={(e) => setDraft({ ...draft, shortcut: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
        </div>
        <div class="row">
          <button type="submit" class="primary">
            {draft.id ? 'Save changes' : 'Add saved reply'}
          </button>
          {draft.id && (
            <button type="button" onClick={reset}>
              Cancel editing
            </button>
          )}
          <span class={status?.tone ?? ''} role="status">
            {status?.text}
          </span>
        </div>
      </form>
      {snippets && snippets.length === 0 && (
        <p class="muted">No saved replies yet: add your first one above.</p>
      )}
      {snippets && snippets.length > 0 && (
        <ul class="snippet-list" aria-label="Saved replies">
          {snippets.map((snippet) => (
            <li key={snippet.id}>
              <strong>{snippet.title}</strong>
              {' '}
              <span class="muted">
                {snippet.shortcut && `;${snippet.shortcut} · `}
                used
                {snippet.uses}
                {' '}
                {snippet.uses === 1 ? 'time' : 'times'}
              </span>
              <p class="body">{snippet.body}</p>
              {snippet.tags.length > 0 && (
                <p class="tags">
                  {snippet.tags.map((t) => (
                    <span key={t}>{t}</span>
                  ))}
                </p>
              )}
              <div class="row">
                <button type="button" onClick={() => edit(snippet)} aria-label={`Edit ${snippet.title}`}>
                  Edit
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => void remove(snippet)}
                  aria-label={`Delete ${snippet.title}`}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PickerSettings() {
  const [trigger, setTrigger] = useState('');
  const [shortcut, setShortcut] = useState('');
  const [status, setStatus] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  useEffect(() => {
    send('settings/get', {}).then(
      (s) => {
        setTrigger(s.trigger);
        setShortcut(s.pickerShortcut);
      },
      (e) => setStatus({ text: errorText(e), tone: 'error' }),
    );
  }, []);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const next = await send('settings/setPicker', { trigger, pickerShortcut: shortcut });
      setTrigger(next.trigger);
      setShortcut(next.pickerShortcut);
      setStatus({ text: 'Saved: open pages use it at once.', tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  return (
    <section aria-labelledby="picker-title">
      <h2 id="picker-title">Inline picker</h2>
      <p class="muted">
        In any comment box on a supported site, type the trigger (then a few letters to filter) or press the
        shortcut: your saved replies open at the caret. ↑ ↓ choose, Enter inserts, Esc closes.
      </p>
      <form class="editor" onSubmit={save} aria-label="Inline picker">
        <div class="row">
          <label>
            Trigger
            <input
              name="trigger"
              value={trigger}
              maxLength={5}
              onInput={(e) => setTrigger((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label>
            Shortcut
            <input
              name="pickerShortcut"
              value={shortcut}
              placeholder="Alt+Shift+S"
              onInput={(e) => setShortcut((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
        </div>
        <div class="row">
          <button type="submit">Save picker settings</button>
          <span class={status?.tone ?? ''} role="status">
            {status?.text}
          </span>
        </div>
      </form>
    </section>
  );
}

type Status = { text: string; tone: 'success' | 'error' } | null;

function describeSummary(summary: BackupSummary): string {
  const when = summary.exportedAt ? ` exported ${new Date(summary.exportedAt).toLocaleString()}` : '';
  const sites = summary.sites.length ? ` from ${summary.sites.map((s) => SITE_NAMES[s]).join(', ')}` : '';
  return `${summary.items} comments (${summary.pending} waiting)${sites} and ${summary.snippets} saved replies${when}`;
}

function DataSection() {
  const [file, setFile] = useState<{ name: string; text: string; summary: BackupSummary } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const exportAll = async () => {
    try {
      const backup = await send('data/export', {});
      const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `replyline-backup-${backup.exportedAt.slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: `Exported ${backup.items.length} comments and ${backup.snippets.length} saved replies.`, tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    setFile(null);
    if (!picked) return;
    if (picked.size > MAX_BACKUP_BYTES) {
      setStatus({ text: 'This file cannot be imported: it is larger than 50 MB.', tone: 'error' });
      return;
    }
    const text = await picked.text();
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setStatus({ text: `${parsed.error} Nothing was changed.`, tone: 'error' });
      input.value = '';
      return;
    }
    setFile({ name: picked.name, text, summary: parsed.summary });
    setStatus(null);
  };

  const importFile = async () => {
    if (!file) return;
    try {
      const summary = await send('data/import', { text: file.text, mode });
      setStatus({
        text: `${mode === 'merge' ? 'Merged' : 'Replaced everything with'} ${describeSummary(summary)}.`,
        tone: 'success',
      });
      setFile(null);
    }
    catch (e) {
      setStatus({ text: `${errorText(e)} Nothing was changed.`, tone: 'error' });
    }
  };

  const clearAll = async () => {
    try {
      await send('data/clear', { confirm: 'delete everything' });
      setConfirming(false);
      setStatus({ text: 'All Replyline data was deleted.', tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">
        Everything Replyline knows lives in this browser. Export it to move it to another browser or to keep a copy.
      </p>
      <div class="row">
        <button type="button" onClick={() => void exportAll()}>
          Export everything
        </button>
        <label class="file">
          Import a file…
          <input type="file" name="import" accept="application/json,.json" onChange={(e) => void choose(e)} />
        </label>
      </div>
      {file && (
        <div class="preview" role="group" aria-label="Import preview">
          <p>
            <strong>{file.name}</strong>
            {': '}
            {describeSummary(file.summary)}
            .
          </p>
          <fieldset>
            <legend>How to import</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
              {' '}
              Merge with what is here (the most recent of each wins)
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
              {' '}
              Replace everything here with the file
            </label>
          </fieldset>
          <div class="row">
            <button type="button" class="primary" onClick={() => void importFile()}>
              Import
            </button>
            <button type="button" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div class="row danger-zone">
        {confirming
          ? (
              <>
                <span>Delete every comment, saved reply and setting? Export first if you may want them back.</span>
                <button type="button" class="danger" onClick={() => void clearAll()}>
                  Delete everything
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep my data
                </button>
              </>
            )
          : (
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                Delete all data…
              </button>
            )}
      </div>
      <p class={status?.tone ?? ''} role="status" data-testid="data-status">
        {status?.text}
      </p>
    </section>
  );
}
