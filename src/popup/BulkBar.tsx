import { snoozeChoices } from '../core/triage';
import type { ItemStatus } from '../core/types';
import { plural, t } from '../core/i18n';
import type { ItemAction } from '../shared/protocol';
import type { Triage } from './useTriage';

const many = (n: number) => plural(n, 'commentsOne', 'commentsMany');

interface SelectAllProps {
  /** How many comments the list shows (not only those drawn), and whether all of them are selected. */
  matched: number;
  allSelected: boolean;
  onSelectAll: () => Promise<void>;
  triage: Triage;
}

/** The box that selects all the comments shown (or none), first in the list's controls; its name says how many. */
export function SelectAll({ matched, allSelected, onSelectAll, triage }: SelectAllProps) {
  const selected = triage.selected.size;
  return (
    <input
      type="checkbox"
      class="select-all"
      checked={allSelected}
      disabled={matched === 0}
      aria-label={selected ? t('selectedCount', selected) : t('selectAll', matched)}
      title={selected ? t('selectedCount', selected) : t('selectAll', matched)}
      onChange={() => (allSelected ? triage.select([]) : void onSelectAll())}
    />
  );
}

/** What can be done to the selected comments at once: shown only while some are selected. */
export function BulkBar({ status, triage }: { status: ItemStatus; triage: Triage }) {
  const keys = [...triage.selected];
  if (keys.length === 0) return null;
  const act = (action: ItemAction, done: string) => void triage.run(keys, action, done);
  const tomorrow = () => snoozeChoices(new Date()).find((c) => c.id === 'tomorrow')!.until;
  return (
    <div class="bulk" role="group" aria-label={t('selectedCount', keys.length)}>
      <span>{t('selectedCount', keys.length)}</span>
      {status === 'pending'
        ? (
            <>
              <button type="button" onClick={() => act({ action: 'answer' }, t('doneAnswered', many(keys.length)))}>
                {t('markAnswered')}
              </button>
              <button
                type="button"
                onClick={() => act({ action: 'snooze', until: tomorrow() }, t('doneSnoozedTomorrow', many(keys.length)))}
              >
                {t('snoozeTomorrowShort')}
              </button>
              <button type="button" onClick={() => act({ action: 'dismiss' }, t('doneDismissed', many(keys.length)))}>
                {t('dismiss')}
              </button>
            </>
          )
        : (
            <button type="button" onClick={() => act({ action: 'reopen' }, t('doneReopened', many(keys.length)))}>
              {t('reopen')}
            </button>
          )}
    </div>
  );
}
