import { t } from '../core/i18n';
import { DataSection } from './data/DataSection';
import { Instances } from './Instances';
import { PickerSettings } from './PickerSettings';
import { Selectors } from './Selectors';
import { SettingsProvider } from './settings';
import { Sites } from './Sites';
import { SnippetManager } from './snippets/SnippetManager';
import { Team } from './Team';

/** The options page: its sections, one file each, sharing the settings fetched once. */
export function Options() {
  return (
    <SettingsProvider>
      <main>
        <h1>Replyline</h1>
        <p class="muted">{t('optionsTagline')}</p>
        <p>
          <a href="../welcome/index.html">{t('optionsWelcomeLink')}</a>
        </p>
        <Sites />
        <Instances />
        <SnippetManager />
        <Team />
        <PickerSettings />
        <Selectors />
        <DataSection />
      </main>
    </SettingsProvider>
  );
}
