import { browser } from './browser';
import { t } from './i18n';
import type {
  BackgroundProtocol,
  BackgroundType,
  ContentProtocol,
  ContentType,
  Envelope,
  Reply,
  Req,
  Res,
} from './protocol';
import { isEnvelope } from './protocol';

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error(t('noAnswer'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Sends a message to the background and returns its answer, or throws its error message. */
export async function send<K extends BackgroundType>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
): Promise<Res<BackgroundProtocol, K>> {
  const envelope: Envelope = { type, payload };
  return unwrap(await browser.runtime.sendMessage(envelope));
}

export async function sendToTab<K extends ContentType>(
  tabId: number,
  type: K,
  payload: Req<ContentProtocol, K>,
): Promise<Res<ContentProtocol, K>> {
  const envelope: Envelope = { type, payload };
  return unwrap(await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }));
}

export type ContentHandlers = {
  [K in ContentType]: (
    req: Req<ContentProtocol, K>,
  ) => Promise<Res<ContentProtocol, K>> | Res<ContentProtocol, K>;
};

/** Content scripts take messages from our background only (no tab: not another page). */
export function listenInContent(handlers: ContentHandlers): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type as ContentType] as (req: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(message.payload))
      .then(
        (value): Reply<unknown> => ({ ok: true, value: value ?? null }),
        (error: unknown): Reply<unknown> => ({
          ok: false,
          error: String((error as Error)?.message ?? error),
        }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
