import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import { parseTeamServer, teamHostPattern } from '../core/team-config';
import type { TeamSignIn, TeamStatus } from '../shared/protocol';
import { requestAccess, send } from '../ui/api';
import { inputValue } from '../ui/fields';
import { StatusLine, useStatus } from '../ui/status';
import { Section } from './Section';

/** How the sync goes, in a line (the problem, when there is one). */
function syncLine(status: TeamStatus): string {
  if (status.problem) return status.problem;
  if (status.state === 'idle' && status.lastSyncAt) return t('teamStateIdle', new Date(status.lastSyncAt).toLocaleTimeString());
  return status.state === 'idle' ? t('teamStateIdleNow') : t('teamStateSyncing');
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'password';
  placeholder?: string;
  onInput: (value: string) => void;
}

function Field({ id, label, value, type = 'text', placeholder, onInput }: FieldProps) {
  return (
    <p class="handle-row">
      <label for={id}>{label}</label>
      {type === 'password'
        ? <input id={id} name={id} type="password" value={value} autocomplete="current-password" onInput={(e) => onInput(inputValue(e))} />
        : (
            <input
              id={id}
              name={id}
              value={value}
              placeholder={placeholder}
              autocomplete="off"
              spellcheck={false}
              onInput={(e) => onInput(inputValue(e))}
            />
          )}
    </p>
  );
}

/** While joined: who and where, how the sync goes, signing in again, leaving. */
function Joined({ status, onChange }: { status: TeamStatus; onChange: (s: TeamStatus) => void }) {
  const [password, setPassword] = useState('');
  const [line, report] = useStatus();
  const team = status.team!;
  const signIn = (event: Event) => {
    event.preventDefault();
    void report.attempt(async () => {
      onChange(await send('team/signin', { password }));
      setPassword('');
      report.success(t('teamSignedIn', team.name));
    });
  };
  const leave = () =>
    void report.attempt(async () => {
      onChange(await send('team/leave', {}));
    });
  return (
    <div>
      <p>{t('teamMember', team.db, new URL(team.server).host, team.name)}</p>
      <p role="status" data-testid="team-sync" class={status.problem ? 'error' : 'muted'}>{syncLine(status)}</p>
      {status.state === 'signin' && (
        <form onSubmit={signIn}>
          <Field id="team-password-again" label={t('teamPasswordLabel')} type="password" value={password} onInput={setPassword} />
          <button type="submit" class="primary">{t('teamSignIn')}</button>
        </form>
      )}
      <button type="button" onClick={leave}>{t('teamLeave')}</button>
      <StatusLine status={line} />
    </div>
  );
}

/** Options → Team (issue 16): a CouchDB database of the team's own, signed in with CouchDB's session. */
export function Team() {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [form, setForm] = useState<TeamSignIn>({ server: '', db: '', name: '', password: '' });
  const [line, report] = useStatus();
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setStatus(await send('team/status', {})), []);
  useEffect(() => {
    void report.attempt(load);
    // The sync's state changes on its own (a server back, a session ended): read again while the page is open.
    const timer = setInterval(() => void load().catch(() => undefined), 3000);
    return () => clearInterval(timer);
  }, [report, load]);

  const field = (name: keyof TeamSignIn) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const run = (join: boolean) => async () => {
    setBusy(true);
    await report.attempt(async () => {
      const parsed = parseTeamServer(form.server);
      // Straight from the click: the browser asks for the server's host alone.
      if ('server' in parsed && !(await requestAccess(teamHostPattern(parsed.server)))) {
        return report.error(t('teamAccessRefused', new URL(parsed.server).host));
      }
      const next = await send(join ? 'team/join' : 'team/test', form);
      if (join) {
        setForm((f) => ({ ...f, password: '' }));
        setStatus(next);
        report.success(t('teamJoined', form.db));
      }
      else report.success(t('teamTestOk', form.name, form.db));
    });
    setBusy(false);
  };

  const afterChange = (next: TeamStatus) => {
    setStatus(next);
    if (!next.team) report.success(t('teamLeft'));
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void run(true)();
  };

  return (
    <Section id="team" title={t('teamTitle')} intro={t('teamIntro')}>
      {status?.team && <Joined status={status} onChange={afterChange} />}
      {status && !status.team && (
        <form onSubmit={submit}>
          <Field id="team-server" label={t('teamServerLabel')} value={form.server} placeholder="https://couch.example.com" onInput={field('server')} />
          <Field id="team-db" label={t('teamDbLabel')} value={form.db} onInput={field('db')} />
          <Field id="team-name" label={t('teamNameLabel')} value={form.name} onInput={field('name')} />
          <Field id="team-password" label={t('teamPasswordLabel')} type="password" value={form.password} onInput={field('password')} />
          <p class="muted">{t('teamPasswordNote')}</p>
          <button type="button" disabled={busy} onClick={() => void run(false)()}>{t('teamTest')}</button>
          {' '}
          <button type="submit" class="primary" disabled={busy}>{t('teamJoin')}</button>
        </form>
      )}
      <StatusLine status={line} />
    </Section>
  );
}
