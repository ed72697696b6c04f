import { useEffect, useState } from 'preact/hooks';
import type { SiteId } from '../core/types';
import { t } from '../core/i18n';
import { SettingsProvider } from '../options/settings';
import { ChooseSites } from './ChooseSites';
import { Identity } from './Identity';
import { Places } from './Places';
import { StarterReplies } from './StarterReplies';

/**
 * The page that opens when Replyline is installed (and from Options): the sites the user works
 * on, who they are there, saved replies to start from, and where to look first. The steps after
 * the first appear once the sites are chosen, and are about those sites only.
 */
export function Welcome() {
  const [chosen, setChosen] = useState<SiteId[] | null>(null);
  useEffect(() => {
    if (chosen) document.getElementById('who-title')?.focus();
  }, [chosen]);
  return (
    <SettingsProvider>
      <main class="welcome">
        <h1>{t('welcomeTitle')}</h1>
        <p class="muted">{t('welcomeIntro')}</p>
        <ChooseSites onChosen={setChosen} />
        {chosen && (
          <>
            <Identity sites={chosen} />
            <StarterReplies />
            <Places sites={chosen} />
            <p class="done">
              {t('welcomeDone')}
              {' '}
              <a href="../options/index.html">{t('welcomeOpenOptions')}</a>
            </p>
          </>
        )}
      </main>
    </SettingsProvider>
  );
}
