/** Content script entry: one per supported site tab, driven by the site's adapter. */
import { listenInContent, send } from '../shared/messaging';
import { adapterForUrl } from '../sites/registry';
import { startContent } from './controller';

const adapter = adapterForUrl(new URL(location.href));
if (adapter) {
  const content = startContent(adapter, document, send);
  listenInContent({
    'content/insert': ({ body }) => content.insertFromPopup(body),
    'content/statuses': ({ statuses }) => {
      content.applyStatuses(statuses);
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
