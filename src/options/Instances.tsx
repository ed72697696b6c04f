import { useCallback, useEffect, useState } from 'preact/hooks';
import { instancePattern, parseInstanceHost } from '../core/instances';
import { t } from '../core/i18n';
import { requestAccess, send } from '../ui/api';
import { NamedButton } from '../ui/buttons';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { Section } from './Section';

type Instance = { host: string; access: boolean };

interface InstanceRowProps {
  instance: Instance;
  busy: boolean;
  onAllow: () => void;
  onRemove: () => void;
}

/** One server: whether Replyline runs there, a way to allow it again if the browser's access was withdrawn. */
function InstanceRow({ instance: { host, access }, busy, onAllow, onRemove }: InstanceRowProps) {
  return (
    <li class="instance">
      <strong>{host}</strong>
      <span class={access ? 'muted' : 'error'}>{access ? t('instanceRunning') : t('instanceWithdrawn')}</span>
      <span class="actions">
        {!access && (
          <NamedButton disabled={busy} label={t('instanceAllowLabel', host)} onClick={onAllow}>
            {t('instanceAllow')}
          </NamedButton>
        )}
        <NamedButton disabled={busy} label={t('instanceRemoveLabel', host)} onClick={onRemove}>
          {t('instanceRemove')}
        </NamedButton>
      </span>
    </li>
  );
}

/**
 * The Mastodon servers Replyline runs on. Adding one asks the browser for that host alone (its
 * prompt needs the click, so the request comes first), then the background registers the
 * content script there; removing one unregisters it and gives the access back.
 */
export function Instances() {
  const [instances, setInstances] = useState<Instance[] | null>(null);
  const [value, setValue] = useState('');
  const [status, report] = useStatus();
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setInstances(await send('instances/list', {})), []);
  useEffect(() => void report.attempt(load), [report, load]);

  /** Runs one change of the list, which says how it went, and shows the list as it now is. */
  const act = async (change: () => Promise<void>) => {
    setBusy(true);
    await report.attempt(change);
    setBusy(false);
    await load().catch(() => undefined);
  };
  const allow = (host: string, added: () => void) =>
    act(async () => {
      // Straight from the click: the browser only shows its prompt during the user's gesture.
      if (!(await requestAccess(instancePattern(host)))) return report.error(t('instanceRefused', host));
      await send('instances/add', { host });
      added();
      report.success(t('instanceAdded', host));
    });
  const add = (event: Event) => {
    event.preventDefault();
    const host = parseInstanceHost(value);
    if (!host) return report.error(t('instanceInvalid'));
    void allow(host, () => setValue(''));
  };
  const remove = (host: string) =>
    act(async () => {
      await send('instances/remove', { host });
      report.success(t('instanceRemoved', host));
    });

  return (
    <Section id="instances" title={t('instancesTitle')} intro={t('instancesIntro')}>
      <form class="handle-row" onSubmit={add}>
        <label for="instance-host">{t('instanceLabel')}</label>
        <input
          id="instance-host"
          name="instance-host"
          value={value}
          placeholder={t('instancePlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setValue(inputValue(e))}
        />
        <button type="submit" disabled={busy}>{t('instanceAdd')}</button>
      </form>
      {instances && instances.length === 0 && <p class="muted">{t('instancesEmpty')}</p>}
      {instances && instances.length > 0 && (
        <ul class="sites instances" aria-label={t('instancesTitle')}>
          {instances.map((instance) => (
            <InstanceRow
              key={instance.host}
              instance={instance}
              busy={busy}
              onAllow={() => void allow(instance.host, () => undefined)}
              onRemove={() => void remove(instance.host)}
            />
          ))}
        </ul>
      )}
      <StatusLine status={status} />
    </Section>
  );
}
