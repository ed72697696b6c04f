/**
 * The content script of one site: the page session with that site's adapter. The build makes one
 * classic script per site from this (vite.config.ts), so a page loads its own adapter and nothing
 * of the other sites, the popup or the options.
 */
import { listenInContent, send } from '../shared/messaging';
import type { SiteAdapter } from '../sites/types';
import { ensureContentMessages } from './messages';
import { startContent } from './page';

export function runContent(adapter: SiteAdapter): void {
  // Once the messages are sure (at once, unless the browser gives none: messages.ts).
  void ensureContentMessages(send).then(() => start(adapter));
}

function start(adapter: SiteAdapter): void {
  const content = startContent(adapter, document, send);
  listenInContent({
    'content/insert': ({ body }) => content.insertFromPopup(body),
    'content/statuses': ({ statuses, by }) => {
      content.applyStatuses(statuses, by);
      return null;
    },
    'content/resync': () => {
      void content.resync().catch((error: Error) => console.warn('Replyline:', error.message));
      return null;
    },
    'content/refresh': async () => {
      await content.refresh();
      return null;
    },
  });
  content
    .start()
    .catch((error: Error) => console.warn('Replyline could not start on this page:', error.message));
}
