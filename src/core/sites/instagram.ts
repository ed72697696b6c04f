import { defineSite } from './define';

/**
 * Every Instagram selector in one place. Evidence is of lower confidence (bots and scrapers of 2024-26;
 * reconstructed): Instagram's classes are hashed, so a comment is found from its permalink
 * (/p/<code>/c/<id>/, a reply's /p/<code>/c/<commentId>/r/<replyId>/, around a time element) and its
 * row upward from there. Anything missing: not read.
 */
export const instagram = /* @__PURE__ */ defineSite({
  id: 'instagram',
  name: 'Instagram',
  hosts: ['https://www.instagram.com/*'],
  commentLimit: 2_200,
  readsOwner: false,
  selectors: {
    permalink: 'a[href*="/c/"]',
    author: 'h3 a[href], h2 a[href]',
    text: 'span[dir="auto"]',
    postAuthor: 'header a[href]',
    button: 'div[role="button"], button',
    composer: 'textarea[aria-label^="Add a comment"], textarea[placeholder^="Add a comment"]',
    send: 'form[method="POST"] div[role="button"], form[method="POST"] button[type="submit"]',
  },
});
