import { useMemo, useState } from 'preact/hooks';
import type { PageHealth } from '../core/health';
import { DEFAULT_FILTER, filterItems, groupRows, type ItemFilter, type Row } from '../core/triage';
import type { Item, Settings, SiteId } from '../core/types';
import { DEFAULT_SETTINGS, SITE_NAMES, sitesInUse } from '../core/types';
import { t } from '../core/i18n';
import { EmptyState, Loading } from '../ui/empty';
import { StatusLine } from '../ui/status';
import { BulkBar } from './BulkBar';
import { Filters, isFiltered, STATUS_VIEWS } from './Filters';
import { ItemList } from './ItemList';
import { MissingHandles } from './MissingHandles';
import { SiteHealth } from './SiteHealth';
import { useTriage } from './useTriage';

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

interface WaitingProps {
  items: Item[] | null;
  settings: Settings | null;
  health: Partial<Record<SiteId, PageHealth>>;
  reload: () => Promise<void>;
}

/** The comments view: the notices, the filters, the bulk bar, the list, and what was last done. */
export function Waiting({ items, settings, health, reload }: WaitingProps) {
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const [grouped, setGrouped] = useState(true);
  const triage = useTriage(reload);
  const enabledSites = sitesInUse(settings ?? DEFAULT_SETTINGS);
  const shown = useMemo(() => filterItems(items ?? [], filter), [items, filter]);
  const rows = useMemo(
    () => (grouped ? groupRows(shown) : shown.map((item): Row => ({ type: 'item', item, grouped: false }))),
    [shown, grouped],
  );
  /** A new filter shows other comments: none of them is selected. */
  const changeFilter = (patch: Partial<ItemFilter>) => {
    setFilter({ ...filter, ...patch });
    triage.select([]);
  };

  if (items === null) return <Loading />;
  return (
    <>
      <SiteHealth health={health} enabled={enabledSites} />
      <MissingHandles settings={settings} enabled={enabledSites} />
      <Filters items={items} filter={filter} onFilter={changeFilter} grouped={grouped} onGrouped={setGrouped} />
      {shown.length > 0 && <BulkBar shown={shown} status={filter.status} triage={triage} />}
      {shown.length === 0
        ? <EmptyList filter={filter} enabled={enabledSites} />
        : <ItemList rows={rows} triage={triage} />}
      <StatusLine class="status" status={triage.message} />
    </>
  );
}
