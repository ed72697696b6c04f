import { defineSite } from './define';

/**
 * Every Bluesky selector in one place (evidence: bluesky-social/social-app's source; the
 * web app is React Native Web, which renders testID as data-testid). Reconstructed, not captured.
 */
export const bluesky = /* @__PURE__ */ defineSite({
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['https://bsky.app/*'],
  commentLimit: 300,
  readsOwner: true,
  selectors: {
    threadItem: '[data-testid^="postThreadItem-by-"]',
    feedItem: '[data-testid^="feedItem-by-"]',
    profileLink: 'a[href^="/profile/"]',
    permalink: 'a[href*="/post/"]',
    /** Feed posts' text; thread items render theirs without a test id (see textBlock). */
    text: '[data-testid="postText"]',
    /** React Native Web's text blocks: a thread item's text is its first own one. */
    textBlock: '[dir="auto"]',
    /** The desktop navigation's Profile item: /profile/<own handle>. */
    ownProfile: '[role="navigation"] a[href^="/profile/"], nav a[href^="/profile/"]',
    reply: '[data-testid="replyBtn"]',
    composerDialog: '[data-testid="composePostView"]',
    composer: '[data-testid="composePostView"] .ProseMirror[contenteditable="true"]',
    send: '[data-testid="composerPublishBtn"]',
  },
});
