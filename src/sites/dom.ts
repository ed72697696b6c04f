/** Small DOM readers shared by adapters. They never throw on odd markup. */

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text with line breaks kept (block children and <br> become newlines), for comment bodies. */
export function multilineTextOf(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName === 'BR') out += '\n';
        else if (element.tagName === 'IMG') out += element.getAttribute('alt') ?? '';
        else if (BLOCKS.has(element.tagName)) {
          // A paragraph or block starts and ends a line.
          if (out && !out.endsWith('\n')) out += '\n';
          walk(element);
          if (!out.endsWith('\n')) out += '\n';
        }
        else walk(element);
      }
    }
  };
  walk(el);
  return out
    .replace(/[ \t\u00a0]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

export function hrefPath(a: Element | null | undefined): string | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  // Most links on these sites are plain paths: no need to parse a URL.
  if (/^\/[^/?#\\%]*(\/[^/?#\\%]*)*$/.test(href)) return href;
  try {
    return new URL(href, 'https://invalid.example').pathname;
  }
  catch {
    return null;
  }
}

export function searchParam(a: Element | null | undefined, name: string): string | null {
  const href = a?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, 'https://invalid.example').searchParams.get(name);
  }
  catch {
    return null;
  }
}

/** The parts of an item matching `selector` that are its own, not those of an item nested in it. */
export function ownParts(el: Element, selector: string, itemSelector: string): Element[] {
  return Array.from(el.querySelectorAll(selector)).filter((part) => part.closest(itemSelector) === el);
}
