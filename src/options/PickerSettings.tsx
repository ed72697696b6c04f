import { useState } from 'preact/hooks';
import { t } from '../core/i18n';
import { send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { Section } from './Section';
import { useSettings } from './settings';

/** validateTrigger's bound (src/core/picker.ts), which has no name there. */
const TRIGGER_MAX_LENGTH = 5;

type Picker = { trigger: string; pickerShortcut: string };

/** What opens the inline picker of saved replies: a trigger typed in a comment box, or a shortcut. */
export function PickerSettings() {
  const { settings, failure, saved } = useSettings();
  const [status, report] = useStatus();
  /** What is typed and not saved yet; null: the saved settings. */
  const [draft, setDraft] = useState<Picker | null>(null);
  const shown: Picker = draft ?? { trigger: settings?.trigger ?? '', pickerShortcut: settings?.pickerShortcut ?? '' };
  const edit = (field: keyof Picker) => (e: Event) => setDraft({ ...shown, [field]: inputValue(e) });
  const save = (event: Event) => {
    event.preventDefault();
    void report.attempt(async () => {
      saved(await send('settings/setPicker', shown));
      setDraft(null);
      report.success(t('pickerSaved'));
    });
  };
  return (
    <Section id="picker" title={t('pickerTitle')} intro={t('pickerIntro')}>
      <form class="editor" onSubmit={save} aria-label={t('pickerTitle')}>
        <div class="row">
          <label>
            {t('fieldTrigger')}
            <input name="trigger" value={shown.trigger} maxLength={TRIGGER_MAX_LENGTH} onInput={edit('trigger')} />
          </label>
          <label>
            {t('fieldShortcut')}
            <input name="pickerShortcut" value={shown.pickerShortcut} placeholder="Alt+Shift+S" onInput={edit('pickerShortcut')} />
          </label>
        </div>
        <div class="row">
          <button type="submit">{t('pickerSave')}</button>
          <StatusLine as="span" status={status ?? failure} />
        </div>
      </form>
    </Section>
  );
}
