import { useState } from 'preact/hooks';
import type { Account, SiteId } from '../core/types';
import { ownerHandle, SITE_NAMES } from '../core/types';
import { parseHandleInput } from '../core/handles';
import { t } from '../core/i18n';
import { SITES } from '../core/sites';
import { useSettings } from '../options/settings';
import { send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { type Status, StatusLine, useStatus } from '../ui/status';
import { GUIDES } from './guides';
import { Step } from './Step';

/** Step 2: for each chosen site, how Replyline learns who the user is there. */
export function Identity({ sites }: { sites: SiteId[] }) {
  const { settings } = useSettings();
  return (
    <Step id="who" title={t('welcomeWhoTitle')} intro={t('welcomeWhoIntro')}>
      <ul class="site-guides">
        {sites.map((site) => (
          <SiteIdentity
            key={site}
            site={site}
            account={settings?.accounts[site]}
            known={settings ? ownerHandle(settings, site) : null}
          />
        ))}
      </ul>
    </Step>
  );
}

/** Why what is typed is not a handle, in the site's terms; null while it is one (or nothing is typed). */
function problemWith(site: SiteId, typed: string): Status {
  if (!typed || parseHandleInput(typed, SITES[site].fullAddresses)) return null;
  return { text: `${t('notAHandle')} ${t(SITES[site].fullAddresses ? 'handleFormMastodon' : 'handleForm')}`, tone: 'error' };
}

interface SiteIdentityProps {
  site: SiteId;
  account: Account | undefined;
  /** The handle Replyline uses there now (typed or read), if any. */
  known: string | null;
}

/**
 * One site: where its pages show the user (read by Replyline) or what to type and where to find it,
 * with an example; what is typed is checked at each key, and saved as the site's handle.
 */
function SiteIdentity({ site, account, known }: SiteIdentityProps) {
  const { saved } = useSettings();
  const [value, setValue] = useState(account?.manual ?? '');
  const [status, report] = useStatus();
  const id = `who-${site}`;
  const name = SITE_NAMES[site];
  const typed = value.trim();
  const problem = problemWith(site, typed);
  const save = (event: Event) => {
    event.preventDefault();
    if (problem) return;
    void report.attempt(async () => {
      saved(await send('settings/setOwner', { site, handle: typed || null }));
      report.success(typed ? t('handleSaved') : t('handleCleared'));
    });
  };
  const idle = known ? { text: t('welcomeKnownAs', known), class: 'muted' } : undefined;
  return (
    <li class="site-guide">
      <h3 id={`${id}-name`}>{name}</h3>
      <p id={`${id}-how`}>{t(GUIDES[site].howTo)}</p>
      {SITES[site].onInstances && (
        <p>
          <a href="../options/index.html#instances-title" target="_blank" rel="noopener">{t('welcomeAddInstance')}</a>
        </p>
      )}
      <form class="handle-row" onSubmit={save} aria-labelledby={`${id}-name`}>
        <label for={id}>{SITES[site].readsOwner ? t('welcomeHandleOptional', name) : t('handleLabel', name)}</label>
        <input
          id={id}
          name={id}
          value={value}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-how ${id}-example ${id}-check`}
          onInput={(e) => {
            setValue(inputValue(e));
            report.clear();
          }}
        />
        <button type="submit">{t('save')}</button>
        <span id={`${id}-example`} class="hint muted">{t('welcomeExample', GUIDES[site].example)}</span>
        <StatusLine as="span" id={`${id}-check`} class="hint" status={problem ?? status} idle={idle} />
      </form>
    </li>
  );
}
