/**
 * The team's sync (issue 16): PouchDB's replication between the team's copy in this browser
 * (IndexedDB) and the team's CouchDB database (team-live.ts), and the bridge from that copy to the
 * log (team-bridge.ts). PouchDB keeps its replication checkpoints on both sides, so a worker stopped
 * at any moment resumes where it was; every comment has one document id, so nothing is doubled.
 *
 * Lifetime: replication runs live (continuous) while the worker lives, which is while a popup,
 * options or site tab talks to it; Chrome stops an idle service worker after about 30 s and Firefox
 * an idle event page likewise, so an alarm every minute (main.ts) wakes it to catch up otherwise.
 */
import PouchDB from './pouch';
import { t } from '../core/i18n';
import { parseTeamServer, TEAM_DB_NAME, type TeamConfig, validMemberName } from '../core/team-config';
import { localState } from '../core/team-doc';
import type { TeamSignIn, TeamStatus } from '../shared/protocol';
import { createBridge, readLocal, type TeamDb, writeLocal } from './team-bridge';
import { createAssigns } from './team-assign';
import { createLibrary } from './team-library';
import { afterReady } from './team-library-port';
import { createLive, remoteDb } from './team-live';
import { OFF, type TeamPort } from './team-port';
import { checkDatabase, signIn, signOut, TeamProblem } from './team-remote';
import type { WorkerContext } from './worker-context';

const LOCAL_NAME = 'replyline-team';
const CONFIG = '_local/replyline-team';

export interface TeamEngineOptions {
  /** Whether the browser grants the server's host (asked by the Options page). */
  hasAccess(server: string): Promise<boolean>;
  /** Joined or not: the catch-up alarm follows. */
  followTeam(joined: boolean): Promise<void>;
}

/** The team's address from what the page sent, checked; a plain message when it is not usable. */
function configFrom(req: TeamSignIn): TeamConfig {
  const parsed = parseTeamServer(req.server);
  if ('problem' in parsed) throw new RangeError(parsed.problem === 'insecure' ? t('teamServerInsecure') : t('teamServerInvalid'));
  if (!TEAM_DB_NAME.test(req.db)) throw new RangeError(t('teamDbInvalid'));
  if (!validMemberName(req.name)) throw new RangeError(t('teamNameInvalid'));
  return { server: parsed.server, db: req.db, name: req.name };
}

/** The engine's state: the team's copy, the team joined (read once per worker), the sync's status. */
function createTeamState(ctx: WorkerContext) {
  const state = {
    local: null as TeamDb | null,
    config: null as TeamConfig | null,
    loaded: null as Promise<void> | null,
    status: OFF as TeamStatus,
  };
  const set = (next: Partial<TeamStatus>) => {
    state.status = { ...state.status, ...next, team: state.config };
  };
  const local = () => (state.config ? state.local : null);
  const member = () => state.config?.name ?? null;
  const library = createLibrary(ctx, local, member);
  const assigns = createAssigns(ctx, local, member, () => bridge.catchUp());
  const bridge = createBridge(ctx, local, member, async (copy, docs) => {
    await library.resolve(copy, docs);
    await assigns.resolve(copy, docs);
  });
  const live = createLive({
    now: ctx.fx.now,
    set,
    changed: () => void bridge.catchUp().catch((error: Error) => console.error('Replyline: team changes', error)),
  });
  const openLocal = (): TeamDb => (state.local ??= new PouchDB(LOCAL_NAME, { auto_compaction: true }) as TeamDb);
  return {
    state,
    set,
    bridge,
    assigns,
    library: library.port,
    live,
    openLocal,
    /** Live replication, and the members read again from the server (in the background). */
    startLive: () => {
      if (!state.config || !state.local) return;
      live.start(state.local, state.config);
      void assigns.refreshMembers(state.config).catch((error: Error) => console.error('Replyline: team members', error));
    },
    /** The team joined, from the team's copy (a `_local` document, never replicated). */
    load(): Promise<void> {
      state.loaded ??= readLocal<TeamConfig>(openLocal(), CONFIG).then((stored) => {
        state.config = stored ? { server: stored.server, db: stored.db, name: stored.name } : null;
        set({ state: state.config ? 'syncing' : 'off' });
      });
      return state.loaded;
    },
  };
}

export type TeamEngine = TeamPort & { start(): Promise<void> };

/** Assignment's calls, each once the team joined is read. */
const assignPort = (assigns: ReturnType<typeof createAssigns>, load: () => Promise<void>): Pick<TeamPort, 'assign' | 'members'> => ({
  assign: (key, to) => load().then(() => assigns.assign(key, to)),
  members: () => load().then(() => assigns.members()),
});

export function createTeamEngine(ctx: WorkerContext, options: TeamEngineOptions): TeamEngine {
  const team = createTeamState(ctx);
  const { state, bridge, live, load, set } = team;

  /** Signs in and checks the database. */
  async function connect(next: TeamConfig, password: string): Promise<void> {
    if (!(await options.hasAccess(next.server))) throw new RangeError(t('teamNoAccess', new URL(next.server).host));
    await signIn(next.server, next.name, password);
    await checkDatabase(next);
  }

  return {
    async start() {
      await load();
      await options.followTeam(!!state.config);
      if (!state.config) return;
      await bridge.catchUp();
      team.startLive();
    },
    status: () => load().then(() => state.status),
    async test(req) {
      const next = configFrom(req);
      await connect(next, req.password);
      return { team: next, state: 'idle', problem: null, lastSyncAt: null };
    },
    async join(req) {
      await load();
      const next = configFrom(req);
      await connect(next, req.password);
      live.stop();
      state.config = next;
      await writeLocal(team.openLocal(), CONFIG, next);
      // What the team knows, then what this browser knows better, then live (2,000 docs a request: bench:team).
      await team.openLocal().replicate.from(remoteDb(next), { batch_size: 2000 });
      await bridge.catchUp();
      await bridge.recordAll((item) => localState(item, next.name));
      set({ state: 'syncing', problem: null });
      team.startLive();
      await options.followTeam(true);
      return state.status;
    },
    async signIn(password) {
      await load();
      if (!state.config) return state.status;
      try {
        await connect(state.config, password);
      }
      catch (error) {
        if (error instanceof TeamProblem) set({ state: error.kind, problem: error.message });
        throw error;
      }
      live.stop();
      set({ state: 'syncing', problem: null });
      team.startLive();
      return state.status;
    },
    async leave() {
      await load();
      live.stop();
      if (state.config) await signOut(state.config.server);
      state.config = null;
      // The team's copy goes (another team must not receive it); the log keeps every comment.
      await team.openLocal().destroy();
      Object.assign(state, { local: null, loaded: null, status: OFF });
      await options.followTeam(false);
      return state.status;
    },
    async beforeActions(keys, action) {
      await load();
      await bridge.recordActions(keys, action);
    },
    library: afterReady(team.library, load),
    ...assignPort(team.assigns, load),
    afterReport(items) {
      void load()
        .then(() => bridge.recordSeen(items))
        .catch((error: Error) => console.error('Replyline: team report', error));
    },
  };
}
