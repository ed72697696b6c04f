/**
 * Puts plain text into a site's editor so that the editor's own state changes (see editors.md):
 * textarea/input through execCommand (React sees a trusted input; undo works); contenteditable
 * editors through a synthetic paste (Draft.js, Lexical, ProseMirror, Quill 2 read it), else
 * execCommand insertText (plain contenteditable, Quill 1). Each step checks that the text
 * landed before it counts; nothing is ever inserted as HTML.
 */
export type Strategy = 'execCommand' | 'setRangeText' | 'paste';

export type InsertOutcome = { ok: true; strategy: Strategy } | { ok: false; reason: string };

/** The focused element, looking through open shadow roots (new Reddit nests editors in them). */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  return (
    el instanceof HTMLInputElement
    && /^(text|search|url|email|)$/.test(el.type)
    && !el.readOnly
    && !el.disabled
  );
}

export function isEditable(el: Element | null): el is HTMLElement {
  return !!el && (isTextField(el) || (el instanceof HTMLElement && el.isContentEditable));
}

/** The editable root: the outermost contenteditable ancestor of an element in an editor. */
export function editableRoot(el: HTMLElement): HTMLElement {
  if (isTextField(el)) return el;
  let root = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** Text without white space: editors rewrite spaces and line breaks, so comparisons ignore them. */
export const squash = (s: string) => s.replace(/\s+/gu, '');

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    count++;
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

/** Whether `text` now appears once more than it did before (white space aside: editors rewrite it). */
async function landed(el: HTMLElement, text: string, before: number): Promise<boolean> {
  const needle = squash(text);
  for (let attempt = 0; attempt < 3; attempt++) {
    await nextFrame();
    if (occurrences(squash(contentOf(el)), needle) > before) return true;
  }
  return false;
}

function selectionInside(el: HTMLElement): boolean {
  const selection = el.ownerDocument.getSelection();
  return !!selection && selection.rangeCount > 0 && el.contains(selection.getRangeAt(0).startContainer);
}

/** Focuses the editor with the caret where the user left it (or at the end). */
export function placeCaret(el: HTMLElement, saved: Range | null): void {
  el.focus({ preventScroll: true });
  if (isTextField(el)) return;
  if (selectionInside(el)) return;
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

function dispatchPaste(el: HTMLElement, text: string): boolean {
  // Fill the data after constructing the event: Firefox empties a pre-filled DataTransfer.
  const event = new ClipboardEvent('paste', {
    clipboardData: new DataTransfer(),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!event.clipboardData) return false;
  event.clipboardData.setData('text/plain', text);
  const selection = el.ownerDocument.getSelection();
  const anchor = selection?.anchorNode;
  const target =
    anchor && el.contains(anchor) ? (anchor instanceof Element ? anchor : anchor.parentElement) : el;
  (target ?? el).dispatchEvent(event);
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
  const selection = el.ownerDocument.getSelection() as
    | (Selection & { modify?: (...a: string[]) => void })
    | null;
  for (let i = 0; i < characters && selection?.modify; i++) selection.modify('move', 'backward', 'character');
}

export async function insertText(
  target: HTMLElement,
  text: string,
  options: { cursor?: number | null; saved?: Range | null } = {},
): Promise<InsertOutcome> {
  const el = editableRoot(target);
  if (!el.isConnected) return { ok: false, reason: 'The comment box is gone from the page.' };
  placeCaret(el, options.saved ?? null);
  const before = occurrences(squash(contentOf(el)), squash(text));
  const back =
    options.cursor === null || options.cursor === undefined
      ? 0
      : Array.from(text.slice(options.cursor)).length;
  const done = (strategy: Strategy): InsertOutcome => {
    moveCaretBack(el, back);
    return { ok: true, strategy };
  };

  if (isTextField(el)) {
    if (el.ownerDocument.execCommand('insertText', false, text) && (await landed(el, text, before))) {
      return done('execCommand');
    }
    const start = el.selectionStart ?? el.value.length;
    el.setRangeText(text, start, el.selectionEnd ?? start, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return (await landed(el, text, before))
      ? done('setRangeText')
      : { ok: false, reason: 'The text box refused the text.' };
  }

  if (dispatchPaste(el, text)) {
    // An editor took the paste: give it time to render before judging.
    if (await landed(el, text, before)) return done('paste');
    return { ok: false, reason: 'The editor took the text but did not show it.' };
  }
  if (el.ownerDocument.execCommand('insertText', false, text) && (await landed(el, text, before))) {
    return done('execCommand');
  }
  return { ok: false, reason: 'This comment box did not accept the text.' };
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
