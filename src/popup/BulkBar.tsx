import { snoozeChoices } from '../core/triage';
import type { Item, ItemStatus } from '../core/types';
import { plural, t } from '../core/i18n';
import type { ItemAction } from '../shared/protocol';
import type { Triage } from './useTriage';

const many = (n: number) => plural(n, 'commentsOne', 'commentsMany');

/** Selecting all the comments shown, and acting on the selected ones at once. */
export function BulkBar({ shown, status, triage }: { shown: Item[]; status: ItemStatus; triage: Triage }) {
  const keys = [...triage.selected];
  const allSelected = shown.length > 0 && shown.every((i) => triage.selected.has(i.key));
  const act = (action: ItemAction, done: string) => void triage.run(keys, action, done);
  const tomorrow = () => snoozeChoices(new Date()).find((c) => c.id === 'tomorrow')!.until;
  return (
    <div class="bulk">
      <label>
        <input type="checkbox" checked={allSelected} onChange={() => triage.select(allSelected ? [] : shown.map((i) => i.key))} />
        {' '}
        {keys.length ? t('selectedCount', keys.length) : t('selectAll', shown.length)}
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
