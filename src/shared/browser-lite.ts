/// <reference types="chrome" />
/**
 * The WebExtension API as the content scripts use it, in place of webextension-polyfill: the build
 * aliases the package to this module for them only (vite.config.ts), since the polyfill is half of
 * a page's budget. src/shared/browser.ts stays the one door; this is what opens behind it on a page.
 *
 * Firefox has `browser` natively. Chrome's `chrome` answers with promises (MV3), except that a
 * message listener answers through sendResponse: a listener's promise is bridged to it, as the
 * polyfill does (a listener that returns no promise leaves the message to others).
 */
type Listener = (message: unknown, sender: chrome.runtime.MessageSender) => unknown;
type ChromeListener = Parameters<typeof chrome.runtime.onMessage.addListener>[0];

/** Chrome's API with promise-answering message listeners. */
export function fromChrome(api: typeof chrome): typeof chrome {
  const bridges = new Map<Listener, ChromeListener>();
  const onMessage = {
    addListener(listener: Listener) {
      const bridge: ChromeListener = (message, sender, sendResponse) => {
        const answer = listener(message, sender);
        if (!(answer instanceof Promise)) return false;
        const reject = (error: unknown) => ({
          __mozWebExtensionPolyfillReject__: true,
          message: String((error as Error)?.message ?? error),
        });
        answer.then(sendResponse, (error: unknown) => sendResponse(reject(error)));
        return true;
      };
      bridges.set(listener, bridge);
      api.runtime.onMessage.addListener(bridge);
    },
    removeListener(listener: Listener) {
      const bridge = bridges.get(listener);
      if (bridge) api.runtime.onMessage.removeListener(bridge);
      bridges.delete(listener);
    },
    hasListener: (listener: Listener) => bridges.has(listener),
  };
  const runtime = new Proxy(api.runtime, {
    get: (target, name) => (name === 'onMessage' ? onMessage : Reflect.get(target, name)),
  });
  return new Proxy(api, { get: (target, name) => (name === 'runtime' ? runtime : Reflect.get(target, name)) });
}

const scope = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };

const api = scope.browser?.runtime?.id
  ? scope.browser
  : scope.chrome?.runtime?.id ? fromChrome(scope.chrome) : undefined;
export default api;
