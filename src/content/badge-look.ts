/**
 * How a badge looks and what it says: its word and icon per status, its tooltip, its accessible
 * name (the visible word first, then the author: WCAG 2.5.3), and the style of its shadow root.
 * The words are Replyline's own ("Waiting", "Answered"), never the site's "Reply", and each badge
 * carries Replyline's speech-bubble mark or a status icon drawn in our colours.
 */
import { type Attribution, attributionText } from '../core/attribution';
import { type MessageKey, t } from '../core/i18n';
import type { ItemStatus } from '../core/types';

const SVG = 'http://www.w3.org/2000/svg';

/** Each icon: SVG path data on a 16×16 grid, stroked in the badge's text colour. */
const BUBBLE = 'M8 2.25c-3.31 0-6 2.2-6 4.9 0 1.5.82 2.84 2.1 3.74v2.86l2.86-1.73c.34.05.69.08 1.04.08 3.31 0 6-2.2 6-4.95S11.31 2.25 8 2.25z';
const ICONS: Record<ItemStatus, string[]> = {
  // A clock: it waits for you.
  pending: ['M8 1.75a6.25 6.25 0 1 0 0 12.5 6.25 6.25 0 0 0 0-12.5z', 'M8 4.5V8l2.5 1.75'],
  // Replyline's mark (the toolbar icon): a speech bubble with a check.
  answered: [BUBBLE, 'M5.4 7.3l1.75 1.75 3.45-3.55'],
  // The bubble, struck through.
  dismissed: [BUBBLE, 'M5.25 7.2h5.5'],
  // A crescent moon: it sleeps until later.
  snoozed: ['M13.25 9.6A5.75 5.75 0 0 1 6.4 2.75a5.75 5.75 0 1 0 6.85 6.85z'],
};

interface Look {
  word: MessageKey;
  name: MessageKey;
  title: MessageKey;
}

const LOOKS: Record<ItemStatus, Look> = {
  pending: { word: 'badgeWaiting', name: 'badgeWaitingName', title: 'badgeWaitingTitle' },
  answered: { word: 'badgeAnswered', name: 'badgeAnsweredName', title: 'badgeAnsweredTitle' },
  dismissed: { word: 'badgeDismissed', name: 'badgeDismissedName', title: 'badgeDismissedTitle' },
  snoozed: { word: 'badgeSnoozed', name: 'badgeSnoozedName', title: 'badgeSnoozedTitle' },
};

/** The icon of a status, hidden from assistive technology (the word says it). */
export function statusIcon(doc: Document, status: ItemStatus): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'icon');
  for (const d of ICONS[status]) {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** What a badge shows for a status, made once per document: its icon and word, cloned for each badge. */
const faces = new WeakMap<Document, Map<string, DocumentFragment>>();

/** The icon and the visible word of a status (a copy of the document's one). */
export function statusFace(doc: Document, status: ItemStatus, word: string): DocumentFragment {
  let byStatus = faces.get(doc);
  if (!byStatus) faces.set(doc, (byStatus = new Map()));
  const key = `${status} ${word}`;
  let face = byStatus.get(key);
  if (!face) {
    face = doc.createDocumentFragment();
    const span = doc.createElement('span');
    span.textContent = word;
    face.append(statusIcon(doc, status), span);
    byStatus.set(key, face);
  }
  return face.cloneNode(true) as DocumentFragment;
}

/**
 * The visible word, the accessible name and the tooltip of a badge for its status and author; a
 * status a teammate set says who and when in both ("Answered by ana · 5m ago").
 */
export function badgeText(status: ItemStatus, author: string, by: Attribution | null = null, now = Date.now()) {
  const look = LOOKS[status];
  const word = t(look.word);
  const name = author ? t(look.name, author) : word;
  const said = by ? attributionText(status, by, now) : null;
  if (!said) return { word, name, title: t(look.title) };
  return { word, name: t('badgeNameBy', name, said), title: t('badgeTitleBy', said) };
}

/**
 * The badge's style. Its margin box is shorter than a line of text (negative block margins), so
 * adding it never makes its line taller: the comment keeps its height and nothing below it moves,
 * and the page repaints the line only (on a page of 5,000 comments, a frame of about 160 ms after
 * 400 badges instead of 380 ms).
 */
export const BADGE_STYLE = `
:host{all:initial;display:inline-flex;vertical-align:middle;margin-inline-start:6px;margin-block:-4px}
:host([data-menu-inline]){position:relative;z-index:1}
button{font:600 12px/1.2 system-ui,sans-serif;cursor:pointer;border-radius:999px;border:1px solid transparent}
.badge{display:inline-flex;align-items:center;gap:4px;padding:2px 8px 2px 6px;white-space:nowrap}
.icon{width:14px;height:14px;flex:none;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.badge.pending{background:#c2410c;color:#fff;border-color:#9a3412}
.badge.answered{background:#fff7ed;color:#9a3412;border-color:#fdba74;font-weight:500}
.badge.dismissed,.badge.snoozed{background:#f3f4f6;color:#4b5563;border-color:#d1d5db;font-weight:500}
.badge:hover{filter:brightness(0.95)}
.badge:focus-visible,[role=menuitem]:focus-visible{outline:2px solid #2563eb;outline-offset:2px}
[role=menu]{box-sizing:border-box;min-width:220px;max-width:320px;max-height:min(320px,calc(100vh - 16px));overflow:auto;
background:#fff;color:#111827;border:1px solid #d1d5db;border-radius:8px;box-shadow:0 8px 24px rgb(0 0 0 / 0.18);padding:4px;
display:flex;flex-direction:column}
[role=menu][popover]{position:fixed;inset:auto;margin:0}
[role=menu]:not([popover]){position:absolute;top:calc(100% + 4px);inset-inline-start:0}
[role=menu][hidden]{display:none}
[role=group]{display:flex;flex-direction:column}
[role=menuitem]{all:unset;font:13px/1.3 system-ui,sans-serif;padding:6px 10px;border-radius:6px;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
[role=menuitem]:hover,[role=menuitem]:focus{background:#f3f4f6}
.heading{font:600 11px/1.2 system-ui,sans-serif;color:#4b5563;padding:6px 10px 2px;text-transform:uppercase;letter-spacing:.04em}
.empty{font:12px/1.3 system-ui,sans-serif;color:#4b5563;padding:4px 10px 6px;white-space:normal}
.warning{font:12px/1.3 system-ui,sans-serif;color:#9a3412;background:#fff7ed;border-radius:6px;padding:4px 8px;margin:2px 4px 4px;white-space:normal}
hr{border:0;border-top:1px solid #e5e7eb;margin:4px 0}
@media (prefers-color-scheme:dark){
[role=menu]{background:#1f2937;color:#f9fafb;border-color:#374151}
[role=menuitem]:hover,[role=menuitem]:focus{background:#374151}
.heading,.empty{color:#d1d5db}
.warning{background:#431407;color:#fed7aa}
hr{border-top-color:#374151}
.badge.answered{background:#431407;color:#fed7aa;border-color:#9a3412}
.badge.dismissed,.badge.snoozed{background:#1f2937;color:#d1d5db;border-color:#4b5563}
}`;
