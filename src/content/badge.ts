import { t } from '../core/i18n';
import type { ItemStatus, Person, Snippet } from '../core/types';
import { tomorrowMorning } from '../core/triage';
import type { Attribution } from '../core/attribution';
import { formatAgo } from '../core/time';
import { BADGE_STYLE, badgeText, statusFace } from './badge-look';
import { type BadgeMenu, createBadgeMenu, type MenuEntry, type MenuSection } from './badge-menu';
import { HOST_ATTRIBUTE } from './watcher';

export interface BadgeActions {
  answer(): void;
  dismiss(): void;
  snooze(until: number): void;
  reopen(): void;
  loadSnippets(): Promise<Snippet[]>;
  replyWith(snippet: Snippet): void;
  /** In a team: the members the item can be assigned to, and who it is assigned to now (none without a team). */
  loadAssign(): Promise<AssignChoices>;
  assign(to: string | null): void;
}

/** Who an item can be assigned to (no members: not in a team), oneself, and who has it now. */
export interface AssignChoices {
  members: string[];
  me: string | null;
  assignee: string | null;
}

export interface Badge {
  host: HTMLElement;
  /** `by`: who of the team set it (null: this browser's own); undefined keeps what an unchanged status said. */
  update(status: ItemStatus, by?: Attribution | null): void;
  destroy(): void;
}

const HOUR_MS = 3_600_000;
/** The most saved replies a badge's menu lists. */
const MENU_SNIPPETS = 12;

/** What can be done with an item in its status, one entry per action: a new action is one more line. */
export function statusEntries(status: ItemStatus, actions: BadgeActions): MenuEntry[] {
  if (status !== 'pending') return [{ label: t('badgeMenuReopen'), run: actions.reopen }];
  return [
    { label: t('badgeMenuAnswer'), run: actions.answer },
    { label: t('badgeMenuSnoozeHour'), run: () => actions.snooze(Date.now() + HOUR_MS) },
    { label: t('badgeMenuSnoozeTomorrow'), run: () => actions.snooze(tomorrowMorning(new Date())) },
    { label: t('badgeMenuDismiss'), run: actions.dismiss },
  ];
}

/** The menu's sections, in order: a new kind of entries (e.g. assigning the item) is one more section. */
export function menuSections(
  status: ItemStatus,
  actions: BadgeActions,
  by: Attribution | null = null,
  now = Date.now(),
): MenuSection[] {
  // Before answering twice: a saved reply on a comment a teammate answered says who, and when.
  const warning = status === 'answered' && by ? t('warnAnsweredBy', by.by, formatAgo(by.at, now)) : undefined;
  return [
    { entries: statusEntries(status, actions) },
    {
      heading: t('badgeReplyWith'),
      ...(warning ? { warning } : {}),
      entries: actions.loadSnippets().then((snippets) =>
        snippets
          .slice(0, MENU_SNIPPETS)
          .map((snippet) => ({ label: snippet.title, run: () => actions.replyWith(snippet) })),
      ),
      empty: t('badgeNoSnippets'),
      failed: t('badgeSnippetsFailed'),
    },
    {
      heading: t('menuAssign'),
      entries: actions.loadAssign().then((choices) => assignEntries(choices, actions)),
      optional: true,
    },
  ];
}

/** "Assign to": every member but the one it is assigned to, then "Unassign" when it is (nothing without a team). */
export function assignEntries({ members, me, assignee }: AssignChoices, actions: BadgeActions): MenuEntry[] {
  if (members.length === 0) return [];
  const label = (name: string) => (name === me ? t('assignMe', name) : name);
  return [
    ...members
      .filter((name) => name !== assignee)
      .map((name) => ({ label: label(name), run: () => actions.assign(name) })),
    ...(assignee ? [{ label: t('unassign'), run: () => actions.assign(null) }] : []),
  ];
}

/** One badge's parts and the status it shows. */
interface BadgeState {
  host: HTMLElement;
  button: HTMLButtonElement;
  menu: BadgeMenu;
  author: string;
  current: ItemStatus;
  by: Attribution | null;
}

/**
 * A badge's shadow root for each status, made once per document and cloned for each badge (a page
 * may hold thousands, drawn many to a task): its button showing the status, and its style (a
 * `<style>` where one sheet cannot be shared: see sharedSheet).
 */
const shadowParts = new WeakMap<Document, Map<string, DocumentFragment>>();
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * The badges' style as one sheet every badge of the document adopts (each badge's own `<style>`
 * doubles what it costs to put one on the page), where the browser lets this script share one:
 * null where it does not (a browser may refuse a content script's sheet to a page's shadow root:
 * Chromium and Firefox ESR take it).
 */
function sharedSheet(doc: Document, shadow: ShadowRoot): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc) ?? null;
  let sheet: CSSStyleSheet | null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(BADGE_STYLE);
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length !== 1) sheet = null;
  }
  catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

function partsFor(doc: Document, status: ItemStatus, styled: boolean): DocumentFragment {
  let byStatus = shadowParts.get(doc);
  if (!byStatus) shadowParts.set(doc, (byStatus = new Map()));
  const key = `${status}${styled ? '+style' : ''}`;
  let parts = byStatus.get(key);
  if (!parts) {
    parts = doc.createDocumentFragment();
    if (styled) {
      const style = doc.createElement('style');
      style.textContent = BADGE_STYLE;
      parts.append(style);
    }
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-expanded', 'false');
    button.className = `badge ${status}`;
    button.append(statusFace(doc, status, badgeText(status, '').word));
    parts.append(button);
    byStatus.set(key, parts);
  }
  return parts;
}

/** The host with its shadow root: the style, the badge's button showing `status` and its menu (made when it opens). */
function buildBadge(doc: Document, key: string, status: ItemStatus) {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('data-replyline-key', key);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(doc, shadow);
  if (sheet) shadow.adoptedStyleSheets = [sheet];
  shadow.append(partsFor(doc, status, !sheet).cloneNode(true));
  const button = shadow.lastElementChild as HTMLButtonElement;
  return { host, button, menu: createBadgeMenu(host, shadow, button) };
}

/** Keeps the site from treating clicks on the badge (and its menu) as clicks on the post. */
const stop = (event: Event) => event.stopPropagation();
const STOPPED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown'];

/**
 * The stops are set when a pointer comes over the badge or the focus comes into it, which comes
 * before any press, click or key: a page of thousands of badges does not pay six listeners each.
 */
function stopAtHost(host: HTMLElement) {
  const arm = () => {
    host.removeEventListener('pointerover', arm);
    host.removeEventListener('focusin', arm);
    for (const type of STOPPED) host.addEventListener(type, stop);
  };
  host.addEventListener('pointerover', arm);
  host.addEventListener('focusin', arm);
}

function sameAttribution(a: Attribution | null, b: Attribution | null): boolean {
  return a === b || (!!a && !!b && a.by === b.by && a.at === b.at && a.until === b.until);
}

function updateBadge(badge: BadgeState, next: ItemStatus, by: Attribution | null | undefined) {
  const { host, button } = badge;
  const same = next === badge.current;
  const attribution = by === undefined ? (same ? badge.by : null) : by;
  const drawn = host.hasAttribute('data-replyline-status');
  // The log tells the same status again often (a resync, another tab's report): an open menu stays open.
  if (same && sameAttribution(attribution, badge.by) && drawn) return;
  badge.current = next;
  badge.by = attribution;
  host.setAttribute('data-replyline-status', next);
  const text = badgeText(next, badge.author, attribution);
  // A new badge was cloned showing its status.
  if (drawn || !button.classList.contains(next)) {
    button.className = `badge ${next}`;
    button.replaceChildren(statusFace(host.ownerDocument, next, text.word));
  }
  button.title = text.title;
  button.setAttribute('aria-label', text.name);
  badge.menu.name(() => t('badgeMenuName', badge.author || text.word));
  // A menu opened on the former status would offer the wrong actions: it closes (the focus stays on the badge).
  badge.menu.close(badge.menu.isOpen());
}

/**
 * A badge in its own shadow root: page CSS does not reach in, and it shows page text (the author's
 * name, in its accessible name) only as text.
 */
export function createBadge(
  doc: Document,
  key: string,
  status: ItemStatus,
  author: Person,
  actions: BadgeActions,
  by: Attribution | null = null,
): Badge {
  // The name the page shows, else the handle.
  const who = author.name.trim() || (author.handle ? `@${author.handle}` : '');
  const badge: BadgeState = { ...buildBadge(doc, key, status), author: who, current: status, by };
  stopAtHost(badge.host);
  badge.button.addEventListener('click', () =>
    badge.menu.isOpen() ? badge.menu.close(true) : badge.menu.open(menuSections(badge.current, actions, badge.by)),
  );
  updateBadge(badge, status, by);

  return {
    host: badge.host,
    update: (next, nextBy) => updateBadge(badge, next, nextBy),
    destroy() {
      badge.menu.close(false);
      badge.host.remove();
    },
  };
}
