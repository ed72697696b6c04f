import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageHealth } from '../core/health';
import type { ItemStatus, Settings, SiteId } from '../core/types';
import { t } from '../core/i18n';
import { openOptions, send } from '../ui/api';
import { StatusLine, useStatus } from '../ui/status';
import { SnippetsView } from './SnippetsView';
import { StatsView } from './StatsView';
import { type Tab, TabList } from './Tabs';
import { Waiting } from './Waiting';

/** The toolbar popup: the count of what waits, and the comments, saved replies and stats as tabs. */
export function Popup() {
  const [tab, setTab] = useState<Tab>('waiting');
  const [counts, setCounts] = useState<Record<ItemStatus, number> | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [health, setHealth] = useState<Partial<Record<SiteId, PageHealth>>>({});
  const [failure, report] = useStatus();

  const load = useCallback(
    () =>
      report.attempt(async () => {
        const [current, sites] = await Promise.all([send('settings/get', {}), send('health/list', {})]);
        setSettings(current);
        setHealth(sites);
        report.clear();
      }),
    [report],
  );
  useEffect(() => void load(), [load]);

  const pendingCount = counts?.pending ?? 0;
  return (
    <>
      <header>
        <h1>Replyline</h1>
        {pendingCount > 0 && (
          <span class="count">
            {pendingCount.toLocaleString(t('lang'))}
            <span class="visually-hidden">{` ${t('waitingSuffix')}`}</span>
          </span>
        )}
        <button type="button" class="link" onClick={openOptions}>
          {t('options')}
        </button>
      </header>
      <main>
        <TabList tab={tab} onTab={setTab} />
        <section class="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <StatusLine role="alert" status={failure} />
          {tab === 'waiting' && <Waiting settings={settings} health={health} onCounts={setCounts} />}
          {tab === 'snippets' && <SnippetsView />}
          {tab === 'stats' && <StatsView settings={settings} />}
        </section>
      </main>
    </>
  );
}
