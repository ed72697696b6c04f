// @vitest-environment happy-dom
/**
 * The content script and the real background service, joined by a message channel that fails as
 * MV3's does when Chrome stops the worker: a report that finds no worker, an answer lost after
 * the commit, a status told to tabs while the worker was going away.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb } from '../../src/background/db';
import { type BackgroundEffects, createService } from '../../src/background/service';
import { startContent, type Send } from '../../src/content/page';
import { ITEM_LIMITS, type ItemStatus } from '../../src/core/types';
import type { BackgroundType } from '../../src/shared/protocol';
import type { BackgroundHandlers } from '../../src/shared/router';
import { xAdapter } from '../../src/sites/x';
import { loadPage } from '../helpers';
import { quietEffects } from './quiet-effects';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

function effects(): BackgroundEffects {
  return quietEffects({ defaultSelectors: () => xAdapter.defaultSelectors });
}

/** What a test lets the channel do to each message: deliver it, drop it before, or lose the answer after. */
type Fault = 'none' | 'no-worker' | 'answer-lost';

async function setUp(faults: (type: BackgroundType, call: number) => Fault) {
  globalThis.indexedDB = new IDBFactory();
  const db = await openReplylineDb();
  const service = createService(db, effects());
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

function drawn(): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll('[data-replyline-key]')].map((h) => [
      h.getAttribute('data-replyline-key'),
      h.getAttribute('data-replyline-status'),
    ]),
  );
}

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('reports reach the log at least once', () => {
  beforeEach(() => {
    loadPage('x/conversation.html', CONVERSATION);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(CONVERSATION);
  });

  it('sends a report again until the worker answers, then badges what the log holds', async () => {
    const setup = await setUp((type, call) => (type === 'items/report' && call <= 2 ? 'no-worker' : 'none'));
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    expect(setup.calls.get('items/report')).toBeGreaterThanOrEqual(3);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });

  it('an answer lost after the commit: the report goes again, nothing is stored twice, and every badge is drawn', async () => {
    const setup = await setUp((type, call) => (type === 'items/report' && call === 1 ? 'answer-lost' : 'none'));
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    expect(Object.keys(await setup.stored())).toHaveLength(5);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });

  it('a status told while the worker was away reaches the badge when the page resyncs', async () => {
    const setup = await setUp(() => 'none');
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    // The popup answers Devon; the worker is stopped before it tells the tabs.
    await setup.handlers['items/act']({ key: 'x:1950000000000000004', action: 'answer' }, { sender: {}, tabId: null });
    expect(drawn()['x:1950000000000000004']).toBe('pending');
    await content.resync();
    expect(drawn()['x:1950000000000000004']).toBe('answered');
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });
});

describe('hostile page text', () => {
  it('one comment of 50,000 characters among normal ones: all are badged, its text cut to what the log keeps', async () => {
    loadPage('x/conversation.html', CONVERSATION);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(CONVERSATION);
    const devon = document.querySelector('a[href="/devon_k/status/1950000000000000004"]')!.closest('article')!;
    devon.querySelector('[data-testid="tweetText"] span')!.textContent = `${'Very long complaint. '.repeat(2400)}end`;
    const setup = await setUp(() => 'none');
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    const long = await setup.db.get('items', 'x:1950000000000000004');
    expect(Array.from(long!.text)).toHaveLength(ITEM_LIMITS.text);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });
});
