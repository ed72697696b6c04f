/**
 * `tools/inject`: a content script asks for its tools (the inline picker and insertion), and the
 * worker runs their script in that script's own tab and frame only; no page, no other sender.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openReplylineDb } from '../../src/background/db';
import { createService } from '../../src/background/service';
import { BACKGROUND_MESSAGES } from '../../src/shared/protocol-checks';
import { createRouter, type RouterOptions } from '../../src/shared/router';
import { quietEffects } from './quiet-effects';

const options: RouterOptions = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext/',
  isContentUrl: (url) => url.startsWith('https://x.com/'),
};
const page = 'https://x.com/a/status/1';
const frameSender = { id: 'ext', url: page, tab: { id: 7, url: page }, frameId: 3 };

let injected: [number, number][];
let route: ReturnType<typeof createRouter>;
let service: ReturnType<typeof createService>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  injected = [];
  const fx = quietEffects({ injectTools: async (tabId, frameId) => void injected.push([tabId, frameId]) });
  service = createService(await openReplylineDb(), fx);
  route = createRouter(() => service.handlers, options);
});

describe('tools/inject', () => {
  it('takes an empty request only, from content scripts only', () => {
    const spec = BACKGROUND_MESSAGES['tools/inject'];
    expect(spec.from).toBe('content');
    expect(spec.check({})).toBe(true);
    for (const wrong of [null, undefined, 'tools', 3, []]) expect(spec.check(wrong)).toBe(false);
  });

  it('injects into the sender\'s tab and frame, and nowhere else', async () => {
    expect(await route({ type: 'tools/inject', payload: {} }, frameSender)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'tools/inject', payload: {} }, { ...frameSender, frameId: 0, tab: { id: 9, url: page } })).toEqual({
      ok: true,
      value: null,
    });
    expect(injected).toEqual([[7, 3], [9, 0]]);
  });

  it('refuses our own pages, other extensions, pages we do not run on and malformed requests', async () => {
    const refused = [
      { id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' },
      { ...frameSender, id: 'someone-else' },
      { ...frameSender, url: 'https://evil.example/', tab: { id: 7, url: 'https://evil.example/' } },
      // A content URL without a tab is no content script.
      { id: 'ext', url: page, frameId: 0 },
    ];
    for (const sender of refused) {
      expect(await route({ type: 'tools/inject', payload: {} }, sender)).toMatchObject({ ok: false });
    }
    expect(await route({ type: 'tools/inject', payload: { files: ['x.js'] } }, frameSender)).toMatchObject({ ok: true });
    expect(await route({ type: 'tools/inject', payload: 'all' }, frameSender)).toMatchObject({ ok: false });
    expect(injected).toEqual([[7, 3]]);
  });

  it('refuses a sender without a tab in the handler too', async () => {
    await expect(service.handlers['tools/inject']({}, { sender: { id: 'ext', url: page }, tabId: null })).rejects.toThrow(RangeError);
    expect(injected).toEqual([]);
  });
});
