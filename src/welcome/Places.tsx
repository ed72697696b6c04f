import type { SiteId } from '../core/types';
import { ownerHandle } from '../core/types';
import { t } from '../core/i18n';
import { useSettings } from '../options/settings';
import { GUIDES } from './guides';
import { Step } from './Step';

/** Step 4: for each chosen site, the page where what is addressed to the user gathers, in a new tab. */
export function Places({ sites }: { sites: SiteId[] }) {
  const { settings } = useSettings();
  if (!settings) return null;
  const places = sites.flatMap((site) => GUIDES[site].places(ownerHandle(settings, site), settings.mastodonHosts));
  return (
    <Step id="places" title={t('welcomePlacesTitle')} intro={t('welcomePlacesIntro')}>
      <ul class="places">
        {places.map((place) => (
          <li key={place.url}>
            <a href={place.url} target="_blank" rel="noopener" aria-describedby="places-new-tab">
              {t(place.label, place.subject ?? '')}
            </a>
          </li>
        ))}
      </ul>
      <p id="places-new-tab" class="visually-hidden">{t('welcomeNewTab')}</p>
    </Step>
  );
}
