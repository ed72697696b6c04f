import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { type Backup, backupSizeProblem, type BackupSummary, type ImportMode, parseBackup } from '../core/backup';
import { parseSnippetCsv, snippetsToCsv } from '../core/csv';
import {
  duplicateDraft,
  searchSnippets,
  type SnippetOrder,
  sortSnippets,
  validateSnippetDraft,
} from '../core/snippets';
import { formatAge } from '../core/time';
import type { Settings, SiteId, Snippet, SnippetDraft } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { plural, t } from '../core/i18n';
import { SITES } from '../core/sites';
import { isValidSelector } from '../sites/types';
import { download, errorText, requestAccess, send } from '../ui/api';
import { instancePattern, parseInstanceHost } from '../core/instances';
import { importFromPage, importFailureText, type Imported } from '../background/importer';

type Status = { text: string; tone: 'success' | 'error' } | null;

const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export function Options() {
  return (
    <main>
      <h1>Replyline</h1>
      <p class="muted">{t('optionsTagline')}</p>
      <Sites />
      <Instances />
      <SnippetManager />
      <PickerSettings />
      <Selectors />
      <DataSection />
    </main>
  );
}

function Sites() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    send('settings/get', {}).then(setSettings, (e) => setStatus({ text: errorText(e), tone: 'error' }));
  }, []);
  const toggle = async (site: SiteId, on: boolean) => {
    if (!settings) return;
    const disabled = on ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site];
    try {
      setSettings(await send('settings/setSites', { disabledSites: disabled }));
      setStatus({ text: t(on ? 'siteTurnedOn' : 'siteTurnedOff', SITE_NAMES[site]), tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="muted">{t('sitesIntro')}</p>
      {settings && (
        <ul class="sites" aria-label={t('sitesTitle')}>
          {SITE_IDS.map((site) => (
            <li key={site}>
              <label class="switch">
                <input
                  type="checkbox"
                  name={`site-${site}`}
                  checked={!settings.disabledSites.includes(site)}
                  onChange={(e) => void toggle(site, (e.currentTarget as HTMLInputElement).checked)}
                />
                {' '}
                {t('siteOnLabel', SITE_NAMES[site])}
              </label>
              <HandleRow site={site} settings={settings} onSaved={setSettings} />
            </li>
          ))}
        </ul>
      )}
      <p class={status?.tone ?? ''} role="status">
        {status?.text}
      </p>
    </section>
  );
}

function HandleRow({ site, settings, onSaved }: { site: SiteId; settings: Settings; onSaved: (s: Settings) => void }) {
  const account = settings.accounts[site];
  const [value, setValue] = useState(account?.manual ?? '');
  const [status, setStatus] = useState<Status>(null);
  const id = `handle-${site}`;
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const next = await send('settings/setOwner', { site, handle: value.trim() || null });
      onSaved(next);
      setStatus({ text: value.trim() ? t('handleSaved') : t('handleCleared'), tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  const hint = account?.detected
    ? t('handleDetected', account.detected)
    : SITES[site].readsOwner
      ? t('handleNotSeen')
      : t('handleTypeHint', SITE_NAMES[site]);
  return (
    <form class="handle-row" onSubmit={save}>
      <label for={id}>{t('handleLabel', SITE_NAMES[site])}</label>
      <input
        id={id}
        name={id}
        value={value}
        placeholder={
          account?.detected
            ? t('handleDetectedPlaceholder', account.detected)
            : SITES[site].fullAddresses
              ? t('handlePlaceholderMastodon')
              : t('handlePlaceholder')
        }
        aria-describedby={`${id}-hint`}
        onInput={(e) => setValue(inputValue(e))}
      />
      <button type="submit">{t('save')}</button>
      <span id={`${id}-hint`} class={`hint ${status?.tone ?? 'muted'}`} role="status">
        {status?.text ?? hint}
      </span>
    </form>
  );
}

type Instance = { host: string; access: boolean };

/**
 * The Mastodon servers Replyline runs on. Adding one asks the browser for that host alone (its
 * prompt needs the click, so the request comes first), then the background registers the
 * content script there; removing one unregisters it and gives the access back.
 */
function Instances() {
  const [instances, setInstances] = useState<Instance[] | null>(null);
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setInstances(await send('instances/list', {})), []);
  useEffect(() => {
    load().catch((e) => setStatus({ text: errorText(e), tone: 'error' }));
  }, [load]);

  /** Runs one change of the list, says how it went, and shows the list as it now is. */
  const act = async (change: () => Promise<Status>) => {
    setBusy(true);
    try {
      setStatus(await change());
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
    finally {
      setBusy(false);
      await load().catch(() => undefined);
    }
  };

  const allow = (host: string, added: () => void) =>
    act(async () => {
      // Straight from the click: the browser only shows its prompt during the user's gesture.
      if (!(await requestAccess(instancePattern(host)))) return { text: t('instanceRefused', host), tone: 'error' };
      await send('instances/add', { host });
      added();
      return { text: t('instanceAdded', host), tone: 'success' };
    });

  const add = (event: Event) => {
    event.preventDefault();
    const host = parseInstanceHost(value);
    if (!host) {
      setStatus({ text: t('instanceInvalid'), tone: 'error' });
      return;
    }
    void allow(host, () => setValue(''));
  };

  const remove = (host: string) =>
    act(async () => {
      await send('instances/remove', { host });
      return { text: t('instanceRemoved', host), tone: 'success' };
    });

  return (
    <section aria-labelledby="instances-title">
      <h2 id="instances-title">{t('instancesTitle')}</h2>
      <p class="muted">{t('instancesIntro')}</p>
      <form class="handle-row" onSubmit={add}>
        <label for="instance-host">{t('instanceLabel')}</label>
        <input
          id="instance-host"
          name="instance-host"
          value={value}
          placeholder={t('instancePlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setValue(inputValue(e))}
        />
        <button type="submit" disabled={busy}>{t('instanceAdd')}</button>
      </form>
      {instances && instances.length === 0 && <p class="muted">{t('instancesEmpty')}</p>}
      {instances && instances.length > 0 && (
        <ul class="sites instances" aria-label={t('instancesTitle')}>
          {instances.map(({ host, access }) => (
            <li key={host} class="instance">
              <strong>{host}</strong>
              <span class={access ? 'muted' : 'error'}>{access ? t('instanceRunning') : t('instanceWithdrawn')}</span>
              <span class="actions">
                {!access && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('instanceAllowLabel', host)}
                    onClick={() => void allow(host, () => undefined)}
                  >
                    {t('instanceAllow')}
                  </button>
                )}
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('instanceRemoveLabel', host)}
                  onClick={() => void remove(host)}
                >
                  {t('instanceRemove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class={status?.tone ?? ''} role="status">
        {status?.text}
      </p>
    </section>
  );
}

const EMPTY: SnippetDraft = { id: null, title: '', body: '', tags: [], shortcut: '' };

const ORDERS: { id: SnippetOrder; label: () => string }[] = [
  { id: 'uses', label: () => t('orderMostUsed') },
  { id: 'recent', label: () => t('orderRecentlyUsed') },
  { id: 'title', label: () => t('orderTitle') },
  { id: 'newest', label: () => t('orderNewest') },
];

const today = () => new Date().toISOString().slice(0, 10);

function SnippetManager() {
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [draft, setDraft] = useState<SnippetDraft>(EMPTY);
  const [tagText, setTagText] = useState('');
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SnippetOrder>('uses');
  const [csv, setCsv] = useState<{ name: string; drafts: SnippetDraft[] } | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const reload = useCallback(
    () => send('snippets/list', {}).then(setSnippets, (e) => setStatus({ text: errorText(e), tone: 'error' })),
    [],
  );
  useEffect(() => void reload(), [reload]);
  const shown = useMemo(
    () => sortSnippets(query.trim() ? searchSnippets(snippets ?? [], query) : (snippets ?? []), order),
    [snippets, query, order],
  );

  const startEditing = (next: SnippetDraft) => {
    setDraft(next);
    setTagText(next.tags.join(', '));
    document.getElementById('snippet-title')?.focus();
  };
  const reset = () => {
    setDraft(EMPTY);
    setTagText('');
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const tags = tagText.split(',').map((tag) => tag.trim()).filter(Boolean);
    const next = { ...draft, tags };
    const problem = validateSnippetDraft(next);
    if (problem) {
      setStatus({ text: problem, tone: 'error' });
      return;
    }
    try {
      const saved = await send('snippets/save', next);
      setStatus({ text: t('snippetSaved', saved.title), tone: 'success' });
      reset();
      await reload();
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  const duplicate = async (snippet: Snippet) => {
    try {
      const copy = await send('snippets/save', duplicateDraft(snippet, (title) => t('copyTitle', title)));
      setStatus({ text: t('snippetDuplicated', copy.title), tone: 'success' });
      await reload();
      startEditing({ ...copy });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  const remove = async (snippet: Snippet) => {
    if (!window.confirm(t('snippetDeleteConfirm', snippet.title))) return;
    try {
      await send('snippets/delete', { id: snippet.id });
      if (draft.id === snippet.id) reset();
      setStatus({ text: t('snippetDeleted', snippet.title), tone: 'success' });
      await reload();
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  const exportCsv = () => {
    if (!snippets?.length) return;
    download(`replyline-saved-replies-${today()}.csv`, snippetsToCsv(snippets), 'text/csv');
    setStatus({ text: plural(snippets.length, 'csvExportedOne', 'csvExportedMany'), tone: 'success' });
  };
  const chooseCsv = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    input.value = '';
    setCsv(null);
    if (!picked) return;
    if (picked.size > 5_000_000) {
      setStatus({ text: t('csvTooLarge'), tone: 'error' });
      return;
    }
    const parsed = parseSnippetCsv(await picked.text());
    if (!parsed.ok) {
      setStatus({ text: t('nothingChanged', parsed.error), tone: 'error' });
      return;
    }
    setCsv({ name: picked.name, drafts: parsed.drafts });
    setStatus(null);
  };
  const importCsv = async () => {
    if (!csv) return;
    try {
      const { added, skipped } = await send('snippets/import', { drafts: csv.drafts });
      setStatus({ text: t('csvImported', added, skipped), tone: 'success' });
      setCsv(null);
      await reload();
    }
    catch (e) {
      setStatus({ text: t('nothingChanged', errorText(e)), tone: 'error' });
    }
  };

  return (
    <section aria-labelledby="snippets-title">
      <h2 id="snippets-title">{t('savedReplies')}</h2>
      <p class="muted">
        {t('variablesIntro')}
        {' '}
        {['{name}', '{first_name}', '{handle}', '{site}', '{my_name}', '{date}', '{cursor}', '{input:…}'].map((v) => (
          <code key={v}>{v}</code>
        ))}
      </p>
      <form class="editor" onSubmit={save} aria-label={draft.id ? t('editSnippet') : t('newSnippet')}>
        <label>
          {t('fieldTitle')}
          <input
            id="snippet-title"
            name="title"
            value={draft.title}
            maxLength={200}
            onInput={(e) => {
              const title = inputValue(e);
              setDraft((d) => ({ ...d, title }));
            }}
          />
        </label>
        <label>
          {t('fieldText')}
          <textarea
            name="body"
            value={draft.body}
            maxLength={10000}
            onInput={(e) => {
              const body = inputValue(e);
              setDraft((d) => ({ ...d, body }));
            }}
          />
        </label>
        <div class="row">
          <label>
            {t('fieldTags')}
            <input name="tags" value={tagText} onInput={(e) => setTagText(inputValue(e))} />
          </label>
          <label>
            {t('fieldShortcut')}
            <input
              name="shortcut"
              value={draft.shortcut}
              maxLength={50}
              onInput={(e) => {
                const shortcut = inputValue(e);
                setDraft((d) => ({ ...d, shortcut }));
              }}
            />
          </label>
        </div>
        <div class="row">
          <button type="submit" class="primary">
            {draft.id ? t('saveChanges') : t('addSnippet')}
          </button>
          {(draft.id || draft.title || draft.body) && (
            <button type="button" onClick={reset}>
              {draft.id ? t('cancelEditing') : t('clearForm')}
            </button>
          )}
        </div>
      </form>
      <div class="row toolbar">
        <label class="grow">
          <span class="visually-hidden">{t('searchSnippets')}</span>
          <input
            type="search"
            name="snippet-search"
            placeholder={t('searchSnippets')}
            value={query}
            onInput={(e) => setQuery(inputValue(e))}
          />
        </label>
        <label>
          <span class="visually-hidden">{t('sortBy')}</span>
          <select name="snippet-order" value={order} onChange={(e) => setOrder(inputValue(e) as SnippetOrder)}>
            {ORDERS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={!snippets?.length}>
          {t('csvExport')}
        </button>
        <label class="file">
          {t('csvImport')}
          <input type="file" name="import-csv" accept=".csv,text/csv" onChange={(e) => void chooseCsv(e)} />
        </label>
      </div>
      {csv && (
        <div class="preview" role="group" aria-label={t('csvPreview')}>
          <p>
            <strong>{csv.name}</strong>
            {': '}
            {plural(csv.drafts.length, 'csvHoldsOne', 'csvHoldsMany')}
            {' '}
            {csv.drafts.slice(0, 5).map((d) => d.title).join(' · ')}
            {csv.drafts.length > 5 ? ' …' : ''}
          </p>
          <div class="row">
            <button type="button" class="primary" onClick={() => void importCsv()}>
              {t('csvAdd')}
            </button>
            <button type="button" onClick={() => setCsv(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <p class={status?.tone ?? ''} role="status" data-testid="snippet-status">
        {status?.text}
      </p>
      {snippets && snippets.length === 0 && <p class="muted">{t('noSnippetsYet')}</p>}
      {snippets && snippets.length > 0 && shown.length === 0 && <p class="muted">{t('noSnippetMatches', query)}</p>}
      {shown.length > 0 && (
        <ul class="snippet-list" aria-label={t('savedReplies')}>
          {shown.map((snippet) => (
            <SnippetRow
              key={snippet.id}
              snippet={snippet}
              onEdit={() => startEditing({ ...snippet })}
              onDuplicate={() => void duplicate(snippet)}
              onDelete={() => void remove(snippet)}
              onTag={setQuery}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface SnippetRowProps {
  snippet: Snippet;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

function SnippetRow({ snippet, onEdit, onDuplicate, onDelete, onTag }: SnippetRowProps) {
  const used = plural(snippet.uses, 'usedOnce', 'usedTimes');
  const last = snippet.lastUsedAt === null ? t('neverUsed') : t('lastUsed', formatAge(snippet.lastUsedAt, Date.now()));
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
            <button type="button" class="tag" key={tag} onClick={() => onTag(tag)} aria-label={t('showTag', tag)}>
              {tag}
            </button>
          ))}
        </p>
      )}
      <div class="row">
        <button type="button" onClick={onEdit} aria-label={t('editNamed', snippet.title)}>
          {t('edit')}
        </button>
        <button type="button" onClick={onDuplicate} aria-label={t('duplicateNamed', snippet.title)}>
          {t('duplicate')}
        </button>
        <button type="button" class="danger" onClick={onDelete} aria-label={t('deleteNamed', snippet.title)}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

function PickerSettings() {
  const [trigger, setTrigger] = useState('');
  const [shortcut, setShortcut] = useState('');
  const [status, setStatus] = useState<Status>(null);
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
      setStatus({ text: t('pickerSaved'), tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };
  return (
    <section aria-labelledby="picker-title">
      <h2 id="picker-title">{t('pickerTitle')}</h2>
      <p class="muted">{t('pickerIntro')}</p>
      <form class="editor" onSubmit={save} aria-label={t('pickerTitle')}>
        <div class="row">
          <label>
            {t('fieldTrigger')}
            <input name="trigger" value={trigger} maxLength={5} onInput={(e) => setTrigger(inputValue(e))} />
          </label>
          <label>
            {t('fieldShortcut')}
            <input
              name="pickerShortcut"
              value={shortcut}
              placeholder="Alt+Shift+S"
              onInput={(e) => setShortcut(inputValue(e))}
            />
          </label>
        </div>
        <div class="row">
          <button type="submit">{t('pickerSave')}</button>
          <span class={status?.tone ?? ''} role="status">
            {status?.text}
          </span>
        </div>
      </form>
    </section>
  );
}

/** Every adapter selector, replaceable without a new release: checked as CSS here, applied on open pages at once. */
function Selectors() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    send('settings/get', {}).then(setSettings, (e) => setStatus({ text: errorText(e), tone: 'error' }));
  }, []);
  return (
    <section aria-labelledby="selectors-title">
      <h2 id="selectors-title">{t('selectorsTitle')}</h2>
      <p class="muted">{t('selectorsIntro')}</p>
      {settings && SITE_IDS.map((site) => (
        <SiteSelectors
          key={site}
          site={site}
          saved={settings.selectorOverrides[site] ?? {}}
          onSaved={(next, text) => {
            setSettings(next);
            setStatus({ text, tone: 'success' });
          }}
          onError={(text) => setStatus({ text, tone: 'error' })}
        />
      ))}
      <p class={status?.tone ?? ''} role="status" data-testid="selectors-status">
        {status?.text}
      </p>
    </section>
  );
}

interface SiteSelectorsProps {
  site: SiteId;
  saved: Record<string, string>;
  onSaved: (settings: Settings, message: string) => void;
  onError: (message: string) => void;
}

function SiteSelectors({ site, saved, onSaved, onError }: SiteSelectorsProps) {
  const defaults = SITES[site].selectors;
  const [draft, setDraft] = useState<Record<string, string>>(saved);
  const changed = Object.keys(saved).length;
  const save = async (overrides: Record<string, string>) => {
    const invalid = Object.entries(overrides).filter(([, css]) => css.trim() && !isValidSelector(css.trim(), document));
    if (invalid.length) {
      onError(t('selectorInvalid', invalid.map(([name]) => name).join(', ')));
      return;
    }
    try {
      const next = await send('settings/setSelectors', { site, overrides });
      setDraft(next.selectorOverrides[site] ?? {});
      onSaved(next, Object.keys(overrides).length ? t('selectorsSaved', SITE_NAMES[site]) : t('selectorsReset', SITE_NAMES[site]));
    }
    catch (e) {
      onError(errorText(e));
    }
  };
  return (
    <details class="selectors">
      <summary>
        {SITE_NAMES[site]}
        {changed > 0 && <span class="muted">{` · ${plural(changed, 'selectorsChangedOne', 'selectorsChangedMany')}`}</span>}
      </summary>
      <form
        class="editor"
        aria-label={t('selectorsFor', SITE_NAMES[site])}
        onSubmit={(e) => {
          e.preventDefault();
          void save(Object.fromEntries(Object.entries(draft).filter(([, css]) => css.trim())));
        }}
      >
        {Object.entries(defaults).map(([name, css]) => (
          <label key={name} class="selector">
            <code>{name}</code>
            <input
              name={`selector-${site}-${name}`}
              value={draft[name] ?? ''}
              placeholder={css}
              spellcheck={false}
              onInput={(e) => {
                const value = inputValue(e);
                setDraft((d) => ({ ...d, [name]: value }));
              }}
            />
          </label>
        ))}
        <div class="row">
          <button type="submit">{t('selectorsSave')}</button>
          <button type="button" onClick={() => void save({})} disabled={changed === 0}>
            {t('selectorsResetButton')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The selectors an override in a backup may name: those the site declares. */
const selectorNames = (site: SiteId) => Object.keys(SITES[site].selectors);

function describeSummary(summary: BackupSummary): string {
  const sites = summary.sites.map((s) => SITE_NAMES[s]).join(', ') || '—';
  const when = summary.exportedAt ? new Date(summary.exportedAt).toLocaleString() : '—';
  return t('backupSummary', summary.items, summary.pending, sites, summary.snippets, when);
}

function DataSection() {
  const [file, setFile] = useState<{ name: string; backup: Backup; summary: BackupSummary } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const exportAll = async () => {
    try {
      const backup = await send('data/export', {});
      download(`replyline-backup-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup), 'application/json');
      setStatus({ text: t('exported', backup.items.length, backup.snippets.length), tone: 'success' });
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
    // The size is known before the file is read: a larger one is never loaded.
    const tooLarge = backupSizeProblem(picked.size);
    if (tooLarge) {
      setStatus({ text: t('nothingChanged', tooLarge), tone: 'error' });
      input.value = '';
      return;
    }
    const text = await picked.text();
    const parsed = parseBackup(text, { selectorNames, now: Date.now() });
    if (!parsed.ok) {
      setStatus({ text: t('nothingChanged', parsed.error), tone: 'error' });
      input.value = '';
      return;
    }
    setFile({ name: picked.name, backup: parsed.backup, summary: parsed.summary });
    setStatus(null);
  };

  /**
   * The page writes the import itself, in one transaction (a file up to the size limit never
   * travels in a message), then tells the worker, which makes the toolbar and open pages follow.
   */
  const importFile = async () => {
    if (!file || busy) return;
    setBusy(true);
    let imported: Imported;
    try {
      imported = await importFromPage(file.backup, mode);
    }
    catch (e) {
      setStatus({ text: t('nothingChanged', importFailureText(e)), tone: 'error' });
      setBusy(false);
      return;
    }
    setFile(null);
    const done = t(mode === 'merge' ? 'importMerged' : 'importReplaced', describeSummary(file.summary));
    try {
      await send('data/imported', imported);
      setStatus({ text: done, tone: 'success' });
    }
    catch (e) {
      setStatus({ text: t('importedNotFollowed', done, errorText(e)), tone: 'error' });
    }
    finally {
      setBusy(false);
    }
  };

  const clearAll = async () => {
    try {
      await send('data/clear', { confirm: 'delete everything' });
      setConfirming(false);
      setStatus({ text: t('allDeleted'), tone: 'success' });
    }
    catch (e) {
      setStatus({ text: errorText(e), tone: 'error' });
    }
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="muted">{t('dataIntro')}</p>
      <div class="row">
        <button type="button" onClick={() => void exportAll()}>
          {t('exportEverything')}
        </button>
        <label class="file">
          {t('importFile')}
          <input type="file" name="import" accept="application/json,.json" onChange={(e) => void choose(e)} />
        </label>
      </div>
      {file && (
        <div class="preview" role="group" aria-label={t('importPreview')}>
          <p>
            <strong>{file.name}</strong>
            {': '}
            {describeSummary(file.summary)}
          </p>
          {file.summary.dropped > 0 && (
            <p class="muted" data-testid="import-dropped">
              {plural(file.summary.dropped, 'backupDroppedOne', 'backupDroppedMany')}
            </p>
          )}
          <fieldset>
            <legend>{t('importHow')}</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
              {' '}
              {t('importMergeLabel')}
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
              {' '}
              {t('importReplaceLabel')}
            </label>
          </fieldset>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void importFile()}>
              {t('import')}
            </button>
            <button type="button" disabled={busy} onClick={() => setFile(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="row danger-zone">
        {confirming
          ? (
              <>
                <span>{t('deleteAllQuestion')}</span>
                <button type="button" class="danger" onClick={() => void clearAll()}>
                  {t('deleteEverything')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('keepMyData')}
                </button>
              </>
            )
          : (
              <button type="button" class="danger" onClick={() => setConfirming(true)}>
                {t('deleteAllData')}
              </button>
            )}
      </div>
      <p class={status?.tone ?? ''} role="status" data-testid="data-status">
        {status?.text}
      </p>
    </section>
  );
}
