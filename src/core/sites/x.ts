import { defineSite } from './define';

/** Every X selector in one place (evidence: saved X pages of Feb 2026). */
export const x = /* @__PURE__ */ defineSite({
  id: 'x',
  name: 'X',
  hosts: ['https://x.com/*'],
  commentLimit: 280,
  readsOwner: true,
  selectors: {
    /**
     * Where tweets relate by order: the conversation's timeline (its label is localised), a dialog,
     * the main column.
     */
    timeline: '[aria-label^="Timeline"], [role="dialog"], main',
    tweet: 'article[data-testid="tweet"]',
    userName: '[data-testid="User-Name"]',
    avatar: '[data-testid="Tweet-User-Avatar"]',
    text: '[data-testid="tweetText"]',
    statusTime: 'a[href*="/status/"] > time[datetime]',
    reply: 'button[data-testid="reply"]',
    composer: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    inlineComposer: '[data-testid="inline_reply_offscreen"]',
    modal: '[aria-labelledby="modal-header"]',
    send: 'button[data-testid="tweetButtonInline"], button[data-testid="tweetButton"]',
    accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
  },
});
