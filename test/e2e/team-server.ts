/**
 * A CouchDB-protocol server for the team tests (issue 16): PouchDB Server from npm on 127.0.0.1,
 * with a server admin, two members (ana, leo) and one outsider (out), and the team's database set
 * up by `npm run team:setup` itself. Its data is kept in a folder of its own (LevelDB), not in
 * memory, so that "the server stopped, then back" keeps the team's data as a real CouchDB would.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN = { name: 'root', password: 'root-secret' };
export const MEMBERS = { ana: 'ana-pass-1', leo: 'leo-pass-2', out: 'out-pass-3' } as const;
export const TEAM_DB = 'brightloop-team';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface TeamServer {
  url: string;
  /** A request as the server's admin. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(): Promise<TeamServer> {
  const dir = mkdtempSync(join(tmpdir(), 'replyline-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const auth = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${url}/${path}`, { ...init, headers: { 'Content-Type': 'application/json', 'Authorization': auth, ...init.headers } });

  async function start(): Promise<void> {
    // Its config.json and log.txt are written where it runs: in its own folder.
    child = spawn(process.execPath, [resolve('test/e2e/couch-server.cjs'), '--dir', join(dir, 'data'), '--port', String(port), '--host', '127.0.0.1'], {
      cwd: dir,
      stdio: 'ignore',
    });
    for (let tries = 0; ; tries++) {
      const up = await fetch(url).then((r) => r.ok, () => false);
      if (up) return;
      if (child.exitCode !== null || tries > 300) throw new Error('PouchDB Server did not start');
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((done) => {
      running.once('exit', done);
      running.kill();
    });
  }

  await start();
  await fetch(`${url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  // A fixed secret for session cookies, kept in its config as CouchDB keeps it in its ini file (PouchDB
  // Server otherwise draws a new one at each start, and a restart would sign every member out).
  const secret = await admin('_config/couch_httpd_auth/secret', { method: 'PUT', body: JSON.stringify('replyline-test-secret') });
  if (!secret.ok) throw new Error(`session secret: ${secret.status}`);
  for (const [name, password] of Object.entries(MEMBERS)) {
    const created = await admin(`_users/org.couchdb.user:${name}`, {
      method: 'PUT',
      body: JSON.stringify({ name, password, roles: [], type: 'user' }),
    });
    if (!created.ok) throw new Error(`user ${name}: ${created.status}`);
  }
  // The README's own set-up step, as a team's admin runs it.
  const setup = spawnSync(process.execPath, ['scripts/team-setup.mjs', url, TEAM_DB, 'ana', 'leo'], {
    env: { ...process.env, COUCHDB_USER: ADMIN.name, COUCHDB_PASSWORD: ADMIN.password },
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(`team:setup failed: ${setup.stderr}`);

  return {
    url,
    admin,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
