import { defineSite } from './define';

/**
 * Every Mastodon selector in one place (evidence: mastodon/mastodon's web app source;
 * reconstructed, not captured). Mastodon runs on any host: the user names their instance in
 * Options, and its adapter serves every host registered that way. Statuses are
 * `.status[data-id]`; a thread's focused post is `.detailed-status`; the reply button is the
 * first of the action bar (its title is localised); the composer is a React textarea.
 */
export const mastodon = /* @__PURE__ */ defineSite({
  id: 'mastodon',
  name: 'Mastodon',
  // No fixed hosts: each instance the user adds is asked for and registered at run time.
  hosts: [],
  onInstances: true,
  fullAddresses: true,
  commentLimit: 500,
  readsOwner: true,
  selectors: {
    status: '.status[data-id]',
    /** A conversation's column (the advanced layout shows several side by side): statuses relate within it. */
    conversation: '.scrollable, .column',
    focused: '.detailed-status',
    /** The opt-in redesign (upstream main, components/status/status.tsx): <article data-id>, no .status classes. */
    redesignStatus: 'article[data-id]:not(.status)',
    mentionNotification: '.notification-ungrouped--mention',
    notification: '.notification-ungrouped, .notification-group, .notification',
    author: 'a.status__display-name, a.detailed-status__display-name',
    permalink: 'a.status__relative-time, a.detailed-status__datetime',
    text: '.status__content__text',
    mentionLink: 'a.mention',
    reply: '.status__action-bar > :first-child button, .detailed-status__action-bar > :first-child button',
    composer: 'textarea.autosuggest-textarea__textarea',
    send: '.compose-form button[type="submit"]',
    initialState: 'script#initial-state',
  },
});
