import { snoozeChoices } from '../core/triage';
import type { ItemStatus } from '../core/types';
import { plural, t } from '../core/i18n';
import type { ItemAction } from '../shared/protocol';
import type { Triage } from './useTriage';

const many = (n: number) => plural(n, 'commentsOne', 'commentsMany');

interface BulkBarProps {
  /** How many comments the list shows (not only those drawn), and whether all of them are selected. */
  matched: number;
  allSelected: boolean;
  onSelectAll: () => Promise<void>;
  status: ItemStatus;
  triage: Triage;
}

/** Selecting all the comments shown, and acting on the selected ones at once. */
export function BulkBar({ matched, allSelected, onSelectAll, status, triage }: BulkBarProps) {
  const keys = [...triage.selected];
  const act = (action: ItemAction, done: string) => void triage.run(keys, action, done);
  const tomorrow = () => snoozeChoices(new Date()).find((c) => c.id === 'tomorrow')!.until;
  return (
    <div class="bulk">
      <label>
        <input type="checkbox" checked={allSelected} onChange={() => (allSelected ? triage.select([]) : void onSelectAll())} />
        {' '}
        {keys.length ? t('selectedCount', keys.length) : t('selectAll', matched)}
      </label>
      {keys.length > 0 && (status === 'pending'
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
          ))}
    </div>
  );
}
