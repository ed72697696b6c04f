/** A badge layer over this test's document, each item its own badge's anchor, with no worker behind it. */
import { createBadgeLayer } from '../../src/content/badge-layer';
import type { PageContext } from '../../src/content/context';
import type { SiteAdapter } from '../../src/sites/types';

export function layerOnDocument(moreComing?: () => boolean) {
  const ctx = {
    doc: document,
    win: window,
    adapter: { badgeAnchor: (el: Element) => el } as unknown as SiteAdapter,
    send: () => Promise.reject(new Error('not in this test')),
    notify: () => undefined,
    signal: new AbortController().signal,
  } as unknown as PageContext;
  return createBadgeLayer(ctx, () => undefined, moreComing);
}
