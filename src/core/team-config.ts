/**
 * Where a team's database is (issue 16): the server's address as the user types it, checked. Only
 * `https://` leaves the machine; `http://` is for a server on this machine (localhost).
 */

export interface TeamConfig {
  /** The server's address, without a trailing slash: `https://couch.example.com` (a path is allowed). */
  server: string;
  /** The database's name on the server. */
  db: string;
  /** The member's name on the server (CouchDB's `_users`): the actor of every action they share. */
  name: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** CouchDB's rule for database names. */
export const TEAM_DB_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

export type ServerProblem = 'invalid' | 'insecure';

/** The server's address as stored, or why it cannot be used. */
export function parseTeamServer(input: string): { server: string } | { problem: ServerProblem } {
  let url: URL;
  try {
    url = new URL(input.trim());
  }
  catch {
    return { problem: 'invalid' };
  }
  if (url.username || url.password || url.search || url.hash) return { problem: 'invalid' };
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) return { problem: 'insecure' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'invalid' };
  return { server: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The one host permission a team needs: its server's (match patterns cover every port of the host). */
export function teamHostPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

export function validMemberName(name: string): boolean {
  return name.length > 0 && name.length <= 100 && name.trim() === name && !name.includes(':');
}

/** The database's address. */
export function teamDbUrl(config: Pick<TeamConfig, 'server' | 'db'>): string {
  return `${config.server}/${encodeURIComponent(config.db)}`;
}
