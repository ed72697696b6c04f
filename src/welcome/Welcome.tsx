import { useEffect, useState } from 'preact/hooks';
import type { SiteId } from '../core/types';
import { t } from '../core/i18n';
import { SettingsProvider, useSettings } from '../options/settings';
import { send } from '../ui/api';
import { ChooseSites } from './ChooseSites';
import { Identity } from './Identity';
import { Places } from './Places';
import { StarterReplies } from './StarterReplies';

/**
 * While the user visits the sites, Replyline may read their handle there: the settings are read
 * again each time the page is shown again, so what it says is known stays true.
 */
function FollowSettings() {
  const { saved } = useSettings();
  useEffect(() => {
    const reread = () => {
      if (document.visibilityState === 'visible') send('settings/get', {}).then(saved, () => undefined);
    };
    document.addEventListener('visibilitychange', reread);
    return () => document.removeEventListener('visibilitychange', reread);
  }, [saved]);
  return null;
}

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
      <FollowSettings />
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
