import { useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import type { TeamStatus } from '../shared/protocol';
import { openOptions, send } from '../ui/api';

/** The states of a team's sync the popup speaks of: each needs the user, or explains a wait. */
const TROUBLE: ReadonlySet<TeamStatus['state']> = new Set(['offline', 'signin', 'error']);

/**
 * A line when the team's sync is in trouble (the server down, the session expired, a database gone):
 * the same plain words as Options → Team, and the way there. Nothing without a team or when all is well.
 */
export function TeamNotice() {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    send('team/status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (!status?.problem || !TROUBLE.has(status.state)) return null;
  return (
    <p class="notice line" role="status" data-testid="team-notice">
      <span title={status.problem}>{status.problem}</span>
      {' '}
      <button type="button" class="link" onClick={openOptions}>
        {status.state === 'signin' ? t('teamSignInAgain') : t('teamSettings')}
      </button>
    </p>
  );
}
