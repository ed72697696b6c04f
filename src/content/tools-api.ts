/**
 * The tools: what a page needs only once the user works in a comment box (the inline picker, and
 * putting a reply into the site's editor). They are a script of their own, assets/content-tools.js
 * (tools.ts), one for every site: the worker injects it into the frame that asks (`tools/inject`),
 * in the content scripts' isolated world, where it leaves its functions on the global named here
 * (the page cannot see that world). Types only, and the name: importing this costs a page nothing.
 */
import type { MessageLookup } from '../core/i18n';
import type { Composing } from './composers';
import type { Insertion } from './composer-insert';
import type { InlineControl, InlineDeps } from './inline';

export const TOOLS_GLOBAL = '__replylineContentTools';

export interface ContentTools {
  /** The page script's messages: the tools read their text through them. */
  useMessages(lookup: MessageLookup): void;
  /** Replies into the comment boxes whose state the page script keeps. */
  insertion(c: Composing): Insertion;
  /** The inline picker on the page, until `signal`. */
  inline(deps: InlineDeps, signal: AbortSignal): InlineControl;
}

/** The tools, once their script has run in this world; undefined before. */
export function installedTools(scope: object = globalThis): ContentTools | undefined {
  return (scope as Record<string, ContentTools | undefined>)[TOOLS_GLOBAL];
}
