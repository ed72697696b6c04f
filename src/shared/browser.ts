/**
 * The one module that imports the WebExtension API. The polyfill throws outside an extension,
 * so everything else takes what it needs from here and tests replace this module.
 */
import browser from 'webextension-polyfill';
import { setMessageLookup } from '../core/i18n';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };

// Every extension context that loads this module reads its text from the browser's catalogs
// (i18n.getMessage answers synchronously in pages, content scripts and the worker of both browsers).
setMessageLookup((key, substitutions) => browser.i18n.getMessage(key, substitutions));
