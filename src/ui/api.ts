/** Extension pages talk to the background through the one send helper; errors become text. */
import { browser } from '../shared/browser';
import { send as sendNow } from '../shared/messaging';
import {
  type BackgroundProtocol,
  type BackgroundType,
  type KeptAction,
  KEPT_UNTIL_ANSWERED,
  LOG_CHANGED_KEY,
  outboxKey,
  type Req,
  type Res,
} from '../shared/protocol';

/**
 * Sends a message to the background (shared/messaging.ts). An action on comments is first kept in
 * the session's storage, and forgotten once answered: if the page is closed while the send still
 * waits for a worker being restarted, the next worker applies it (background/outbox.ts). A page
 * that cannot keep it sends it all the same.
 */
export async function send<K extends BackgroundType>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
): Promise<Res<BackgroundProtocol, K>> {
  if (!KEPT_UNTIL_ANSWERED.has(type)) return sendNow(type, payload);
  const at = Date.now();
  const key = outboxKey(at, crypto.randomUUID());
  const kept: KeptAction = { envelope: { type, payload }, at };
  // A browser without session storage (Firefox before 115) sends it all the same.
  const stored = await Promise.resolve()
    .then(() => browser.storage.session.set({ [key]: kept }))
    .then(() => true, () => false);
  try {
    return await sendNow(type, payload);
  }
  finally {
    if (stored) await browser.storage.session.remove(key).catch(() => undefined);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** Saves text as a file through the browser's download (no permission needed from a page of ours). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Asks the browser for access to one origin pattern; it may show its own prompt. Call it straight
 * from a click handler: browsers only ask while the user's gesture lasts.
 */
export function requestAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/**
 * Calls `listener` each time the worker says the log changed (background/side-work.ts), until the
 * returned function is called. A browser without session storage never calls it.
 */
export function onLogChanged(listener: () => void): () => void {
  const changed = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && LOG_CHANGED_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}
