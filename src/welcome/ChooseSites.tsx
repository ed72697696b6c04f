import { useState } from 'preact/hooks';
import type { SiteId } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { useSettings } from '../options/settings';
import { send } from '../ui/api';
import { inputChecked } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { Step } from './Step';

/**
 * Step 1: the sites the user works on. The others are turned off (Options turns them on again).
 * On a fresh install every site is on, so nothing is ticked until the user picks; a user who
 * chose before sees their choice.
 */
export function ChooseSites({ onChosen }: { onChosen: (sites: SiteId[]) => void }) {
  const { settings, failure, saved } = useSettings();
  const [picked, setPicked] = useState<SiteId[] | null>(null);
  const [status, report] = useStatus();
  const off = settings?.disabledSites ?? [];
  const earlier = off.length > 0 ? SITE_IDS.filter((s) => !off.includes(s)) : [];
  const shown = picked ?? earlier;
  const toggle = (site: SiteId, on: boolean) =>
    setPicked(SITE_IDS.filter((s) => (s === site ? on : shown.includes(s))));
  const save = (event: Event) => {
    event.preventDefault();
    if (shown.length === 0) return report.error(t('welcomeSitesNone'));
    void report.attempt(async () => {
      saved(await send('settings/setSites', { disabledSites: SITE_IDS.filter((s) => !shown.includes(s)) }));
      report.success(t('welcomeSitesSaved', shown.map((s) => SITE_NAMES[s]).join(', ')));
      onChosen(shown);
    });
  };
  return (
    <Step id="sites" title={t('welcomeSitesTitle')} intro={t('welcomeSitesIntro')}>
      <form onSubmit={save}>
        <fieldset disabled={!settings}>
          <legend>{t('welcomeSitesLegend')}</legend>
          <ul class="site-choices">
            {SITE_IDS.map((site) => (
              <li key={site}>
                <label>
                  <input
                    type="checkbox"
                    name={`use-${site}`}
                    checked={shown.includes(site)}
                    onChange={(e) => toggle(site, inputChecked(e))}
                  />
                  {' '}
                  {SITE_NAMES[site]}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="row">
          <button type="submit" class="primary" disabled={!settings}>{t('welcomeSitesSave')}</button>
          <StatusLine as="span" status={status ?? failure} testId="sites-status" />
        </div>
      </form>
    </Step>
  );
}
