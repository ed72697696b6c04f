import { defineSite } from './define';

/**
 * Every Bluesky selector in one place (evidence: bluesky-social/social-app's source; the
 * web app is React Native Web, which renders testID as data-testid). Reconstructed, not captured.
 */
export const bluesky = defineSite({
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['https://bsky.app/*'],
  commentLimit: 300,
  readsOwner: false,
  selectors: {
    threadItem: '[data-testid^="postThreadItem-by-"]',
    feedItem: '[data-testid^="feedItem-by-"]',
    profileLink: 'a[href^="/profile/"]',
    permalink: 'a[href*="/post/"]',
    text: '[data-testid="postText"]',
    reply: '[data-testid="replyBtn"]',
    composerDialog: '[data-testid="composePostView"]',
    composer: '[data-testid="composePostView"] .ProseMirror[contenteditable="true"]',
    send: '[data-testid="composerPublishBtn"]',
  },
});
