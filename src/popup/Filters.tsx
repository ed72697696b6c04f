import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DEFAULT_FILTER, type ItemFilter } from '../core/triage';
import type { ItemStatus, SiteId } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { type MessageKey, t } from '../core/i18n';
import { SearchField, Select } from '../ui/fields';

/** The views by status: each one's choice, and what its list says when empty. */
export const STATUS_VIEWS: { status: ItemStatus; label: MessageKey; empty: MessageKey }[] = [
  { status: 'pending', label: 'viewWaiting', empty: 'emptyWaiting' },
  { status: 'snoozed', label: 'viewSnoozed', empty: 'emptySnoozed' },
  { status: 'answered', label: 'viewAnswered', empty: 'emptyAnswered' },
  { status: 'dismissed', label: 'viewDismissed', empty: 'emptyDismissed' },
];

/** The filter's fields a control of the Filters panel sets: all but the status and the search, which have their own. */
type Narrowing = Exclude<keyof ItemFilter, 'status' | 'query'>;

interface NarrowingControl {
  label: MessageKey;
  /** Its choices as [value, text], the default's first; given the sites offered and how many are mine. */
  choices: (sites: SiteId[], mine: number) => [string, string][];
  /** Shown in a team only. */
  team?: true;
}

/**
 * The controls behind the Filters button, in their order. A new way to narrow the list (who it is
 * assigned to…) is a field in ItemFilter and DEFAULT_FILTER, and its control here: the compiler
 * asks for it.
 */
const CONTROLS: Record<Narrowing, NarrowingControl> = {
  site: { label: 'filterSite', choices: (sites) => [['all', t('allSites')], ...sites.map((s): [string, string] => [s, SITE_NAMES[s]])] },
  kind: {
    label: 'filterKind',
    choices: () => [['all', t('allKinds')], ['comment', t('kindComments')], ['reply', t('kindReplies')], ['mention', t('kindMentions')]],
  },
  label: { label: 'filterLabel', choices: () => [['all', t('anyLabel')], ['question', t('labelQuestions')], ['complaint', t('labelComplaints')]] },
  order: { label: 'filterOrder', choices: () => [['oldest', t('oldestFirst')], ['newest', t('newestFirst')]] },
  assigned: {
    label: 'filterAssigned',
    choices: (_, mine) => [['all', t('assignedAnyone')], ['mine', t('assignedMineCount', mine.toLocaleString(t('lang')))], ['none', t('assignedNobody')]],
    team: true,
  },
};
const NARROWINGS = (Object.keys(CONTROLS) as Narrowing[]).map((key) => ({ key, ...CONTROLS[key] }));

/** How many of the panel's controls are away from their default (the order included). */
const changedNarrowings = (filter: ItemFilter) =>
  NARROWINGS.filter((n) => filter[n.key] !== DEFAULT_FILTER[n.key]).length;

/** Whether anything but the status (and the order) narrows the list. */
export const isFiltered = (filter: ItemFilter) =>
  filter.query !== '' || NARROWINGS.some((n) => n.key !== 'order' && filter[n.key] !== DEFAULT_FILTER[n.key]);

interface FiltersProps {
  /** How many comments each view holds. */
  counts: Record<ItemStatus, number>;
  filter: ItemFilter;
  onFilter: (patch: Partial<ItemFilter>) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  /** The sites the site filter offers (those in use, and the one chosen). */
  sites: SiteId[];
  /** Waiting comments assigned to the member signed in; null without a team (no assignment controls). */
  mine: number | null;
  /** Drawn first in the row (the box that selects all). */
  children?: ComponentChildren;
}

/**
 * Which comments the list shows, in one row: the view by status (with counts), the search, and a
 * Filters button that opens the other controls under it (it says how many are set while closed).
 */
export function Filters({ counts, filter, onFilter, grouped, onGrouped, sites, mine, children }: FiltersProps) {
  const [open, setOpen] = useState(false);
  const controls = NARROWINGS.filter((n) => !n.team || mine !== null);
  const changed = changedNarrowings(filter) + (grouped ? 0 : 1);
  const siteChoices = filter.site === 'all' || sites.includes(filter.site) ? sites : [...sites, filter.site];
  return (
    <>
      <div class="toolbar list-controls">
        {children}
        <Select
          name="status"
          label={t('show')}
          value={filter.status}
          options={STATUS_VIEWS.map((v): [ItemStatus, string] => [v.status, t('viewCount', t(v.label), counts[v.status].toLocaleString(t('lang')))])}
          onChange={(status) => onFilter({ status })}
        />
        <SearchField class="search" label={t('searchComments')} value={filter.query} onInput={(query) => onFilter({ query })} />
        {mine !== null && (
          <button
            type="button"
            class="mine-toggle"
            aria-pressed={filter.assigned === 'mine'}
            onClick={() => onFilter({ assigned: filter.assigned === 'mine' ? 'all' : 'mine' })}
          >
            {t('viewMineCount', mine.toLocaleString(t('lang')))}
          </button>
        )}
        <button type="button" class="filters-toggle" aria-expanded={open} aria-controls={open ? 'filters' : undefined} onClick={() => setOpen(!open)}>
          {changed ? t('filtersCount', changed) : t('filters')}
        </button>
      </div>
      {open && (
        <div class="toolbar filters" id="filters" role="group" aria-label={t('filters')}>
          {controls.map((n) => (
            <Select
              key={n.key}
              name={n.key}
              label={t(n.label)}
              value={String(filter[n.key])}
              options={n.choices(siteChoices, mine ?? 0)}
              onChange={(value) => onFilter({ [n.key]: value } as Partial<ItemFilter>)}
            />
          ))}
          <label class="inline">
            <input type="checkbox" name="grouped" checked={grouped} onChange={() => onGrouped(!grouped)} />
            {' '}
            {t('groupConversations')}
          </label>
          {changed > 0 && (
            <button
              type="button"
              class="link"
              onClick={() => {
                onFilter(Object.fromEntries(NARROWINGS.map((n) => [n.key, DEFAULT_FILTER[n.key]])));
                onGrouped(true);
              }}
            >
              {t('filtersReset')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
