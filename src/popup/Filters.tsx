import type { ItemFilter } from '../core/triage';
import type { ItemStatus } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { type MessageKey, t } from '../core/i18n';
import { SearchField, Select } from '../ui/fields';

/** The views by status: each one's button, and what its list says when empty. */
export const STATUS_VIEWS: { status: ItemStatus; label: MessageKey; empty: MessageKey }[] = [
  { status: 'pending', label: 'viewWaiting', empty: 'emptyWaiting' },
  { status: 'snoozed', label: 'viewSnoozed', empty: 'emptySnoozed' },
  { status: 'answered', label: 'viewAnswered', empty: 'emptyAnswered' },
  { status: 'dismissed', label: 'viewDismissed', empty: 'emptyDismissed' },
];

/** Whether anything but the status narrows the list. */
export const isFiltered = (filter: ItemFilter) =>
  filter.query !== '' || filter.site !== 'all' || filter.kind !== 'all' || filter.label !== 'all';

interface FiltersProps {
  /** How many comments each view holds. */
  counts: Record<ItemStatus, number>;
  filter: ItemFilter;
  onFilter: (patch: Partial<ItemFilter>) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
}

/** Which comments the list shows: the view by status (with counts), the search, and the filters and order. */
export function Filters({ counts, filter, onFilter, grouped, onGrouped }: FiltersProps) {
  return (
    <>
      <div class="views" role="group" aria-label={t('show')}>
        {STATUS_VIEWS.map((v) => (
          <button type="button" key={v.status} aria-pressed={filter.status === v.status} onClick={() => onFilter({ status: v.status })}>
            {t(v.label)}
            {' '}
            <span class="muted">{counts[v.status]}</span>
          </button>
        ))}
      </div>
      <div class="toolbar">
        <SearchField class="search" label={t('searchComments')} value={filter.query} onInput={(query) => onFilter({ query })} />
      </div>
      <div class="toolbar filters">
        <Select
          name="site"
          label={t('filterSite')}
          value={filter.site}
          options={[['all', t('allSites')], ...SITE_IDS.map((s): [typeof s, string] => [s, SITE_NAMES[s]])]}
          onChange={(site) => onFilter({ site })}
        />
        <Select
          name="kind"
          label={t('filterKind')}
          value={filter.kind}
          options={[['all', t('allKinds')], ['comment', t('kindComments')], ['reply', t('kindReplies')], ['mention', t('kindMentions')]]}
          onChange={(kind) => onFilter({ kind })}
        />
        <Select
          name="label"
          label={t('filterLabel')}
          value={filter.label}
          options={[['all', t('anyLabel')], ['question', t('labelQuestions')], ['complaint', t('labelComplaints')]]}
          onChange={(label) => onFilter({ label })}
        />
        <Select
          name="order"
          label={t('filterOrder')}
          value={filter.order}
          options={[['oldest', t('oldestFirst')], ['newest', t('newestFirst')]]}
          onChange={(order) => onFilter({ order })}
        />
        <label class="inline">
          <input type="checkbox" name="grouped" checked={grouped} onChange={() => onGrouped(!grouped)} />
          {' '}
          {t('groupConversations')}
        </label>
      </div>
    </>
  );
}
