/**
 * Mastodon instances: for each host the user added and the browser granted, one content script
 * registered at run time; none for anything else. Pure over the few browser calls it needs, so
 * that tests drive it with their own.
 */
import { INSTANCE_SCRIPT_FILE, INSTANCE_SCRIPT_PREFIX, instancePattern } from '../core/instances';

export interface RegisteredScript {
  id: string;
  matches?: string[] | undefined;
}

export interface ScriptToRegister {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The browser calls syncing needs (chrome.scripting and chrome.permissions, by their shapes). */
export interface InstanceBrowser {
  hasAccess(pattern: string): Promise<boolean>;
  registered(): Promise<RegisteredScript[]>;
  register(scripts: ScriptToRegister[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export function scriptId(host: string): string {
  return `${INSTANCE_SCRIPT_PREFIX}${host}`;
}

/**
 * Makes the registered scripts match the hosts: registers the missing ones that have access,
 * unregisters ours that are no longer wanted or allowed (and any whose pattern is not what it
 * should be). Scripts not ours are left alone.
 */
export async function syncInstanceScripts(hosts: readonly string[], api: InstanceBrowser): Promise<void> {
  const access = await Promise.all(
    hosts.map(async (host) => [host, await api.hasAccess(instancePattern(host))] as const),
  );
  const allowed = new Set(access.filter(([, ok]) => ok).map(([host]) => host));
  const ours = (await api.registered()).filter((s) => s.id.startsWith(INSTANCE_SCRIPT_PREFIX));
  const keep = new Set<string>();
  const stale: string[] = [];
  for (const script of ours) {
    const host = script.id.slice(INSTANCE_SCRIPT_PREFIX.length);
    const right = script.matches?.length === 1 && script.matches[0] === instancePattern(host);
    if (allowed.has(host) && right) keep.add(host);
    else stale.push(script.id);
  }
  if (stale.length > 0) await api.unregister(stale);
  const missing = [...allowed].filter((host) => !keep.has(host));
  if (missing.length > 0) {
    await api.register(
      missing.map((host) => ({
        id: scriptId(host),
        matches: [instancePattern(host)],
        js: [INSTANCE_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      })),
    );
  }
}
