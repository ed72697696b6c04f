import { t } from '../core/i18n';
import { BACKGROUND_MESSAGES } from './protocol-checks';
import {
  type BackgroundProtocol,
  type BackgroundType,
  isEnvelope,
  type Origin,
  type Reply,
  type Req,
  type Res,
} from './protocol';

/** What the background is told about a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
}

export interface SenderContext {
  sender: SenderInfo;
  /** The sending tab, for messages from content scripts. */
  tabId: number | null;
}

/** One handler per message: a missing one is a compile error. */
export type BackgroundHandlers = {
  [K in BackgroundType]: (
    req: Req<BackgroundProtocol, K>,
    ctx: SenderContext,
  ) => Promise<Res<BackgroundProtocol, K>> | Res<BackgroundProtocol, K>;
};

export interface RouterOptions {
  extensionId: string;
  /** e.g. "chrome-extension://<id>/" */
  extensionOrigin: string;
  /** Whether a page URL is one our content scripts run on. */
  isContentUrl: (url: string) => boolean | Promise<boolean>;
  onError?: (type: string, error: unknown) => void;
}

export async function senderOrigin(sender: SenderInfo, options: RouterOptions): Promise<Origin | null> {
  if (sender.id !== options.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(options.extensionOrigin)) return 'page';
  if (sender.tab && (await options.isContentUrl(url))) return 'content';
  return null;
}

/** What users see when a store operation fails; never a stack trace. */
export function userMessage(error: unknown): string {
  const name = (error as { name?: unknown })?.name;
  if (name === 'QuotaExceededError') {
    return t('diskFull');
  }
  if (error instanceof RangeError || error instanceof TypeError) return error.message;
  return t('tryAgain');
}

/**
 * Turns handlers into a runtime.onMessage listener: unknown senders and malformed requests
 * are refused before any handler runs.
 */
export function createRouter(
  handlers: () => BackgroundHandlers | Promise<BackgroundHandlers>,
  options: RouterOptions,
) {
  return async (message: unknown, sender: SenderInfo): Promise<Reply<unknown> | undefined> => {
    if (!isEnvelope(message) || !Object.hasOwn(BACKGROUND_MESSAGES, message.type)) return undefined;
    const type = message.type as BackgroundType;
    const spec = BACKGROUND_MESSAGES[type];
    const origin = await senderOrigin(sender, options);
    if (!origin || (spec.from !== 'any' && spec.from !== origin)) {
      return { ok: false, error: t('wrongSender', type) };
    }
    if (!spec.check(message.payload)) return { ok: false, error: t('malformed', type) };
    try {
      const handler = (await handlers())[type] as (req: unknown, ctx: SenderContext) => unknown;
      const value = await handler(message.payload, { sender, tabId: sender.tab?.id ?? null });
      return { ok: true, value: value ?? null };
    }
    catch (error) {
      options.onError?.(type, error);
      return { ok: false, error: userMessage(error) };
    }
  };
}
