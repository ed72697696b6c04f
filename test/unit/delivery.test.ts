// @vitest-environment happy-dom
/**
 * The content script and the real background service, joined by a message channel that fails as
 * MV3's does when Chrome stops the worker: a report that finds no worker, an answer lost after
 * the commit, a status told to tabs while the worker was going away.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { startContent } from '../../src/content/page';
import { ITEM_LIMITS } from '../../src/core/types';
import { xAdapter } from '../../src/sites/x';
import { loadPage } from '../helpers';
import { drawn, setUp, waitFor } from './live-service';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

describe('reports reach the log at least once', () => {
  beforeEach(() => {
    loadPage('x/conversation.html', CONVERSATION);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(CONVERSATION);
  });

  it('sends a report again until the worker answers, then badges what the log holds', async () => {
    const setup = await setUp(xAdapter, (type, call) => (type === 'items/report' && call <= 2 ? 'no-worker' : 'none'));
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    expect(setup.calls.get('items/report')).toBeGreaterThanOrEqual(3);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });

  it('an answer lost after the commit: the report goes again, nothing is stored twice, and every badge is drawn', async () => {
    const setup = await setUp(xAdapter, (type, call) => (type === 'items/report' && call === 1 ? 'answer-lost' : 'none'));
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    expect(Object.keys(await setup.stored())).toHaveLength(5);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });

  it('a status told while the worker was away reaches the badge when the page resyncs', async () => {
    const setup = await setUp(xAdapter, () => 'none');
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
    const setup = await setUp(xAdapter, () => 'none');
    const content = startContent(xAdapter, document, setup.send);
    await content.start();
    await waitFor(() => Object.keys(drawn()).length === 5);
    const long = await setup.db.get('items', 'x:1950000000000000004');
    expect(Array.from(long!.text)).toHaveLength(ITEM_LIMITS.text);
    expect(drawn()).toEqual(await setup.stored());
    content.stop();
  });
});
