/**
 * The team's server, as far as signing in and checking go: CouchDB's `_session` (the browser keeps
 * its cookie; the password is sent once and never stored) and the database's own answer. Each failure
 * becomes the plain message the pages show.
 */
import { t } from '../core/i18n';
import { type TeamConfig, teamDbUrl } from '../core/team-config';

/** Why the server cannot be used now; `retry` when trying again later may work by itself. */
export class TeamProblem extends RangeError {
  constructor(message: string, readonly kind: 'signin' | 'offline' | 'error') {
    super(message);
  }
}

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'include', ...init, headers: { Accept: 'application/json', ...init.headers } });
  }
  catch {
    // A server down and a certificate the browser does not trust fail the same way here.
    const server = new URL(url);
    throw new TeamProblem(
      server.protocol === 'https:' ? t('teamUnreachableTls', server.host) : t('teamUnreachable', server.host),
      'offline',
    );
  }
}

function serverError(response: Response): TeamProblem {
  return new TeamProblem(t('teamServerError', response.status), response.status >= 500 ? 'offline' : 'error');
}

/** Signs in with CouchDB's cookie session. */
export async function signIn(server: string, name: string, password: string): Promise<void> {
  const response = await call(`${server}/_session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (response.status === 401) throw new TeamProblem(t('teamWrongPassword'), 'signin');
  if (!response.ok) throw serverError(response);
}

/** Who the server's session cookie signs in (null: nobody). */
export async function sessionName(server: string): Promise<string | null> {
  const response = await call(`${server}/_session`);
  if (!response.ok) throw serverError(response);
  const body = (await response.json()) as { userCtx?: { name?: unknown } };
  return typeof body.userCtx?.name === 'string' ? body.userCtx.name : null;
}

export async function signOut(server: string): Promise<void> {
  await call(`${server}/_session`, { method: 'DELETE' }).catch(() => undefined);
}

/** That the member signed in may use the database (it exists, and they are one of its members). */
export async function checkDatabase(config: TeamConfig): Promise<void> {
  const response = await call(teamDbUrl(config));
  if (response.ok) return;
  // CouchDB answers 403 to a member of another database, PouchDB Server 401.
  if (response.status === 401 || response.status === 403) {
    if ((await sessionName(config.server)) !== config.name) throw new TeamProblem(t('teamSessionExpired'), 'signin');
    throw new TeamProblem(t('teamNotMember', config.name, config.db), 'error');
  }
  if (response.status === 404) throw new TeamProblem(t('teamNoDatabase', config.db), 'error');
  throw serverError(response);
}
