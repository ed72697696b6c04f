import { t } from '../core/i18n';
import type { ItemStatus, Snippet } from '../core/types';
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

function tomorrowMorning(now: Date): number {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return next.getTime();
}

export interface Badge {
  host: HTMLElement;
  update(status: ItemStatus): void;
  destroy(): void;
}

/** A badge in its own shadow root: page CSS does not reach in, and it shows page text only as text. */
export function createBadge(doc: Document, key: string, status: ItemStatus, actions: BadgeActions): Badge {
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
  let current = status;

  const stop = (event: Event) => {
    // Keep the site from treating clicks on the badge as clicks on the post.
    event.stopPropagation();
  };
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown']) {
    host.addEventListener(type, stop);
  }

  const item = (label: string, run: () => void) => {
    const entry = doc.createElement('button');
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.tabIndex = -1;
    entry.textContent = label;
    entry.title = label;
    entry.addEventListener('click', (event) => {
      event.preventDefault();
      close();
      run();
    });
    return entry;
  };
  const note = (className: string, text: string) => {
    const el = doc.createElement('div');
    el.className = className;
    el.textContent = text;
    return el;
  };

  const onOutside = (event: Event) => {
    if (!event.composedPath().includes(host)) close();
  };
  function close() {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    doc.removeEventListener('pointerdown', onOutside, true);
  }

  async function open() {
    const entries: HTMLElement[] = [];
    if (current === 'pending') {
      entries.push(
        item(t('markAnswered'), actions.answer),
        item(t('snoozeHour'), () => actions.snooze(Date.now() + 3_600_000)),
        item(t('snoozeTomorrowShort'), () => actions.snooze(tomorrowMorning(new Date()))),
        item(t('dismiss'), actions.dismiss),
      );
    }
    else {
      entries.push(item(t('badgeReopen'), actions.reopen));
    }
    menu.replaceChildren(...entries, doc.createElement('hr'), note('heading', t('badgeReplyWith')));
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    doc.addEventListener('pointerdown', onOutside, true);
    (menu.querySelector('[role=menuitem]') as HTMLElement | null)?.focus();
    try {
      const snippets = await actions.loadSnippets();
      if (menu.hidden) return;
      if (snippets.length === 0) {
        menu.append(note('empty', t('badgeNoSnippets')));
      }
      for (const snippet of snippets.slice(0, 12))
        menu.append(item(snippet.title, () => actions.replyWith(snippet)));
    }
    catch {
      menu.append(note('empty', t('badgeSnippetsFailed')));
    }
  }

  button.addEventListener('click', () => (menu.hidden ? void open() : close()));
  shadow.addEventListener('keydown', (event) => {
    const e = event as KeyboardEvent;
    const items = Array.from(menu.querySelectorAll<HTMLElement>('[role=menuitem]'));
    const at = items.indexOf(shadow.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      close();
      button.focus();
    }
    else if (e.key === 'ArrowDown' && !menu.hidden) {
      e.preventDefault();
      items[(at + 1) % items.length]?.focus();
    }
    else if (e.key === 'ArrowUp' && !menu.hidden) {
      e.preventDefault();
      items[(at - 1 + items.length) % items.length]?.focus();
    }
  });

  function update(next: ItemStatus) {
    // The log tells the same status again often (a resync, another tab's report): an open menu stays open.
    if (next === current && host.hasAttribute('data-replyline-status')) return;
    current = next;
    host.setAttribute('data-replyline-status', next);
    button.className = `badge ${next}`;
    button.textContent = LABELS[next].text();
    button.title = LABELS[next].title();
    button.setAttribute('aria-label', LABELS[next].title());
    close();
  }
  update(status);

  return {
    host,
    update,
    destroy() {
      close();
      host.remove();
    },
  };
}
