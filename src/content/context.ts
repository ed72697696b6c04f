import type { BackgroundProtocol, BackgroundType, Req, Res } from '../shared/protocol';
import type { SiteAdapter } from '../sites/types';

/** How a content script talks to the background: the shared send helper, or a test's channel. */
export type Send = <K extends BackgroundType>(
  type: K,
  payload: Req<BackgroundProtocol, K>,
) => Promise<Res<BackgroundProtocol, K>>;

/**
 * What every part of a page session shares. `signal` ends with the session: every listener,
 * observer and timer of a part takes it, so stopping a session leaves nothing behind.
 */
export interface PageContext {
  doc: Document;
  win: Window;
  /** The site's adapter, guarded: a throw inside it never reaches the page. */
  adapter: SiteAdapter;
  send: Send;
  /** A short message in the page's corner. */
  notify(message: string, tone?: 'info' | 'error'): void;
  signal: AbortSignal;
}

/** A timeout that the session's end clears. */
export function later(signal: AbortSignal, ms: number, run: () => void): void {
  if (signal.aborted) return;
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', clear);
    run();
  }, ms);
  const clear = () => clearTimeout(timer);
  signal.addEventListener('abort', clear, { once: true });
}
