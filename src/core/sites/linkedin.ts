import { defineSite } from './define';

/**
 * Every LinkedIn selector in one place. LinkedIn serves two page structures: the newer one
 * (SDUI, data-view-name hooks, TipTap composer) and the older one (Ember, comments-comment-* classes,
 * Quill composer). Evidence: maintained automation code of 2026-01; reconstructed, not captured.
 */
export const linkedin = /* @__PURE__ */ defineSite({
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['https://www.linkedin.com/*'],
  commentLimit: 1_250,
  readsOwner: true,
  selectors: {
    comment: '[data-view-name="comment-container"]',
    actor: ':scope > a[data-view-name="comment-actor-description"], :scope > a[data-view-name="reply-actor-description"]',
    text: ':scope > p[data-view-name="comment-commentary"]',
    /** The newer commentary box: componentkey "comment-commentary_…" holding the expandable text. */
    textBox: '[componentkey^="comment-commentary"], [data-testid="expandable-text-box"]',
    /** Where the newer structure keeps a comment's URN: on the container or a wrapper around it. */
    commentKey: '[componentkey*="urn:li:comment:"], [id*="urn:li:comment:"]',
    /** A comment's own Like button; Reply follows it. */
    reaction: '[data-view-name="comment-reaction-button"]',
    /** A reply's own actor link (a top-level comment's is comment-actor-description). */
    replyActor: 'a[data-view-name="reply-actor-description"]',
    update: '[data-view-name="feed-full-update"]',
    postActor: 'a[data-view-name="feed-actor-image"], a[data-view-name="feed-actor-description"]',
    composer: '[componentkey^="commentBox-"] .ProseMirror[contenteditable="true"], .ui-core-tiptap-text-editor-wrapper .ProseMirror[contenteditable="true"], [data-view-name="comment-box"] .ProseMirror[contenteditable="true"], .comments-comment-box .ql-editor[contenteditable="true"], .comments-comment-texteditor .ql-editor[contenteditable="true"]',
    send: 'button[data-view-name="comment-post"], button[data-view-name="comment-reply-post"], button.comments-comment-box__submit-button--cr, button.comments-comment-box__submit-button',
    oldComment: 'article.comments-comment-entity[data-id^="urn:li:comment:"]',
    oldActor: ':scope > a.comments-comment-meta__description-container, :scope > .comments-comment-meta__actor ~ a.comments-comment-meta__description-container',
    oldName: '.comments-comment-meta__description-title',
    oldText: ':scope > .comments-comment-item__main-content',
    oldTime: ':scope time, :scope > .comments-comment-meta__info time',
    oldUpdate: '[data-urn^="urn:li:activity:"]',
    oldPostActor: '.update-components-actor__meta-link, a.update-components-actor__image',
    oldReply: 'button[aria-label^="Reply to"], button.comments-comment-social-bar__reply-action-button--cr',
    oldReplyBox: '.comments-reply-box .ql-editor[contenteditable="true"]',
    /** A reply's modifier class in the older structure. */
    oldReplyEntity: '.comments-comment-entity--reply',
  },
});
