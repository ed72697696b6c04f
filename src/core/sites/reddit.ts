import { defineSite } from './define';

/**
 * Every Reddit selector in one place. New Reddit (shreddit custom elements, Lexical composer, controls in
 * shadow roots; selectors measured 2026-09 by maintained tools) and old.reddit (2024 capture, textarea).
 * old.reddit's inbox and mentions list comment replies and mentions as `.thing.message.was-comment`
 * carrying the comment's t1_ id (reddit's own message and printable templates): sender in the
 * tagline, body in `.md`, a "context" link to the comment, a reply link opening the same textarea.
 */
export const reddit = /* @__PURE__ */ defineSite({
  id: 'reddit',
  name: 'Reddit',
  hosts: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  commentLimit: 10_000,
  readsOwner: false,
  selectors: {
    comment: 'shreddit-comment[thingid]',
    post: 'shreddit-post[author]',
    commentText: ':scope > [slot="comment"]',
    // The row is the comment's slotted child, or (2026) sits in a div slotted there.
    actionRow: ':scope > [slot="actionRow"], :scope > shreddit-comment-action-row',
    replySlotted: '[slot="comment-reply"] > button',
    replyRow: 'shreddit-comment-action-row',
    replyInShadow: 'button[aria-label="Reply"], button[data-action="reply"]',
    composer: 'shreddit-composer [contenteditable="true"][data-lexical-editor="true"]',
    send: 'shreddit-composer button[slot="submit-button"], form.usertext button.save',
    oldComment: '.thing.comment[data-fullname^="t1_"]',
    oldPost: '.thing.link[data-author]',
    oldText: ':scope > .entry .usertext-body .md',
    oldTime: ':scope > .entry time[datetime]',
    oldReply: ':scope > .entry li.reply-button a',
    oldComposer: ':scope > .child form.usertext textarea[name="text"]',
    oldAnyComposer: 'form.usertext textarea[name="text"]',
    oldUser: '#header-bottom-right .user a[href*="/user/"]',
    oldMessage: '.thing.message.was-comment[data-fullname^="t1_"]',
    oldMessageAuthor: ':scope > .entry .tagline a.author',
    oldMessageText: ':scope > .entry .md',
    oldMessageContext: ':scope > .entry a.bylink[href*="/comments/"]',
    oldMessageReply: ':scope > .entry li.reply-button a, :scope > .entry ul.buttons a[onclick*="reply("]',
    oldMessageReplies: ':scope > .child .thing[data-fullname^="t1_"]',
  },
});
