/**
 * The one module that imports the WebExtension API. The polyfill throws outside an extension,
 * so everything else takes what it needs from here and tests replace this module.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export { browser };
