// The pages of the content-script benchmark, and the floor on each: one querySelectorAll pass over the
// items in the page, reading the fields the adapter reads (author, time, id link, text). The floor is
// timed in the page itself (performance.now), which is exact where a profile's samples are too few.

const X_URL = 'https://x.com/brightloop/status/1950000000000000001';
const OLD_REDDIT_URL = 'https://old.reddit.com/r/productivity/comments/1rl0ab/we_built_a_focus_timer/';

/** Five of every eight reply cells of the X fixture are for the owner (waiting or answered). */
export function pageSpecs(h) {
  return [
    { name: 'X 200 replies', site: 'x', url: X_URL, html: () => h.longConversation(200), minBadges: 125, append: true },
    { name: 'X 2,000 replies', site: 'x', url: X_URL, html: () => h.longConversation(2000), minBadges: 1250, append: true },
    {
      name: 'YouTube 5,000 comments',
      site: 'youtube',
      url: 'https://www.youtube.com/watch?v=Qm7tLp2vX9c',
      html: () => h.repeatedPage('youtube/watch.html', h.youtubeComments(5000)),
      minBadges: 1000,
    },
    {
      name: 'old.reddit 500 comments',
      site: 'reddit',
      url: OLD_REDDIT_URL,
      html: () => h.repeatedPage('reddit/old-post.html', h.oldRedditComments(500)),
      minBadges: 200,
    },
    {
      name: 'Bluesky thread of 500',
      site: 'bluesky',
      url: 'https://bsky.app/profile/brightloop.bsky.social/post/3mbl00root22',
      html: () => h.repeatedPage('bluesky/thread.html', h.blueskyPosts(500)),
      minBadges: 100,
    },
  ];
}

/** Each site's floor, run in the page; returns how many items it read. */
export const floors = {
  x: function replylineFloor() {
    let read = 0;
    for (const article of document.querySelectorAll('article[data-testid="tweet"]')) {
      const author = article.querySelector('[data-testid="User-Name"] a[href]')?.getAttribute('href');
      const time = article.querySelector('a[href*="/status/"] > time[datetime]');
      const text = article.querySelector('[data-testid="tweetText"]')?.textContent;
      if (author && time?.getAttribute('datetime') && time.parentElement.getAttribute('href') && text !== undefined) read++;
    }
    return read;
  },
  // The page repeats ids in every comment, and Chromium answers a query inside an element that ends
  // in an id (#author-text) by looking at every element of the document with that id: the floor asks
  // for the id case-insensitively, which Chromium answers from the comment's own nodes.
  youtube: function replylineFloor() {
    let read = 0;
    for (const comment of document.querySelectorAll('ytd-comment-view-model, ytd-comment-renderer')) {
      const author = comment.querySelector('[id="author-text" i]')?.getAttribute('href');
      const time = comment.querySelector('#published-time-text a[href*="lc="]');
      const text = comment.querySelector('[id="content-text" i]')?.textContent;
      if (author && time?.getAttribute('href') && time.textContent && text !== undefined) read++;
    }
    return read;
  },
  reddit: function replylineFloor() {
    let read = 0;
    for (const comment of document.querySelectorAll('.thing.comment[data-fullname^="t1_"]')) {
      const author = comment.getAttribute('data-author');
      const id = comment.getAttribute('data-fullname') + comment.getAttribute('data-permalink');
      const time = comment.querySelector(':scope > .entry time[datetime]')?.getAttribute('datetime');
      const text = comment.querySelector(':scope > .entry .usertext-body .md')?.textContent;
      if (author && id && time && text !== undefined) read++;
    }
    return read;
  },
  bluesky: function replylineFloor() {
    let read = 0;
    for (const post of document.querySelectorAll('[data-testid^="postThreadItem-by-"]')) {
      const author = post.getAttribute('data-testid');
      const link = post.querySelector('a[href*="/post/"]');
      // Feeds tag the text; a thread's posts draw it as the first block of words outside a link.
      const tagged = post.querySelector('[data-testid="postText"]');
      const text = (tagged ?? Array.from(post.querySelectorAll('[dir="auto"]')).find((el) => !el.closest('a') && /\p{L}/u.test(el.textContent)))?.textContent;
      if (author && link?.getAttribute('href') && link.getAttribute('aria-label') && text !== undefined) read++;
    }
    return read;
  },
};

/** Each site's items, as the floors above find them. */
export const itemSelectors = {
  x: 'article[data-testid="tweet"]',
  youtube: 'ytd-comment-view-model, ytd-comment-renderer',
  reddit: '.thing.comment[data-fullname^="t1_"]',
  bluesky: '[data-testid^="postThreadItem-by-"]',
};

/**
 * The floor of drawing: as many bare badges as the extension drew (a span, a closed shadow root, one
 * button with a word), put in the first items; the least a badge in its own shadow root costs. Run
 * in the page with the item selector and the count; returns how many it drew and takes them away.
 */
export function drawFloor(selector, count) {
  const hosts = [];
  const started = performance.now();
  for (const item of document.querySelectorAll(selector)) {
    if (hosts.length === count) break;
    const host = document.createElement('span');
    const root = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    button.textContent = 'Reply';
    root.append(button);
    item.append(host);
    hosts.push(host);
  }
  const ms = performance.now() - started;
  for (const host of hosts) host.remove();
  return { ms, drawn: hosts.length };
}
