/** The caret in a comment box: the text before it, where it is drawn, and selecting what was typed before it. */
import { isTextField } from './insert';

/** The text of the caret's line (its block) up to the caret. */
export function textBeforeCaret(doc: Document, composer: HTMLElement): string | null {
  if (isTextField(composer)) return composer.value.slice(0, composer.selectionStart ?? 0);
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const caret = selection.getRangeAt(0);
  if (!caret.collapsed || !composer.contains(caret.endContainer)) return null;
  const node = caret.endContainer;
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest('p, li, [data-block], div:not([contenteditable])');
  const start = block && composer.contains(block) && block !== composer ? block : composer;
  const before = doc.createRange();
  before.selectNodeContents(start);
  before.setEnd(caret.endContainer, caret.endOffset);
  return before.toString();
}

export function caretRect(doc: Document, composer: HTMLElement): DOMRect {
  const box = composer.getBoundingClientRect();
  if (!isTextField(composer)) {
    const selection = doc.getSelection();
    const rect = selection?.rangeCount ? selection.getRangeAt(0).getBoundingClientRect() : null;
    if (rect && (rect.width > 0 || rect.height > 0)) return rect;
  }
  return new DOMRect(box.left + 8, box.top, 0, Math.min(box.height, 28));
}

/** Selects the `typed` text just before the caret, so that the insertion replaces it. */
export function selectTyped(doc: Document, composer: HTMLElement, typed: string) {
  if (!typed) return;
  if (isTextField(composer)) {
    const end = composer.selectionStart ?? composer.value.length;
    composer.setSelectionRange(Math.max(0, end - typed.length), end);
    return;
  }
  const selection = doc.getSelection() as (Selection & { modify?: (...a: string[]) => void }) | null;
  for (let i = 0; i < Array.from(typed).length && selection?.modify; i++) {
    selection.modify('extend', 'backward', 'character');
  }
}

/**
 * Editors read a new selection when the browser reports it (Lexical on selectionchange): the
 * typed trigger must be selected in their model too before the reply replaces it.
 */
export function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => resolve());
    const timer = setTimeout(done, 100);
    doc.addEventListener(
      'selectionchange',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}
