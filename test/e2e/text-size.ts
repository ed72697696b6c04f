import type { Page } from 'playwright-core';

/**
 * The text drawn on the page smaller than `min` px, as "element: size “text”" (empty when none):
 * every element that holds text of its own and is shown. Chromium draws extension pages' bodies at
 * 75% of the root's size unless told otherwise; body text must stay readable.
 */
export function textSmallerThan(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || element.closest('.visually-hidden') || element.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < least) small.push(`${element.tagName.toLowerCase()}.${element.className}: ${size}px “${element.textContent?.trim().slice(0, 30)}”`);
    }
    return small;
  }, min);
}
