/**
 * The real background service behind a content script in a unit test: a message channel that
 * fails as MV3's does when Chrome stops the worker (a report that finds no worker, an answer lost
 * after the commit), and what the page's badges show.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openReplylineDb } from '../../src/background/db';
import { type BackgroundEffects, createService } from '../../src/background/service';
import type { Send } from '../../src/content/page';
import type { ItemStatus } from '../../src/core/types';
import type { BackgroundType } from '../../src/shared/protocol';
import type { BackgroundHandlers } from '../../src/shared/router';
import type { SiteAdapter } from '../../src/sites/types';
import { quietEffects } from './quiet-effects';

function effects(adapter: SiteAdapter): BackgroundEffects {
  return quietEffects({ defaultSelectors: () => adapter.defaultSelectors });
}

/** What a test lets the channel do to each message: deliver it, drop it before, or lose the answer after. */
export type Fault = 'none' | 'no-worker' | 'answer-lost';

/**
 * A fresh log and the real service behind the `send` a content script is started with; `faults` says
 * what happens to each message (by type and how many of that type came before, counted from 1).
 */
export async function setUp(adapter: SiteAdapter, faults: (type: BackgroundType, call: number) => Fault = () => 'none') {
  globalThis.indexedDB = new IDBFactory();
  const db = await openReplylineDb();
  const service = createService(db, effects(adapter));
  const handlers = service.handlers as unknown as Record<string, (req: unknown, ctx: unknown) => Promise<unknown>>;
  const calls = new Map<string, number>();
  const send = (async (type: BackgroundType, payload: unknown) => {
    const call = (calls.get(type) ?? 0) + 1;
    calls.set(type, call);
    const fault = faults(type, call);
    if (fault === 'no-worker') throw new Error('Could not establish connection. Receiving end does not exist.');
    if (type === 'page/hello') {
      return { owner: 'brightloop', enabled: true, selectors: {}, trigger: ';;', pickerShortcut: 'Alt+Shift+S' };
    }
    if (type === 'site/health' || type === 'owner/detected') return null;
    const value = await handlers[type]!(payload, { sender: {}, tabId: 1 });
    if (fault === 'answer-lost') throw new Error('The message channel closed before a response was received.');
    return value;
  }) as Send;
  const stored = async () =>
    Object.fromEntries((await db.getAll('items')).map((item) => [item.key, item.status])) as Record<string, ItemStatus>;
  return { db, service, handlers: service.handlers as BackgroundHandlers, send, calls, stored };
}

/** Each badge's status on the page, by item key. */
export function drawn(): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll('[data-replyline-key]')].map((h) => [
      h.getAttribute('data-replyline-key'),
      h.getAttribute('data-replyline-status'),
    ]),
  );
}

export const waitFor = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
