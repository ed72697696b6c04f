import { useState } from 'preact/hooks';
import type { Account, SiteId } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { SITES } from '../core/sites';
import { send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { useSettings } from './settings';

/** What the hint under the field says until the row reports: the handle seen, or where it comes from. */
function hintFor(site: SiteId, account: Account | undefined): string {
  if (account?.detected) return t('handleDetected', account.detected);
  return SITES[site].readsOwner ? t('handleNotSeen') : t('handleTypeHint', SITE_NAMES[site]);
}

function placeholderFor(site: SiteId, account: Account | undefined): string {
  if (account?.detected) return t('handleDetectedPlaceholder', account.detected);
  return SITES[site].fullAddresses ? t('handlePlaceholderMastodon') : t('handlePlaceholder');
}

interface HandleRowProps {
  site: SiteId;
  account: Account | undefined;
}

/** The user's handle on one site: typed here where the page never shows it, or to correct what was detected. */
export function HandleRow({ site, account }: HandleRowProps) {
  const { saved } = useSettings();
  const [value, setValue] = useState(account?.manual ?? '');
  const [status, report] = useStatus();
  const id = `handle-${site}`;
  const save = (event: Event) => {
    event.preventDefault();
    void report.attempt(async () => {
      saved(await send('settings/setOwner', { site, handle: value.trim() || null }));
      report.success(value.trim() ? t('handleSaved') : t('handleCleared'));
    });
  };
  return (
    <form class="handle-row" onSubmit={save}>
      <label for={id}>{t('handleLabel', SITE_NAMES[site])}</label>
      <input
        id={id}
        name={id}
        value={value}
        placeholder={placeholderFor(site, account)}
        aria-describedby={`${id}-hint`}
        onInput={(e) => setValue(inputValue(e))}
      />
      <button type="submit">{t('save')}</button>
      <StatusLine
        as="span"
        id={`${id}-hint`}
        class="hint"
        status={status}
        idle={{ text: hintFor(site, account), class: 'muted' }}
      />
    </form>
  );
}
