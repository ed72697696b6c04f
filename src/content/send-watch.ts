/**
 * Send detection: after a saved reply went into a comment box for an item, the site's Send (a
 * button, or Enter where the site sends on Enter) that empties the box answers that item. Only a
 * send of our text counts: the box must hold it when Send is pressed.
 */
import { later, type PageContext } from './context';
import { contentOf, squash } from './insert';

/** How long after a send click the composer has to clear for the reply to count as sent. */
const SEND_WINDOW = 10_000;
/** How long after an insertion a send still counts as that reply's. */
const SEND_WATCH_MS = 30 * 60_000;

/** Polls `find` every 50 ms until it finds something or `ms` passed. */
export function waitFor<T>(find: () => T | null, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      const found = find();
      if (found || Date.now() - started > ms) resolve(found);
      else setTimeout(tick, 50);
    };
    tick();
  });
}

/** Watches `composer` until our `text` is sent from it (then `sent` runs), or until stopped. */
export function watchSend(ctx: PageContext, composer: HTMLElement, text: string, sent: () => void): () => void {
  const { adapter, doc } = ctx;
  const watch = new AbortController();
  const stop = () => watch.abort();
  ctx.signal.addEventListener('abort', stop, { signal: watch.signal });
  const squashed = squash(text);
  const holdsText = () => composer.isConnected && squash(contentOf(composer)).includes(squashed);
  let checking = false;
  const check = async () => {
    if (checking || !holdsText()) return;
    checking = true;
    const emptied = await waitFor(() => (holdsText() ? null : true), SEND_WINDOW);
    checking = false;
    if (!emptied || watch.signal.aborted) return;
    stop();
    sent();
  };
  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && (target.closest(adapter.sendButtonSelector) || adapter.isSendControl?.(target))) void check();
  };
  const onKey = (event: KeyboardEvent) => {
    const sends = event.ctrlKey || event.metaKey || (adapter.sendsOnEnter && !event.shiftKey);
    if (event.key === 'Enter' && sends && composer.contains(event.target as Node)) void check();
  };
  doc.addEventListener('click', onClick, { capture: true, signal: watch.signal });
  doc.addEventListener('keydown', onKey, { capture: true, signal: watch.signal });
  later(watch.signal, SEND_WATCH_MS, stop);
  return stop;
}
