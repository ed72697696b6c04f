import type { SiteId } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { send } from '../ui/api';
import { inputChecked } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { HandleRow } from './Handles';
import { Section } from './Section';
import { useSettings } from './settings';
import { useTeamJoined } from './useTeamJoined';

/** The sites Replyline runs on, each with the user's handle there (in a team: the team's, issue 16). */
export function Sites() {
  const { settings, failure, saved } = useSettings();
  const [status, report] = useStatus();
  const inTeam = useTeamJoined();
  const toggle = (site: SiteId, on: boolean) =>
    report.attempt(async () => {
      if (!settings) return;
      const disabled = on ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site];
      saved(await send('settings/setSites', { disabledSites: disabled }));
      report.success(t(on ? 'siteTurnedOn' : 'siteTurnedOff', SITE_NAMES[site]));
    });
  return (
    <Section id="sites" title={t('sitesTitle')} intro={t('sitesIntro')}>
      {inTeam && <p class="muted">{t('teamHandlesNote')}</p>}
      {settings && (
        <ul class="sites" aria-label={t('sitesTitle')}>
          {SITE_IDS.map((site) => (
            <li key={site}>
              <label class="switch">
                <input
                  type="checkbox"
                  name={`site-${site}`}
                  checked={!settings.disabledSites.includes(site)}
                  onChange={(e) => void toggle(site, inputChecked(e))}
                />
                {' '}
                {t('siteOnLabel', SITE_NAMES[site])}
              </label>
              <HandleRow site={site} account={settings.accounts[site]} />
            </li>
          ))}
        </ul>
      )}
      <StatusLine status={status ?? failure} />
    </Section>
  );
}
