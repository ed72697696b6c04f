/** Content script entry: one per supported site tab, driven by the site's adapter. */
import { listenInContent, send } from '../shared/messaging';
import { adapterForUrl, instanceAdapter } from '../sites/registry';
import type { SiteAdapter } from '../sites/types';
import { startContent } from './page';

function run(adapter: SiteAdapter) {
  const content = startContent(adapter, document, send);
  listenInContent({
    'content/insert': ({ body }) => content.insertFromPopup(body),
    'content/statuses': ({ statuses }) => {
      content.applyStatuses(statuses);
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

// The manifest runs this script on the built-in sites' hosts only; anywhere else it was
// registered at run time for an instance the user added (background/instances).
const adapter = adapterForUrl(new URL(location.href)) ?? instanceAdapter();
if (adapter) run(adapter);
