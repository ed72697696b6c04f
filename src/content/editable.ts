/**
 * Which element of the page the user types in: small enough for every site's content script, which
 * follows the comment boxes, while the insertion that needs more (insert.ts) comes with the tools.
 */

/** The focused element, looking through open shadow roots (new Reddit nests editors in them). */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  return el instanceof HTMLInputElement && /^(text|search|url|email|)$/.test(el.type) && !el.readOnly && !el.disabled;
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

/** The box the inline picker works in: the focused editable (text inputs only among inputs), or null. */
export function focusedBox(doc: Document): HTMLElement | null {
  const focused = deepActiveElement(doc);
  if (!isEditable(focused) || (focused instanceof HTMLInputElement && focused.type !== 'text')) return null;
  return editableRoot(focused);
}
