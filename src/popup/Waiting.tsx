import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { formatAge } from '../core/time';
import {
  DEFAULT_FILTER,
  filterItems,
  groupRows,
  type ItemFilter,
  type Label,
  labelsFor,
  type Row,
  type SnoozeChoice,
  snoozeChoices,
} from '../core/triage';
import { type HealthProblem, healthProblems, type PageHealth } from '../core/health';
import type { Item, ItemKind, ItemStatus, Settings, SiteId } from '../core/types';
import { DEFAULT_SETTINGS, ownerHandle, SITE_IDS, SITE_NAMES, sitesInUse } from '../core/types';
import type { ItemAction } from '../shared/protocol';
import { type MessageKey, plural, t } from '../shared/i18n';
import { errorText, openOptions, send } from '../ui/api';
import { EmptyState, Loading } from '../ui/empty';
import { inputChecked, inputValue, SearchField, Select } from '../ui/fields';
import { type Status, StatusLine } from '../ui/status';

const STATUS_VIEWS: { status: ItemStatus; label: MessageKey; empty: MessageKey }[] = [
  { status: 'pending', label: 'viewWaiting', empty: 'emptyWaiting' },
  { status: 'snoozed', label: 'viewSnoozed', empty: 'emptySnoozed' },
  { status: 'answered', label: 'viewAnswered', empty: 'emptyAnswered' },
  { status: 'dismissed', label: 'viewDismissed', empty: 'emptyDismissed' },
];

const KIND: Record<ItemKind, MessageKey> = { comment: 'kindComment', reply: 'kindReply', mention: 'kindMention' };
const LABEL: Record<Label, MessageKey> = { question: 'labelQuestion', complaint: 'labelComplaint' };
const SNOOZE: Record<SnoozeChoice['id'], MessageKey> = {
  hour: 'snoozeHour',
  evening: 'snoozeEvening',
  tomorrow: 'snoozeTomorrow',
  nextWeek: 'snoozeNextWeek',
};

const ROW_HEIGHT = 118;
const GROUP_HEIGHT = 34;
const LIST_HEIGHT = 380;
const OVERSCAN = 4;

const heightOf = (row: Row) => (row.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT);

/** Renders only the rows in view (and a few around): thousands of items stay smooth. */
function VirtualList({ rows, render }: { rows: Row[]; render: (row: Row) => ComponentChild }) {
  const [top, setTop] = useState(0);
  const offsets = useMemo(() => {
    const at = [0];
    for (const row of rows) at.push(at.at(-1)! + heightOf(row));
    return at;
  }, [rows]);
  // The first row whose bottom is below the scroll position (binary search over the offsets).
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - OVERSCAN);
  let last = lo;
  while (last < rows.length && offsets[last]! < top + LIST_HEIGHT) last++;
  last = Math.min(rows.length, last + OVERSCAN);
  const total = offsets[rows.length]!;
  return (
    <ul
      class="items"
      aria-label={t('tabComments')}
      style={{ maxHeight: `${LIST_HEIGHT}px` }}
      onScroll={(e) => setTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      {first > 0 && <li aria-hidden="true" class="spacer" style={{ height: `${offsets[first]}px` }} />}
      {rows.slice(first, last).map(render)}
      {last < rows.length && <li aria-hidden="true" class="spacer" style={{ height: `${total - offsets[last]!}px` }} />}
    </ul>
  );
}

function SnoozeMenu({ onSnooze, onClose }: { onSnooze: (until: number) => void; onClose: () => void }) {
  const [custom, setCustom] = useState('');
  const chosen = custom ? new Date(custom).getTime() : Number.NaN;
  return (
    <div class="snooze" role="group" aria-label={t('snoozeUntil')}>
      {snoozeChoices(new Date()).map((c) => (
        <button type="button" key={c.id} onClick={() => onSnooze(c.until)}>
          {t(SNOOZE[c.id])}
        </button>
      ))}
      <label>
        <span class="visually-hidden">{t('snoozeChosenTime')}</span>
        <input type="datetime-local" value={custom} onInput={(e) => setCustom(inputValue(e))} />
      </label>
      <button type="button" disabled={!(chosen > Date.now())} onClick={() => onSnooze(chosen)}>
        {t('snoozeUntilThen')}
      </button>
      <button type="button" class="link" onClick={onClose}>
        {t('cancel')}
      </button>
    </div>
  );
}

interface WaitingProps {
  items: Item[] | null;
  settings: Settings | null;
  health: Partial<Record<SiteId, PageHealth>>;
  reload: () => Promise<void>;
}

function describeProblem(problem: HealthProblem, path: string): string {
  switch (problem.kind) {
    case 'noItems':
      return t('healthNoItems', path);
    case 'unreadable':
      return t('healthUnreadable', problem.items, path);
    case 'missing':
      return t('healthMissing', path, problem.parts.join(', '));
    case 'errors':
      return t('healthErrors', problem.parts.join(', '), path);
    case 'refused':
      return t('healthRefused', problem.items, path);
  }
}

/** Sites whose last page did not look as Replyline expects: said plainly, with what failed. */
function SiteHealth({ health, enabled }: { health: Partial<Record<SiteId, PageHealth>>; enabled: SiteId[] }) {
  const failing = enabled.flatMap((site) => {
    const report = health[site];
    const problems = report ? healthProblems(report) : [];
    return report && problems.length ? [{ site, report, problems }] : [];
  });
  if (failing.length === 0) return null;
  return (
    <div class="notice attention" role="group" aria-label={t('healthLabel')}>
      {failing.map(({ site, report, problems }) => (
        <p key={site} data-site={site}>
          <strong>{t('needsAttentionShort', SITE_NAMES[site])}</strong>
          {' '}
          {problems.map((p) => describeProblem(p, report.path)).join(' ')}
          {' '}
          <span class="muted">{formatAge(report.at, Date.now())}</span>
        </p>
      ))}
      <p class="muted">{t('healthHint')}</p>
    </div>
  );
}

export function Waiting({ items, settings, health, reload }: WaitingProps) {
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const [grouped, setGrouped] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [message, setMessage] = useState<Status>(null);
  const now = Date.now();
  const enabledSites = sitesInUse(settings ?? DEFAULT_SETTINGS);
  const missingOwner = settings ? enabledSites.filter((s) => !ownerHandle(settings, s)) : [];
  const shown = useMemo(() => filterItems(items ?? [], filter), [items, filter]);
  const rows = useMemo(
    () => (grouped ? groupRows(shown) : shown.map((item): Row => ({ type: 'item', item, grouped: false }))),
    [shown, grouped],
  );
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
      setMessage({ text: done });
      setSelected(new Set());
      setSnoozing(null);
      await reload();
    }
    catch (e) {
      setMessage({ text: errorText(e) });
    }
  };
  const open = async (item: Item) => {
    try {
      await send('tabs/open', { url: item.url });
      window.close();
    }
    catch (e) {
      setMessage({ text: errorText(e) });
    }
  };
  const toggle = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    setSelected(next);
  };
  const allSelected = shown.length > 0 && shown.every((i) => selected.has(i.key));
  const keys = [...selected];
  const many = (n: number) => plural(n, 'commentsOne', 'commentsMany');
  const filtered = filter.query !== '' || filter.site !== 'all' || filter.kind !== 'all' || filter.label !== 'all';

  if (items === null) return <Loading />;

  const renderItem = (item: Item, inGroup: boolean) => (
    <li class={`item${inGroup ? ' in-group' : ''}`} key={item.key} data-key={item.key} style={{ height: `${ROW_HEIGHT - 8}px` }}>
      <div class="meta">
        <input
          type="checkbox"
          checked={selected.has(item.key)}
          onChange={(e) => toggle([item.key], inputChecked(e))}
          aria-label={t('selectNamed', item.author.name || item.author.handle)}
        />
        <span class="site">{SITE_NAMES[item.site]}</span>
        <strong>{item.author.name}</strong>
        <span class="muted">{`@${item.author.handle}`}</span>
        <span class="muted">{`· ${t(KIND[item.kind])}`}</span>
        <span class="muted" title={new Date(item.sortAt).toLocaleString()}>
          {`· ${formatAge(item.sortAt, now)}`}
        </span>
        {labelsFor(item.text).map((l) => (
          <span class={`label ${l}`} key={l}>
            {t(LABEL[l])}
          </span>
        ))}
      </div>
      {snoozing !== item.key && <p class="excerpt">{item.text || t('noText')}</p>}
      {snoozing === item.key
        ? (
            <SnoozeMenu
              onClose={() => setSnoozing(null)}
              onSnooze={(until) => void run([item.key], { action: 'snooze', until }, t('doneSnoozedNamed', item.author.name))}
            />
          )
        : (
            <div class="actions">
              <button type="button" onClick={() => void open(item)}>
                {t('open')}
              </button>
              {item.status === 'pending'
                ? (
                    <>
                      <button type="button" onClick={() => void run([item.key], { action: 'answer' }, t('doneAnsweredNamed', item.author.name))}>
                        {t('markAnswered')}
                      </button>
                      <button type="button" onClick={() => setSnoozing(item.key)}>
                        {t('snoozeMenu')}
                      </button>
                      <button type="button" onClick={() => void run([item.key], { action: 'dismiss' }, t('doneDismissedNamed', item.author.name))}>
                        {t('dismiss')}
                      </button>
                    </>
                  )
                : (
                    <>
                      {item.status === 'snoozed' && item.snoozeUntil && (
                        <span class="muted">{t('snoozedUntil', new Date(item.snoozeUntil).toLocaleString())}</span>
                      )}
                      <button type="button" onClick={() => void run([item.key], { action: 'reopen' }, t('doneReopenedNamed', item.author.name))}>
                        {t('reopen')}
                      </button>
                    </>
                  )}
            </div>
          )}
    </li>
  );

  const renderGroup = (row: Extract<Row, { type: 'group' }>) => {
    const all = row.keys.every((k) => selected.has(k));
    return (
      <li class="group" key={`group:${row.id}`} style={{ height: `${GROUP_HEIGHT - 8}px` }}>
        <label>
          <input type="checkbox" checked={all} onChange={() => toggle(row.keys, !all)} />
          {' '}
          {t('groupHeader', row.keys.length, SITE_NAMES[row.site])}
        </label>
      </li>
    );
  };

  return (
    <>
      <SiteHealth health={health} enabled={enabledSites} />
      {missingOwner.length > 0 && (
        <p class="notice">
          {missingOwner.length > 3
            ? t('needHandleMany', missingOwner.length)
            : t('needHandle', missingOwner.map((s) => SITE_NAMES[s]).join(', '))}
          {' '}
          <button type="button" class="link" onClick={openOptions}>
            {t('setHandles')}
          </button>
        </p>
      )}
      <div class="views" role="group" aria-label={t('show')}>
        {STATUS_VIEWS.map((v) => (
          <button type="button" key={v.status} aria-pressed={filter.status === v.status} onClick={() => set({ status: v.status })}>
            {t(v.label)}
            {' '}
            <span class="muted">{counts[v.status]}</span>
          </button>
        ))}
      </div>
      <div class="toolbar">
        <SearchField class="search" label={t('searchComments')} value={filter.query} onInput={(query) => set({ query })} />
      </div>
      <div class="toolbar filters">
        <Select
          name="site"
          label={t('filterSite')}
          value={filter.site}
          options={[['all', t('allSites')], ...SITE_IDS.map((s): [typeof s, string] => [s, SITE_NAMES[s]])]}
          onChange={(site) => set({ site })}
        />
        <Select
          name="kind"
          label={t('filterKind')}
          value={filter.kind}
          options={[['all', t('allKinds')], ['comment', t('kindComments')], ['reply', t('kindReplies')], ['mention', t('kindMentions')]]}
          onChange={(kind) => set({ kind })}
        />
        <Select
          name="label"
          label={t('filterLabel')}
          value={filter.label}
          options={[['all', t('anyLabel')], ['question', t('labelQuestions')], ['complaint', t('labelComplaints')]]}
          onChange={(label) => set({ label })}
        />
        <Select
          name="order"
          label={t('filterOrder')}
          value={filter.order}
          options={[['oldest', t('oldestFirst')], ['newest', t('newestFirst')]]}
          onChange={(order) => set({ order })}
        />
        <label class="inline">
          <input type="checkbox" name="grouped" checked={grouped} onChange={() => setGrouped(!grouped)} />
          {' '}
          {t('groupConversations')}
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
            {keys.length ? t('selectedCount', keys.length) : t('selectAll', shown.length)}
          </label>
          {keys.length > 0 && (filter.status === 'pending'
            ? (
                <>
                  <button type="button" onClick={() => void run(keys, { action: 'answer' }, t('doneAnswered', many(keys.length)))}>
                    {t('markAnswered')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      const tomorrow = snoozeChoices(new Date()).find((c) => c.id === 'tomorrow')!;
                      void run(keys, { action: 'snooze', until: tomorrow.until }, t('doneSnoozedTomorrow', many(keys.length)));
                    }}
                  >
                    {t('snoozeTomorrowShort')}
                  </button>
                  <button type="button" onClick={() => void run(keys, { action: 'dismiss' }, t('doneDismissed', many(keys.length)))}>
                    {t('dismiss')}
                  </button>
                </>
              )
            : (
                <button type="button" onClick={() => void run(keys, { action: 'reopen' }, t('doneReopened', many(keys.length)))}>
                  {t('reopen')}
                </button>
              ))}
        </div>
      )}
      {shown.length === 0
        ? (
            <EmptyState title={filtered ? t('emptyFiltered') : t(view.empty)}>
              {filter.status === 'pending' && !filtered && (
                <p class="muted">{t('emptyWaitingHint', enabledSites.map((s) => SITE_NAMES[s]).join(', '))}</p>
              )}
            </EmptyState>
          )
        : <VirtualList rows={rows} render={(row) => (row.type === 'group' ? renderGroup(row) : renderItem(row.item, row.grouped))} />}
      <StatusLine class="status" status={message} />
    </>
  );
}
