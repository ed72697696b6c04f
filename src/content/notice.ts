import { HOST_ATTRIBUTE } from './watcher';

let current: HTMLElement | null = null;

/** A short message in the page's corner, in its own shadow root; it leaves by itself. */
export function showNotice(doc: Document, message: string, tone: 'info' | 'error' = 'info'): void {
  current?.remove();
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('data-replyline-notice', tone);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial;position:fixed;z-index:2147483647;inset-block-end:20px;inset-inline-end:20px;max-width:360px}
div{font:13px/1.4 system-ui,sans-serif;padding:10px 14px;border-radius:8px;box-shadow:0 8px 24px rgb(0 0 0/.25);background:#111827;color:#f9fafb}
div.error{background:#7f1d1d}`;
  const box = doc.createElement('div');
  box.className = tone;
  box.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  box.textContent = message;
  shadow.append(style, box);
  doc.documentElement.append(host);
  current = host;
  setTimeout(() => host.remove(), tone === 'error' ? 9000 : 5000);
}
