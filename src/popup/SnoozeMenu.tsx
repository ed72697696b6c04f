import { useState } from 'preact/hooks';
import { type SnoozeChoice, snoozeChoices } from '../core/triage';
import { type MessageKey, t } from '../core/i18n';
import { inputValue } from '../ui/fields';

const SNOOZE: Record<SnoozeChoice['id'], MessageKey> = {
  hour: 'snoozeHour',
  evening: 'snoozeEvening',
  tomorrow: 'snoozeTomorrow',
  nextWeek: 'snoozeNextWeek',
};

/** Until when a comment sleeps: the usual choices, or a time the user picks (only a later one). */
export function SnoozeMenu({ onSnooze, onClose }: { onSnooze: (until: number) => void; onClose: () => void }) {
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
