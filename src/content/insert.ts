/**
 * Puts plain text into a site's editor so that the editor's own state changes (the site's Send
 * button enables, and what is sent is the reply): the editor is recognised from its markup and the
 * strategies it is known to take are tried in order, each checked by looking for the text
 * afterwards. Nothing is ever inserted as HTML.
 */

import { t } from '../core/i18n';
import { editableRoot, isTextField } from './editable';

export { deepActiveElement, editableRoot, isEditable, isTextField } from './editable';

export type Strategy = 'execCommand' | 'execCommandLines' | 'setRangeText' | 'paste' | 'beforeinput';

export type EditorFamily = 'draft' | 'lexical' | 'prosemirror' | 'quill' | 'slate' | 'ckeditor' | 'plain' | 'field';

export type InsertOutcome = { ok: true; strategy: Strategy } | { ok: false; reason: string };

/** Which editor drives an editable, from the hooks each one leaves in the DOM. */
export function editorFamily(el: HTMLElement): EditorFamily {
  if (isTextField(el)) return 'field';
  if (el.closest('[data-lexical-editor]')) return 'lexical';
  if (el.closest('.ProseMirror')) return 'prosemirror';
  if (el.closest('.ql-editor')) return 'quill';
  if (el.closest('.public-DraftEditor-content') || el.querySelector(':scope > [data-contents]')) return 'draft';
  if (el.closest('[data-slate-editor]')) return 'slate';
  if (el.closest('.ck-editor__editable')) return 'ckeditor';
  return 'plain';
}

/**
 * Strategies in the order each editor takes them (measured in Chromium and Firefox on the real
 * editor packages: test/e2e/editors.test.ts and firefox.test.ts).
 * Draft.js corrupts its model when execCommand brings line breaks; ProseMirror collapses blank
 * lines on paste; plain contenteditable and textareas ignore synthetic pastes.
 */
export function strategiesFor(family: EditorFamily, multiline: boolean, firefox = false): Strategy[] {
  switch (family) {
    case 'field':
      return ['execCommand', 'setRangeText'];
    case 'draft':
      return multiline ? ['paste'] : ['paste', 'execCommand'];
    case 'lexical':
      return multiline ? ['paste', 'beforeinput'] : ['paste', 'beforeinput', 'execCommand'];
    case 'prosemirror':
      return ['execCommand', 'paste'];
    case 'quill':
      // Firefox's execCommand drops the line breaks in Quill: there it goes line by line.
      return multiline && firefox ? ['paste', 'execCommandLines'] : ['paste', 'execCommand'];
    case 'slate':
    case 'ckeditor':
      return ['paste', 'beforeinput'];
    case 'plain':
      return ['execCommand', 'paste'];
  }
}

/** Text without white space: editors rewrite spaces and line breaks, so comparisons ignore them. */
export const squash = (s: string) => s.replace(/\s+/gu, '');

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** What an editor shows, line breaks included. */
export function contentOf(el: HTMLElement): string {
  // innerText, not textContent: it keeps the editor's line breaks.
  return isTextField(el) ? el.value : (el.innerText ?? el.textContent ?? '');
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 16);
  });

/** Whether `text` now appears once more than it did before (white space aside). */
async function landed(el: HTMLElement, text: string, before: number, frames = 3): Promise<boolean> {
  const needle = squash(text);
  for (let attempt = 0; attempt < frames; attempt++) {
    await nextFrame();
    if (occurrences(squash(contentOf(el)), needle) > before) return true;
  }
  return false;
}

function selectionInside(el: HTMLElement): boolean {
  const selection = el.ownerDocument.getSelection();
  return !!selection && selection.rangeCount > 0 && el.contains(selection.getRangeAt(0).startContainer);
}

/**
 * Focuses the editor with the caret where the user left it (or at the end). A caret already in
 * the editor stays, unless `force`: focusing puts the caret at the start in some browsers.
 */
export function placeCaret(el: HTMLElement, saved: Range | null, force = false): void {
  el.focus({ preventScroll: true });
  if (isTextField(el)) return;
  if (selectionInside(el) && !(force && saved && el.contains(saved.startContainer))) return;
  const selection = el.ownerDocument.getSelection();
  if (!selection) return;
  let range = saved && el.contains(saved.startContainer) ? saved : null;
  if (!range) {
    range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Firefox's content scripts see the page through Xray wrappers: events and objects the page's own
 * editor must read are made in the page's realm (wrappedJSObject, cloneInto).
 */
interface FirefoxWindow extends Window {
  wrappedJSObject?: Window & typeof globalThis;
}

/**
 * The page's own window where the content script runs behind Xray wrappers (Firefox), else null.
 * Events an editor must read the data of are built there: a synthetic paste built in a Firefox
 * content script reaches the page with empty clipboardData (bug 1654724).
 */
function pageWindow(el: HTMLElement): (Window & typeof globalThis) | null {
  return (el.ownerDocument.defaultView as FirefoxWindow | null)?.wrappedJSObject ?? null;
}

/** Event options with a DataTransfer, as objects of the page (through the waived window) when needed. */
function eventInit(el: HTMLElement, dataKey: 'clipboardData' | 'dataTransfer', extra: Record<string, unknown> = {}) {
  const page = pageWindow(el);
  const init = (page ? new page.Object() : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries({ bubbles: true, cancelable: true, composed: true, ...extra })) {
    init[key] = value;
  }
  init[dataKey] = page ? new page.DataTransfer() : new DataTransfer();
  return { page, init };
}

/** A paste event the page's own editor can read, its data still to fill in. */
function makePasteEvent(el: HTMLElement): ClipboardEvent {
  const { page, init } = eventInit(el, 'clipboardData');
  // Fill the data after constructing the event: Firefox empties a pre-filled DataTransfer, and
  // Chromium gives null clipboardData without one.
  return page ? new page.ClipboardEvent('paste', init) : new ClipboardEvent('paste', init);
}

function eventTarget(el: HTMLElement): Element {
  const anchor = el.ownerDocument.getSelection()?.anchorNode;
  if (!anchor || !el.contains(anchor)) return el;
  return (anchor instanceof Element ? anchor : anchor.parentElement) ?? el;
}

/** Dispatches a paste; true when an editor took it (called preventDefault). */
function dispatchPaste(el: HTMLElement, text: string): boolean {
  const event = makePasteEvent(el);
  if (!event.clipboardData) return false;
  event.clipboardData.setData('text/plain', text);
  eventTarget(el).dispatchEvent(event);
  return event.defaultPrevented;
}

/** Lexical, Slate and CKEditor 5 also take a beforeinput carrying the text in a DataTransfer. */
function dispatchBeforeInput(el: HTMLElement, text: string): boolean {
  const { page, init } = eventInit(el, 'dataTransfer', { inputType: 'insertReplacementText' });
  (init.dataTransfer as DataTransfer).setData('text/plain', text);
  const event = page ? new page.InputEvent('beforeinput', init) : new InputEvent('beforeinput', init);
  eventTarget(el).dispatchEvent(event);
  return event.defaultPrevented;
}

/** Moves the caret back from the end of the inserted text to where {cursor} stood. */
function moveCaretBack(el: HTMLElement, characters: number): void {
  if (characters <= 0) return;
  if (isTextField(el)) {
    const end = el.selectionEnd ?? el.value.length;
    const at = Math.max(0, end - characters);
    el.setSelectionRange(at, at);
    return;
  }
  const selection = el.ownerDocument.getSelection() as (Selection & { modify?: (...a: string[]) => void }) | null;
  for (let i = 0; i < characters && selection?.modify; i++) selection.modify('move', 'backward', 'character');
}

async function attempt(el: HTMLElement, strategy: Strategy, text: string, before: number): Promise<boolean> {
  const doc = el.ownerDocument;
  switch (strategy) {
    case 'execCommand':
      return doc.execCommand('insertText', false, text) && (await landed(el, text, before));
    case 'execCommandLines': {
      for (const [index, line] of text.split('\n').entries()) {
        if (index > 0) doc.execCommand('insertParagraph');
        if (line) doc.execCommand('insertText', false, line);
      }
      return landed(el, text, before);
    }
    case 'setRangeText': {
      if (!isTextField(el)) return false;
      const start = el.selectionStart ?? el.value.length;
      el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      return landed(el, text, before);
    }
    case 'paste':
      // An editor that took the paste may render a little later (Quill 1 works on a timer).
      if (dispatchPaste(el, text)) return landed(el, text, before, 6);
      return landed(el, text, before, 2);
    case 'beforeinput':
      return dispatchBeforeInput(el, text) && (await landed(el, text, before));
  }
}

export async function insertText(
  target: HTMLElement,
  text: string,
  options: { cursor?: number | null; saved?: Range | null } = {},
): Promise<InsertOutcome> {
  const el = editableRoot(target);
  if (!el.isConnected) return { ok: false, reason: t('boxGone') };
  placeCaret(el, options.saved ?? null);
  // Editors sync their model's selection from the DOM on selectionchange (Lexical, ProseMirror, Slate),
  // which the browser sends a moment after the caret moves. A caret moved just before (an arrow key)
  // may not be synced yet: ask them to read it now, then give them a frame.
  el.ownerDocument.dispatchEvent(new Event('selectionchange'));
  await nextFrame();
  const before = occurrences(squash(contentOf(el)), squash(text));
  const cursor = options.cursor ?? null;
  const back = cursor === null ? 0 : Array.from(text.slice(cursor)).length;
  for (const strategy of strategiesFor(editorFamily(el), text.includes('\n'), pageWindow(el) !== null)) {
    const worked = await attempt(el, strategy, text, before).catch((error: unknown) => {
      console.warn(`Replyline: inserting by ${strategy} failed`, error);
      return false;
    });
    if (worked) {
      moveCaretBack(el, back);
      return { ok: true, strategy };
    }
    // A strategy that did nothing leaves the editor as it was; one that half worked must not be repeated.
    if (occurrences(squash(contentOf(el)), squash(text)) > before) return { ok: true, strategy };
  }
  return { ok: false, reason: t('boxRefused') };
}

/** Leaves the text on the clipboard; true when that worked. */
export async function copyToClipboard(doc: Document, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  }
  catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:-1000px;opacity:0';
    doc.body.append(area);
    area.select();
    const copied = doc.execCommand('copy');
    area.remove();
    return copied;
  }
}
