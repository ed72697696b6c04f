import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageHealth } from '../core/health';
import type { Item, Settings, SiteId } from '../core/types';
import { t } from '../shared/i18n';
import { errorText, openOptions, send } from '../ui/api';
import { StatusLine } from '../ui/status';
import { SnippetsView } from './SnippetsView';
import { StatsView } from './StatsView';
import { Waiting } from './Waiting';

type Tab = 'waiting' | 'snippets' | 'stats';

const TABS: { id: Tab; label: () => string }[] = [
  { id: 'waiting', label: () => t('tabComments') },
  { id: 'snippets', label: () => t('savedReplies') },
  { id: 'stats', label: () => t('tabStats') },
];

export function Popup() {
  const [tab, setTab] = useState<Tab>('waiting');
  const [items, setItems] = useState<Item[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [health, setHealth] = useState<Partial<Record<SiteId, PageHealth>>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [all, current, sites] = await Promise.all([
        send('items/list', { statuses: ['pending', 'snoozed', 'answered', 'dismissed'] }),
        send('settings/get', {}),
        send('health/list', {}),
      ]);
      setItems(all);
      setSettings(current);
      setHealth(sites);
      setError(null);
    }
    catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const pendingCount = items?.filter((i) => i.status === 'pending').length ?? 0;
  const onTabKey = (event: KeyboardEvent) => {
    const at = TABS.findIndex((x) => x.id === tab);
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % TABS.length,
      ArrowLeft: (at - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = TABS[next]!.id;
    setTab(id);
    document.getElementById(`tab-${id}`)?.focus();
  };

  return (
    <>
      <header>
        <h1>Replyline</h1>
        {pendingCount > 0 && (
          <span class="count">
            {pendingCount}
            <span class="visually-hidden">{` ${t('waitingSuffix')}`}</span>
          </span>
        )}
        <button type="button" class="link" onClick={openOptions}>
          {t('options')}
        </button>
      </header>
      <main>
        <div role="tablist" aria-label={t('views')} onKeyDown={onTabKey}>
          {TABS.map((x) => (
            <button
              type="button"
              role="tab"
              id={`tab-${x.id}`}
              key={x.id}
              aria-selected={tab === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={tab === x.id ? 0 : -1}
              onClick={() => setTab(x.id)}
            >
              {x.label()}
            </button>
          ))}
        </div>
        <section class="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <StatusLine role="alert" status={error === null ? null : { text: error, tone: 'error' }} />
          {tab === 'waiting' && <Waiting items={items} settings={settings} health={health} reload={load} />}
          {tab === 'snippets' && <SnippetsView />}
          {tab === 'stats' && <StatsView items={items} />}
        </section>
      </main>
    </>
  );
}
