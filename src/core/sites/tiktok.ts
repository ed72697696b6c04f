import { defineSite } from './define';

/**
 * Every TikTok selector in one place. Evidence is of lower confidence (maintained scrapers, 2025-26;
 * reconstructed): only TikTok's own data-e2e test ids are used, never its generated class names, and
 * anything missing makes the item unread rather than guessed.
 */
export const tiktok = /* @__PURE__ */ defineSite({
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['https://www.tiktok.com/*'],
  commentLimit: 150,
  readsOwner: false,
  selectors: {
    text: '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"], [data-e2e="comment-text"]',
    topText: '[data-e2e="comment-level-1"]',
    replyText: '[data-e2e="comment-level-2"]',
    username: '[data-e2e^="comment-username-"]',
    time: '[data-e2e^="comment-time-"]',
    reply: '[data-e2e^="comment-reply-"]',
    composer: '[data-e2e="comment-input"] [contenteditable="true"]',
    send: '[data-e2e="comment-post"]',
  },
});
