import { t } from '../core/i18n';

export type Tab = 'waiting' | 'snippets' | 'stats';

const TABS: { id: Tab; label: () => string }[] = [
  { id: 'waiting', label: () => t('tabComments') },
  { id: 'snippets', label: () => t('savedReplies') },
  { id: 'stats', label: () => t('tabStats') },
];

/** The popup's views as tabs: one stop for Tab, arrows, Home and End move between them (ARIA tabs pattern). */
export function TabList({ tab, onTab }: { tab: Tab; onTab: (tab: Tab) => void }) {
  const onKey = (event: KeyboardEvent) => {
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
    onTab(id);
    document.getElementById(`tab-${id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('views')} onKeyDown={onKey}>
      {TABS.map((x) => (
        <button
          type="button"
          role="tab"
          id={`tab-${x.id}`}
          key={x.id}
          aria-selected={tab === x.id}
          aria-controls={`panel-${x.id}`}
          tabIndex={tab === x.id ? 0 : -1}
          onClick={() => onTab(x.id)}
        >
          {x.label()}
        </button>
      ))}
    </div>
  );
}
