import { defineSite } from './define';

/**
 * Every Threads selector in one place. Evidence is of lower confidence (an extension's scraper of
 * 2026-02; reconstructed): posts are pressable containers, found by their /@user/post/<code>
 * permalink around a time element; classes are hashed and never read. The editor is not verified.
 */
export const threads = /* @__PURE__ */ defineSite({
  id: 'threads',
  name: 'Threads',
  hosts: ['https://www.threads.com/*', 'https://www.threads.net/*'],
  commentLimit: 500,
  readsOwner: false,
  selectors: {
    post: 'div[data-pressable-container="true"]',
    profileLink: 'a[href^="/@"]',
    permalink: 'a[href*="/post/"]',
    text: 'span[dir="auto"]',
    replyIcon: 'svg[aria-label="Reply"]',
    /** The action row's buttons: a role=button holding an icon. */
    iconButton: 'div[role="button"]:has(> svg[aria-label]), div[role="button"]:has(> * > svg[aria-label])',
    composer: 'div[contenteditable="true"][role="textbox"]',
    send: 'div[role="button"]:has(span[style*="rotate(90deg)"] svg[aria-label="Reply"])',
    /** The reply dialog's buttons: which one posts is told by its word (see POST_WORDS). */
    dialogButton: 'div[role="dialog"] div[role="button"]',
  },
});
