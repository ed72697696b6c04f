/**
 * A content script's messages, made sure of. Chromium has been seen to give an extension no messages
 * at all for a whole session (every `i18n.getMessage` answers '', `@@extension_id` too). Pages then
 * read the packaged catalogs (shared/page-messages.ts); a content script cannot read the extension's
 * files without making them readable by the site, so it asks the worker for them, once, before it
 * draws anything. When the browser's messages work, this costs one synchronous lookup.
 */
import { fallBackTo } from '../core/i18n';
import { browser } from '../shared/browser';
import type { Send } from './context';

export async function ensureContentMessages(send: Send): Promise<void> {
  if (browser.i18n.getMessage('@@extension_id') !== '') return;
  try {
    fallBackTo(await send('i18n/catalogs', {}));
  }
  catch (error) {
    console.warn('Replyline: no messages from the browser or the background', error);
  }
}
