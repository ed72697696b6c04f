import { useState } from 'preact/hooks';
import type { SiteId } from '../core/types';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { plural, t } from '../core/i18n';
import { SITES } from '../core/sites';
import { isValidSelector } from '../sites/types';
import { send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { type Reporter, StatusLine, useStatus } from '../ui/status';
import { Section } from './Section';
import { useSettings } from './settings';

/** Every adapter selector, replaceable without a new release: checked as CSS here, applied on open pages at once. */
export function Selectors() {
  const { settings, failure } = useSettings();
  const [status, report] = useStatus();
  return (
    <Section id="selectors" title={t('selectorsTitle')} intro={t('selectorsIntro')}>
      {settings && SITE_IDS.map((site) => (
        <SiteSelectors
          key={site}
          site={site}
          overrides={settings.selectorOverrides[site] ?? {}}
          report={report}
        />
      ))}
      <StatusLine status={status ?? failure} testId="selectors-status" />
    </Section>
  );
}

interface SiteSelectorsProps {
  site: SiteId;
  /** The site's selectors replaced so far, by name. */
  overrides: Record<string, string>;
  report: Reporter;
}

function SiteSelectors({ site, overrides: current, report }: SiteSelectorsProps) {
  const { saved } = useSettings();
  const defaults = SITES[site].selectors;
  const [draft, setDraft] = useState<Record<string, string>>(current);
  const changed = Object.keys(current).length;
  const save = async (overrides: Record<string, string>) => {
    const invalid = Object.entries(overrides).filter(([, css]) => css.trim() && !isValidSelector(css.trim(), document));
    if (invalid.length) return report.error(t('selectorInvalid', invalid.map(([name]) => name).join(', ')));
    await report.attempt(async () => {
      const next = await send('settings/setSelectors', { site, overrides });
      setDraft(next.selectorOverrides[site] ?? {});
      saved(next);
      report.success(Object.keys(overrides).length ? t('selectorsSaved', SITE_NAMES[site]) : t('selectorsReset', SITE_NAMES[site]));
    });
  };
  return (
    <details class="selectors">
      <summary>
        {SITE_NAMES[site]}
        {changed > 0 && <span class="muted">{` · ${plural(changed, 'selectorsChangedOne', 'selectorsChangedMany')}`}</span>}
      </summary>
      <form
        class="editor"
        aria-label={t('selectorsFor', SITE_NAMES[site])}
        onSubmit={(e) => {
          e.preventDefault();
          void save(Object.fromEntries(Object.entries(draft).filter(([, css]) => css.trim())));
        }}
      >
        {Object.entries(defaults).map(([name, css]) => (
          <label key={name} class="selector">
            <code>{name}</code>
            <input
              name={`selector-${site}-${name}`}
              value={draft[name] ?? ''}
              placeholder={css}
              spellcheck={false}
              onInput={(e) => {
                const value = inputValue(e);
                setDraft((d) => ({ ...d, [name]: value }));
              }}
            />
          </label>
        ))}
        <div class="row">
          <button type="submit">{t('selectorsSave')}</button>
          <button type="button" onClick={() => void save({})} disabled={changed === 0}>
            {t('selectorsResetButton')}
          </button>
        </div>
      </form>
    </details>
  );
}
