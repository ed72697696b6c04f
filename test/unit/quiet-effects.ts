/**
 * The background's effects for a unit test that needs none of them to do anything: each test file
 * names only what it watches or answers differently (`overrides`).
 */
import type { BackgroundEffects } from '../../src/background/effects';

export function quietEffects(overrides: Partial<BackgroundEffects> = {}): BackgroundEffects {
  let ids = 0;
  return {
    now: () => Date.now(),
    newId: () => `id-${++ids}`,
    setPendingCount: () => undefined,
    broadcastStatuses: () => undefined,
    broadcastRefresh: () => undefined,
    noteLogChanged: () => undefined,
    scheduleWake: () => undefined,
    retellLater: () => undefined,
    openUrl: async () => undefined,
    openOptions: async () => undefined,
    insertIntoActiveTab: async () => ({ ok: false, reason: 'none', copied: false }),
    injectTools: async () => undefined,
    isSiteUrl: () => true,
    instanceAccess: async () => false,
    syncInstances: async () => undefined,
    withdrawInstance: async () => undefined,
    defaultSelectors: () => ({}),
    readCatalogs: async () => [],
    ...overrides,
  };
}
