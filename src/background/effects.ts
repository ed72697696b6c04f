import type { Catalog } from '../core/i18n';
import type { ItemStatus, SiteId } from '../core/types';
import type { Attributions, InsertResult } from '../shared/protocol';

/**
 * What the background needs from the browser, injected so that the logic runs in Node tests.
 * The browser's own implementation is browser-effects.ts.
 */
export interface BackgroundEffects {
  now(): number;
  newId(): string;
  /** The toolbar: how many wait, and the sites whose last page needs attention (their names). */
  setPendingCount(count: number, attention: string[]): Promise<void> | void;
  /** Statuses changed: tabs showing these items redraw their badges. */
  broadcastStatuses(statuses: Record<string, ItemStatus>, by: Attributions): Promise<void> | void;
  /** Settings changed in a way that makes pages judge again (an owner handle). */
  broadcastRefresh(): Promise<void> | void;
  /** The log changed: open extension pages (the popup) read what they show again. */
  noteLogChanged(): Promise<void> | void;
  /** The next time a snoozed item wakes (null: none). */
  scheduleWake(at: number | null): Promise<void> | void;
  /**
   * Armed: the browser wakes the background again a moment later, even if it was stopped before
   * telling the tabs what changed (its start asks every tab to ask again). Disarmed once told.
   */
  retellLater(armed: boolean): Promise<void> | void;
  openUrl(url: string): Promise<void>;
  openOptions(): Promise<void>;
  insertIntoActiveTab(body: string): Promise<InsertResult>;
  /** Runs the content scripts' tools (TOOLS_SCRIPT_FILE) in one frame of one tab, in their isolated world. */
  injectTools(tabId: number, frameId: number): Promise<void>;
  /** Whether a URL belongs to a site Replyline ships with (a Mastodon instance the user added is not one). */
  isSiteUrl(url: string): boolean;
  /** Whether the browser grants access to an instance's pages (the user allowed it and has not withdrawn it). */
  instanceAccess(host: string): Promise<boolean>;
  /** Registers the content script on each of these hosts that has access, and unregisters every other of ours. */
  syncInstances(hosts: readonly string[]): Promise<void>;
  /** Gives an instance's access back to the browser. */
  withdrawInstance(host: string): Promise<void>;
  /** The selectors a site's adapter ships with, by name. */
  defaultSelectors(site: SiteId): Readonly<Record<string, string>>;
  /** The packaged message catalogs of the UI language, best first, then English (page-messages.ts). */
  readCatalogs(): Promise<Catalog[]>;
}
