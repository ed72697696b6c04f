import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { PageHealth } from '../core/health';
import { DEFAULT_FILTER, type ItemFilter } from '../core/triage';
import type { ItemStatus, Settings, SiteId } from '../core/types';
import { DEFAULT_SETTINGS, SITE_NAMES, sitesInUse } from '../core/types';
import { t } from '../core/i18n';
import type { ItemQuery } from '../shared/protocol';
import { errorText, send } from '../ui/api';
import { EmptyState, Loading } from '../ui/empty';
import { StatusLine, useStatus } from '../ui/status';
import { BulkBar, SelectAll } from './BulkBar';
import { Filters, isFiltered, STATUS_VIEWS } from './Filters';
import { type GroupSelection, ItemList } from './ItemList';
import { MissingHandles } from './MissingHandles';
import { TeamNotice } from './TeamNotice';
import { SiteHealth } from './SiteHealth';
import { useTeamMembers } from './useTeamMembers';
import { useItemPages } from './useItemPages';
import { type Triage, useTriage } from './useTriage';

/** What the list says when it shows nothing: that the filters hide all, or that the view is empty. */
function EmptyList({ filter, enabled }: { filter: ItemFilter; enabled: SiteId[] }) {
  const filtered = isFiltered(filter);
  const view = STATUS_VIEWS.find((v) => v.status === filter.status) ?? STATUS_VIEWS[0]!;
  return (
    <EmptyState title={filtered ? t('emptyFiltered') : t(view.empty)}>
      {filter.status === 'pending' && !filtered && (
        <p class="muted">{t('emptyWaitingHint', enabled.map((s) => SITE_NAMES[s]).join(', '))}</p>
      )}
    </EmptyState>
  );
}

/**
 * The keys a selection takes, asked of the worker (the list holds only the rows in view): all the
 * comments listed, or one conversation's. A conversation's are kept to show whether all are selected.
 */
function useGroupSelection(
  query: ItemQuery,
  shown: string | null,
  triage: Triage,
  allSelected: boolean,
): GroupSelection {
  const [known, setKnown] = useState(new Map<string, string[]>());
  useEffect(() => setKnown(new Map()), [shown]);
  return {
    checked: (id) => {
      const keys = known.get(id);
      return keys ? keys.length > 0 && keys.every((k) => triage.selected.has(k)) : allSelected;
    },
    toggle: (id) => void triage.attempt(async () => {
      const keys = known.get(id) ?? (await send('items/keys', { query, group: id }));
      setKnown((prev) => new Map(prev).set(id, keys));
      const on = !keys.every((k) => triage.selected.has(k));
      triage.toggle(keys, on);
    }),
  };
}

interface WaitingProps {
  settings: Settings | null;
  health: Partial<Record<SiteId, PageHealth>>;
  /** The counts by status, each time the worker gives them (the header shows the waiting one). */
  onCounts: (counts: Record<ItemStatus, number>) => void;
}

/** The comments view: the notices, the filters, the bulk bar, the list, and what was last done. */
export function Waiting({ settings, health, onCounts }: WaitingProps) {
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const [grouped, setGrouped] = useState(true);
  const [failure, report] = useStatus();
  const team = useTeamMembers();
  const me = team.me ?? undefined;
  const query = useMemo((): ItemQuery => ({ ...filter, grouped, ...(me ? { me } : {}) }), [filter, grouped, me]);
  const onError = useCallback((error: unknown) => report.error(errorText(error)), [report]);
  const pages = useItemPages(query, onError);
  const triage = useTriage(pages.reload, team);
  const allSelected = pages.matched > 0 && triage.selected.size >= pages.matched;
  const groups = useGroupSelection(query, pages.shown, triage, allSelected);
  const enabledSites = sitesInUse(settings ?? DEFAULT_SETTINGS);
  const { counts } = pages;
  // Before the browser paints: the header's count comes with the rows.
  useLayoutEffect(() => {
    if (counts) onCounts(counts);
  }, [counts, onCounts]);
  /** A new filter shows other comments: none of them is selected. */
  const changeFilter = (patch: Partial<ItemFilter>) => {
    setFilter({ ...filter, ...patch });
    triage.select([]);
  };
  const selectAll = () => triage.attempt(async () => triage.select(await send('items/keys', { query, group: null })));

  if (pages.total === null || !counts) return failure ? <StatusLine role="alert" status={failure} /> : <Loading />;
  return (
    <>
      <SiteHealth health={health} enabled={enabledSites} />
      <MissingHandles settings={settings} enabled={enabledSites} />
      <TeamNotice />
      <Filters
        counts={counts}
        filter={filter}
        onFilter={changeFilter}
        grouped={grouped}
        onGrouped={setGrouped}
        sites={enabledSites}
        mine={team.me ? pages.mine : null}
      >
        <SelectAll matched={pages.matched} allSelected={allSelected} onSelectAll={selectAll} triage={triage} />
      </Filters>
      <StatusLine role="alert" status={failure} />
      <BulkBar status={filter.status} triage={triage} />
      {pages.total === 0
        ? <EmptyList filter={filter} enabled={enabledSites} />
        : <ItemList pages={pages} listId={pages.shown ?? ''} triage={triage} groups={groups} />}
      <StatusLine class="status" status={triage.message} />
    </>
  );
}
