import { defineSite } from './define';

/** Every YouTube selector in one place (evidence: saved YouTube pages of 2024-25). */
export const youtube = /* @__PURE__ */ defineSite({
  id: 'youtube',
  name: 'YouTube',
  hosts: ['https://www.youtube.com/*', 'https://studio.youtube.com/*'],
  commentLimit: 10_000,
  readsOwner: false,
  // YouTube announces its own navigations.
  navigationEvents: ['yt-navigate-finish'],
  selectors: {
    thread: 'ytd-comment-thread-renderer',
    commentsHeader: 'ytd-comments ytd-comments-header-renderer',
    comment: 'ytd-comment-view-model, ytd-comment-renderer',
    topComment: '#comment-container > #comment, #comment-container > ytd-comment-renderer, :scope > #comment',
    replies: '#replies',
    author: '#author-text',
    text: '#content-text',
    timeLink: '#published-time-text a[href*="lc="], #header-author .published-time-text a[href*="lc="]',
    headerAuthor: '#header-author',
    reply: '#reply-button-end button',
    replyDialog: '#reply-dialog',
    composer: '#contenteditable-root[contenteditable="true"], ytd-commentbox textarea',
    send: '#submit-button button, #submit-button tp-yt-paper-button, #submit-button paper-button',
    studioThread: 'ytcp-comment-thread',
    studioComment: 'ytcp-comment',
    studioAuthor: '#author-text, a#name',
    studioText: '#content-text',
    studioTime: '#published-time-text a[href*="lc="], a.published-time-text[href*="lc="]',
    studioReplies: 'ytcp-comment-replies',
    studioReply: '#reply-button',
    studioComposer: 'ytcp-commentbox textarea#textarea',
    studioSend: 'ytcp-commentbox #submit-button',
    videoOwner:
      'ytd-watch-metadata #owner ytd-video-owner-renderer a[href^="/@"], ytd-video-owner-renderer a[href^="/@"], #owner #channel-name a[href^="/@"]',
  },
});
