import { defineSite } from './define';

/**
 * Every Facebook selector in one place (evidence: live captures of a Page comment and a post permalink
 * dialog, 2026-09). Class names are generated, so only roles, ARIA, data-commentid and hrefs are used.
 * Labels are localised: structure decides (a comment is an article with a comment_id permalink), and the
 * few words read (Reply, "… replied") are matched in English, Spanish, German, French and Portuguese.
 */
export const facebook = /* @__PURE__ */ defineSite({
  id: 'facebook',
  name: 'Facebook',
  hosts: ['https://www.facebook.com/*'],
  commentLimit: 8_000,
  readsOwner: false,
  selectors: {
    article: 'div[role="article"]',
    wrapper: '[data-commentid]',
    commentLink: 'a[href*="comment_id="]',
    profileLink: 'a[role="link"][href*="facebook.com/"]',
    text: 'span[lang] div[dir="auto"], span[lang]',
    button: 'div[role="button"]',
    composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    send: 'div[role="button"][aria-label="Comment"], div[role="button"][aria-label="Comentar"], div[role="button"][aria-label="Kommentieren"]',
  },
});
