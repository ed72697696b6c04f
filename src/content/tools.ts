/**
 * The tools' script (assets/content-tools.js, tools-api.ts): built as one classic script for every
 * site, holding no site's adapter. Run a second time in the same world, it changes nothing.
 */
import { setMessageLookup } from '../core/i18n';
import { createInsertion } from './composer-insert';
import { startInlinePicker } from './inline';
import { type ContentTools, installedTools, TOOLS_GLOBAL } from './tools-api';

export const contentTools: ContentTools = {
  useMessages: setMessageLookup,
  insertion: createInsertion,
  inline: startInlinePicker,
};

/** Leaves the tools on this world's global: not enumerable, not writable, once. */
export function installTools(scope: object = globalThis): void {
  if (installedTools(scope)) return;
  const property = { value: contentTools, enumerable: false, writable: false, configurable: false };
  Object.defineProperty(scope, TOOLS_GLOBAL, property);
}
