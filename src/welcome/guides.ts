/**
 * What the welcome page tells about each site: how Replyline learns who the user is there, an
 * example of what to type, and the page where comments addressed to them gather. One entry per
 * site, checked against the site list: a site added without its guide does not compile.
 */
import type { MessageKey } from '../core/i18n';
import type { SiteId } from '../core/types';

/** A page of the site worth opening first: where what is addressed to the user gathers. */
export interface Place {
  url: string;
  /** The link's text. */
  label: MessageKey;
  /** What the text names, when it names something (a Mastodon server). */
  subject?: string;
}

export interface SiteGuide {
  /** How Replyline learns the user's account there: read from its pages, or what to type and where to find it. */
  howTo: MessageKey;
  /** What a user would type (handles are not translated). */
  example: string;
  /**
   * Where to look. Sites whose notifications have no address of their own (a panel on the page)
   * point at the user's profile, once the handle is known. Mastodon lives on the user's servers.
   */
  places: (owner: string | null, instances: readonly string[]) => Place[];
}

/** A site whose place is the same for everyone. */
const fixed = (place: Place) => () => [place];

export const GUIDES = {
  x: {
    howTo: 'welcomeHowX',
    example: '@brightloop',
    places: fixed({ url: 'https://x.com/notifications/mentions', label: 'welcomePlaceX' }),
  },
  youtube: {
    howTo: 'welcomeHowYouTube',
    example: '@brightloop',
    places: fixed({ url: 'https://studio.youtube.com/', label: 'welcomePlaceYouTube' }),
  },
  facebook: {
    howTo: 'welcomeHowFacebook',
    example: 'brightloopstudio · 100089123456789',
    places: fixed({ url: 'https://www.facebook.com/notifications', label: 'welcomePlaceFacebook' }),
  },
  linkedin: {
    howTo: 'welcomeHowLinkedIn',
    example: 'marta-quill',
    places: fixed({ url: 'https://www.linkedin.com/notifications/', label: 'welcomePlaceLinkedIn' }),
  },
  reddit: {
    howTo: 'welcomeHowReddit',
    example: 'brightloop',
    places: fixed({ url: 'https://old.reddit.com/message/inbox/', label: 'welcomePlaceReddit' }),
  },
  bluesky: {
    howTo: 'welcomeHowBluesky',
    example: 'brightloop.bsky.social',
    places: fixed({ url: 'https://bsky.app/notifications', label: 'welcomePlaceBluesky' }),
  },
  tiktok: {
    howTo: 'welcomeHowTikTok',
    example: '@brightloop',
    places: (owner) => [
      owner
        ? { url: `https://www.tiktok.com/@${encodeURIComponent(owner)}`, label: 'welcomePlaceTikTok' }
        : { url: 'https://www.tiktok.com/', label: 'welcomePlaceTikTokHome' },
    ],
  },
  instagram: {
    howTo: 'welcomeHowInstagram',
    example: 'brightloop',
    places: (owner) => [
      owner
        ? { url: `https://www.instagram.com/${encodeURIComponent(owner)}/`, label: 'welcomePlaceInstagram' }
        : { url: 'https://www.instagram.com/', label: 'welcomePlaceInstagramHome' },
    ],
  },
  threads: {
    howTo: 'welcomeHowThreads',
    example: '@brightloop',
    places: fixed({ url: 'https://www.threads.com/activity', label: 'welcomePlaceThreads' }),
  },
  mastodon: {
    howTo: 'welcomeHowMastodon',
    example: '@brightloop@mastodon.social',
    places: (_owner, instances) =>
      instances.map((host) => ({ url: `https://${host}/notifications`, label: 'welcomePlaceMastodon', subject: host })),
  },
} satisfies Record<SiteId, SiteGuide>;
