// @vitest-environment happy-dom
/**
 * A page session of the content script ends cleanly: every listener it added to the page, every
 * observer and every timer goes with stop(), and its badges too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startContent, type Send } from '../../src/content/page';
import type { BackgroundType } from '../../src/shared/protocol';
import { xAdapter } from '../../src/sites/x';
import { loadPage } from '../helpers';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';

interface Added {
  target: EventTarget;
  type: string;
  listener: unknown;
  capture: boolean;
  signal: AbortSignal | undefined;
  removed: boolean;
}

/** The prototype that holds the page's addEventListener (happy-dom's own EventTarget). */
function listenerHome(): { addEventListener: EventTarget['addEventListener']; removeEventListener: EventTarget['removeEventListener'] } {
  let proto: object | null = document;
  while (proto && !Object.hasOwn(proto, 'addEventListener')) proto = Object.getPrototypeOf(proto);
  return proto as ReturnType<typeof listenerHome>;
}
const home = listenerHome();
const originalAdd = home.addEventListener;
const originalRemove = home.removeEventListener;
const OriginalObserver = window.MutationObserver;

function instrument() {
  const added: Added[] = [];
  const observers: { disconnected: boolean; observing: boolean }[] = [];
  const captureOf = (options: unknown) =>
    typeof options === 'boolean' ? options : !!(options as { capture?: boolean } | undefined)?.capture;
  home.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    // Only what is added to the page itself counts (the session's own AbortSignals are not the page's).
    if (this === document || this === window || this instanceof Node) {
      const signal = typeof options === 'object' ? (options as { signal?: AbortSignal } | null)?.signal : undefined;
      added.push({ target: this, type, listener, capture: captureOf(options), signal, removed: false });
    }
    return originalAdd.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof EventTarget.prototype.addEventListener;
  home.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
    for (const entry of added) {
      const same = entry.target === this && entry.type === type && entry.listener === listener;
      if (same && entry.capture === captureOf(options)) entry.removed = true;
    }
    return originalRemove.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof EventTarget.prototype.removeEventListener;
  window.MutationObserver = class extends OriginalObserver {
    record = { disconnected: false, observing: false };
    constructor(callback: MutationCallback) {
      super(callback);
      observers.push(this.record);
    }

    override observe(target: Node, options?: MutationObserverInit) {
      this.record.observing = true;
      super.observe(target, options);
    }

    override disconnect() {
      this.record.disconnected = true;
      super.disconnect();
    }
  };
  globalThis.MutationObserver = window.MutationObserver;
  return { added, observers };
}

afterEach(() => {
  home.addEventListener = originalAdd;
  home.removeEventListener = originalRemove;
  window.MutationObserver = OriginalObserver;
  globalThis.MutationObserver = OriginalObserver;
});

describe('a page session', () => {
  it('leaves no listener, observer or badge behind when stopped', async () => {
    loadPage('x/conversation.html', CONVERSATION);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(CONVERSATION);
    const { added, observers } = instrument();
    let stored = 0;
    const send = (async (type: BackgroundType, payload: { items?: { id: string }[] }) => {
      if (type === 'page/hello') {
        return { owner: 'brightloop', enabled: true, selectors: {}, trigger: ';;', pickerShortcut: 'Alt+Shift+S' };
      }
      if (type === 'items/report') {
        stored += payload.items?.length ?? 0;
        return { statuses: Object.fromEntries((payload.items ?? []).map((i) => [`x:${i.id}`, 'pending'])), refused: 0 };
      }
      if (type === 'snippets/list') return [];
      return null;
    }) as unknown as Send;
    const content = startContent(xAdapter, document, send);
    await content.start();
    const started = Date.now();
    while (document.querySelectorAll('[data-replyline-key]').length < 5 && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stored).toBe(5);
    // A badge's menu open adds a page listener of its own (a click outside closes it).
    const host = document.querySelector('[data-replyline-key]')!;
    (host.shadowRoot!.querySelector('button.badge') as HTMLButtonElement).click();
    expect(added.filter((a) => a.target === document || a.target === window).length).toBeGreaterThan(5);
    expect(observers.some((o) => o.observing)).toBe(true);

    content.stop();
    // Listeners on our own badges go with them (removed from the page); any other must be gone.
    const onThePage = (a: Added) => a.target === window || (a.target as Node).isConnected;
    const left = added.filter((a) => onThePage(a) && !a.removed && !a.signal?.aborted);
    expect(left.map((a) => a.type)).toEqual([]);
    expect(observers.filter((o) => o.observing && !o.disconnected)).toEqual([]);
    expect(document.querySelectorAll('[data-replyline-key]')).toHaveLength(0);
  });
});
