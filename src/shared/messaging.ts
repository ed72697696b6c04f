import { browser } from './browser';
import { t } from '../core/i18n';
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
import { isEnvelope, SEND_ONCE } from './protocol';

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!isReply(r)) throw new Error(t('noAnswer'));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const isReply = (r: unknown): r is Reply<unknown> => !!r && typeof r === 'object' && 'ok' in r;

/** Waits between tries when the worker did not answer (it was stopped, or is starting). */
export const RETRY_DELAYS_MS = [50, 200, 500, 1000, 2000, 4000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a message to the background and returns its answer, or throws its error message.
 *
 * The worker may be stopped at any moment (MV3), and then the browser rejects the message or the
 * answer never comes ("Receiving end does not exist", "message channel closed"). Such a failure
 * is the transport's, not an answer: an idempotent message is sent again until the worker
 * answers; one in SEND_ONCE is not (it might have been applied), and says so in plain words.
 * No raw browser error reaches the user.
 */
export async function send<K extends BackgroundType>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
): Promise<Res<BackgroundProtocol, K>> {
  const envelope: Envelope = { type, payload };
  const once = SEND_ONCE.has(type);
  for (let attempt = 0; ; attempt++) {
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage(envelope);
    }
    catch {
      reply = undefined;
    }
    if (isReply(reply)) return unwrap(reply);
    if (once) throw new Error(t('notConfirmed'));
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) throw new Error(t('backgroundAway'));
    await sleep(delay);
  }
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
