import { t } from '../core/i18n';
import type { ItemStatus, Snippet } from '../core/types';
import { tomorrowMorning } from '../core/triage';
import { HOST_ATTRIBUTE } from './watcher';

export interface BadgeActions {
  answer(): void;
  dismiss(): void;
  snooze(until: number): void;
  reopen(): void;
  loadSnippets(): Promise<Snippet[]>;
  replyWith(snippet: Snippet): void;
}

const LABELS: Record<ItemStatus, { text: () => string; title: () => string }> = {
  pending: { text: () => t('badgeReply'), title: () => t('badgeReplyTitle') },
  answered: { text: () => '✓', title: () => t('badgeAnsweredTitle') },
  dismissed: { text: () => t('badgeDismissed'), title: () => t('badgeDismissedTitle') },
  snoozed: { text: () => t('badgeSnoozed'), title: () => t('badgeSnoozedTitle') },
};

const STYLE = `
:host { all: initial; display: inline-flex; position: relative; vertical-align: middle; margin-inline-start: 6px; z-index: 1; }
button { font: 600 12px/1.2 system-ui, sans-serif; cursor: pointer; border-radius: 999px; border: 1px solid transparent; }
.badge { padding: 2px 8px; }
.badge.pending { background: #c2410c; color: #fff; }
.badge.answered { background: transparent; color: #6b7280; border-color: #d1d5db; padding: 2px 6px; }
.badge.dismissed, .badge.snoozed { background: transparent; color: #6b7280; border-color: #d1d5db; font-weight: 500; }
.badge:focus-visible, [role=menuitem]:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
[role=menu] { position: absolute; top: calc(100% + 4px); inset-inline-start: 0; min-width: 220px; max-width: 320px; max-height: 320px; overflow: auto;
  background: #fff; color: #111827; border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18); padding: 4px; display: flex; flex-direction: column; }
[role=menu][hidden] { display: none; }
[role=menuitem] { all: unset; font: 13px/1.3 system-ui, sans-serif; padding: 6px 10px; border-radius: 6px; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
[role=menuitem]:hover, [role=menuitem]:focus { background: #f3f4f6; }
.heading { font: 600 11px/1.2 system-ui, sans-serif; color: #6b7280; padding: 6px 10px 2px; text-transform: uppercase; letter-spacing: .04em; }
.empty { font: 12px/1.3 system-ui, sans-serif; color: #6b7280; padding: 4px 10px 6px; white-space: normal; }
hr { border: 0; border-top: 1px solid #e5e7eb; margin: 4px 0; }
@media (prefers-color-scheme: dark) {
  [role=menu] { background: #1f2937; color: #f9fafb; border-color: #374151; }
  [role=menuitem]:hover, [role=menuitem]:focus { background: #374151; }
  .badge.answered, .badge.dismissed, .badge.snoozed { color: #9ca3af; border-color: #4b5563; }
}`;

export interface Badge {
  host: HTMLElement;
  update(status: ItemStatus): void;
  destroy(): void;
}

/** One badge's parts and the status it shows. */
interface BadgeState {
  doc: Document;
  host: HTMLElement;
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  menu: HTMLElement;
  actions: BadgeActions;
  current: ItemStatus;
  /** A press outside the badge closes its menu (listened to on the page only while the menu is open). */
  onOutside: (event: Event) => void;
}

/** The host with its shadow root: the style, the badge's button and its (hidden) menu. */
function buildBadge(doc: Document, key: string) {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('data-replyline-key', key);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'badge';
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const menu = doc.createElement('div');
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  shadow.append(style, button, menu);
  return { host, shadow, button, menu };
}

function stopAtHost(host: HTMLElement) {
  const stop = (event: Event) => {
    // Keep the site from treating clicks on the badge as clicks on the post.
    event.stopPropagation();
  };
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown']) {
    host.addEventListener(type, stop);
  }
}

function menuItem(badge: BadgeState, label: string, run: () => void) {
  const entry = badge.doc.createElement('button');
  entry.type = 'button';
  entry.setAttribute('role', 'menuitem');
  entry.tabIndex = -1;
  entry.textContent = label;
  entry.title = label;
  entry.addEventListener('click', (event) => {
    event.preventDefault();
    closeMenu(badge);
    run();
  });
  return entry;
}

function menuNote(doc: Document, className: string, text: string) {
  const el = doc.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

/** What can be done with the item in its status: answer, snooze or dismiss it while pending, else reopen it. */
function statusEntries(badge: BadgeState): HTMLElement[] {
  const { actions } = badge;
  if (badge.current !== 'pending') return [menuItem(badge, t('badgeReopen'), actions.reopen)];
  return [
    menuItem(badge, t('markAnswered'), actions.answer),
    menuItem(badge, t('snoozeHour'), () => actions.snooze(Date.now() + 3_600_000)),
    menuItem(badge, t('snoozeTomorrowShort'), () => actions.snooze(tomorrowMorning(new Date()))),
    menuItem(badge, t('dismiss'), actions.dismiss),
  ];
}

/** The saved replies, under the menu's heading once they are loaded (unless the menu closed meanwhile). */
async function appendSnippets(badge: BadgeState) {
  const { menu, doc } = badge;
  try {
    const snippets = await badge.actions.loadSnippets();
    if (menu.hidden) return;
    if (snippets.length === 0) {
      menu.append(menuNote(doc, 'empty', t('badgeNoSnippets')));
    }
    for (const snippet of snippets.slice(0, 12))
      menu.append(menuItem(badge, snippet.title, () => badge.actions.replyWith(snippet)));
  }
  catch {
    menu.append(menuNote(doc, 'empty', t('badgeSnippetsFailed')));
  }
}

async function openMenu(badge: BadgeState) {
  const { doc, menu } = badge;
  menu.replaceChildren(...statusEntries(badge), doc.createElement('hr'), menuNote(doc, 'heading', t('badgeReplyWith')));
  menu.hidden = false;
  badge.button.setAttribute('aria-expanded', 'true');
  doc.addEventListener('pointerdown', badge.onOutside, true);
  (menu.querySelector('[role=menuitem]') as HTMLElement | null)?.focus();
  await appendSnippets(badge);
}

function closeMenu(badge: BadgeState) {
  if (badge.menu.hidden) return;
  badge.menu.hidden = true;
  badge.button.setAttribute('aria-expanded', 'false');
  badge.doc.removeEventListener('pointerdown', badge.onOutside, true);
}

/** Esc closes the menu and gives the focus back to the badge; the arrows move through the entries. */
function onMenuKey(badge: BadgeState, e: KeyboardEvent) {
  const { menu, shadow } = badge;
  const items = Array.from(menu.querySelectorAll<HTMLElement>('[role=menuitem]'));
  const at = items.indexOf(shadow.activeElement as HTMLElement);
  if (e.key === 'Escape') {
    closeMenu(badge);
    badge.button.focus();
  }
  else if (e.key === 'ArrowDown' && !menu.hidden) {
    e.preventDefault();
    items[(at + 1) % items.length]?.focus();
  }
  else if (e.key === 'ArrowUp' && !menu.hidden) {
    e.preventDefault();
    items[(at - 1 + items.length) % items.length]?.focus();
  }
}

function updateBadge(badge: BadgeState, next: ItemStatus) {
  const { host, button } = badge;
  // The log tells the same status again often (a resync, another tab's report): an open menu stays open.
  if (next === badge.current && host.hasAttribute('data-replyline-status')) return;
  badge.current = next;
  host.setAttribute('data-replyline-status', next);
  button.className = `badge ${next}`;
  button.textContent = LABELS[next].text();
  button.title = LABELS[next].title();
  button.setAttribute('aria-label', LABELS[next].title());
  closeMenu(badge);
}

/** A badge in its own shadow root: page CSS does not reach in, and it shows page text only as text. */
export function createBadge(doc: Document, key: string, status: ItemStatus, actions: BadgeActions): Badge {
  const badge: BadgeState = {
    doc,
    ...buildBadge(doc, key),
    actions,
    current: status,
    onOutside: (event) => {
      if (!event.composedPath().includes(badge.host)) closeMenu(badge);
    },
  };
  stopAtHost(badge.host);
  badge.button.addEventListener('click', () => (badge.menu.hidden ? void openMenu(badge) : closeMenu(badge)));
  badge.shadow.addEventListener('keydown', (event) => onMenuKey(badge, event as KeyboardEvent));
  updateBadge(badge, status);

  return {
    host: badge.host,
    update: (next) => updateBadge(badge, next),
    destroy() {
      closeMenu(badge);
      badge.host.remove();
    },
  };
}
