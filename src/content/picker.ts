import { t } from '../core/i18n';
import type { ListedSnippet as Snippet } from '../core/types';
import { HOST_ATTRIBUTE } from './watcher';

/**
 * The inline picker: a list of saved replies at the caret, in its own shadow root. The comment
 * box keeps the focus while the list is open (the controller forwards the arrow keys, Enter and
 * Esc); a live region tells screen readers which reply is highlighted. Prompts for {input:…}
 * fields take the focus while they are shown.
 */
const STYLE = `
:host{all:initial;position:fixed;z-index:2147483647}
.box{font:13px/1.35 system-ui,sans-serif;width:320px;max-height:320px;overflow:auto;background:#fff;color:#111827;
border:1px solid #d1d5db;border-radius:10px;box-shadow:0 10px 28px rgb(0 0 0 / .22);padding:4px}
[role=listbox]{display:flex;flex-direction:column}
[role=option]{padding:6px 10px;border-radius:6px;cursor:pointer}
[role=option][aria-selected=true]{background:#fde7d9}
.title{font-weight:600}
.shortcut{color:#6b7280;margin-inline-start:6px;font-weight:400}
.team{color:#1d4ed8;border:1px solid currentColor;border-radius:999px;padding:0 5px;margin-inline-end:6px;font-size:11px}
.body{color:#4b5563;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.note{padding:6px 10px;color:#6b7280}
.warning{padding:6px 10px;color:#9a3412;background:#fff7ed;border-radius:6px;margin:4px}
form{display:grid;gap:6px;padding:6px 8px}
label{display:grid;gap:2px;font-weight:600}
input{font:inherit;padding:4px 6px;border:1px solid #9ca3af;border-radius:6px}
.hint{color:#6b7280;font-size:12px}
.manage{all:unset;cursor:pointer;color:#1d4ed8;text-decoration:underline;font-size:12px;padding:2px 10px 6px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-color-scheme:dark){
.box{background:#1f2937;color:#f9fafb;border-color:#374151}
[role=option][aria-selected=true]{background:#7c2d12}
.body,.note,.shortcut,.hint{color:#d1d5db}
.team{color:#93c5fd}
.warning{background:#431407;color:#fed7aa}
input{background:#111827;color:#f9fafb}
}`;

export interface Picker {
  readonly isOpen: boolean;
  /** Whether a prompt form has the focus (the controller then leaves keys alone). */
  readonly prompting: boolean;
  show(at: DOMRect, snippets: Snippet[], query: string): void;
  move(delta: number): void;
  highlighted(): Snippet | null;
  warn(message: string): void;
  /** Asks for the {input:…} fields; resolves with the answers, or null when cancelled. */
  ask(labels: string[]): Promise<Record<string, string> | null>;
  close(): void;
}

/** One picker's state: its parts while it is open, the replies it lists and the highlighted one. */
interface PickerState {
  doc: Document;
  onChoose: (snippet: Snippet) => void;
  onManage: () => void;
  host: HTMLElement | null;
  box: HTMLElement | null;
  live: HTMLElement | null;
  shown: Snippet[];
  index: number;
  prompting: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The host with its shadow root (the style, the box and the live region), unless it is on the page already. */
function mount(p: PickerState) {
  if (p.host?.isConnected) return;
  const { doc } = p;
  const host = el(doc, 'div');
  host.setAttribute(HOST_ATTRIBUTE, '');
  host.setAttribute('data-replyline-picker', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style');
  style.textContent = STYLE;
  p.box = el(doc, 'div', 'box');
  p.live = el(doc, 'div', 'sr');
  p.live.setAttribute('role', 'status');
  p.live.setAttribute('aria-live', 'polite');
  shadow.append(style, p.box, p.live);
  doc.documentElement.append(host);
  p.host = host;
}

/** Under the caret, or above it where there is no room below; always within the window. */
function place(p: PickerState, at: DOMRect) {
  const { host } = p;
  if (!host) return;
  const view = p.doc.defaultView;
  const width = 320;
  const left = Math.max(8, Math.min(at.left, (view?.innerWidth ?? 1024) - width - 8));
  const below = at.bottom + 6;
  const fitsBelow = below + 200 < (view?.innerHeight ?? 768);
  host.style.left = `${left}px`;
  host.style.top = fitsBelow ? `${below}px` : '';
  host.style.bottom = fitsBelow ? '' : `${(view?.innerHeight ?? 768) - at.top + 6}px`;
}

function announce(p: PickerState) {
  const snippet = p.shown[p.index];
  if (p.live) p.live.textContent = snippet ? t('pickerAnnounce', snippet.title, p.index + 1, p.shown.length) : t('pickerNoMatch');
}

function optionFor(p: PickerState, snippet: Snippet, i: number) {
  const option = el(p.doc, 'div');
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', String(i === p.index));
  option.id = `replyline-option-${i}`;
  const title = el(p.doc, 'div', 'title', snippet.title);
  if (snippet.team) title.prepend(el(p.doc, 'span', 'team', t('teamReplyLabel')));
  if (snippet.shortcut) title.append(el(p.doc, 'span', 'shortcut', snippet.shortcut));
  option.append(title, el(p.doc, 'div', 'body', snippet.body.replace(/\s+/gu, ' ')));
  // mousedown, not click: the comment box must keep its focus and selection.
  option.addEventListener('mousedown', (event) => {
    event.preventDefault();
    p.index = i;
    p.onChoose(snippet);
  });
  return option;
}

/** Under the list: how to use it (or why it is empty), and the way to manage the saved replies. */
function footer(p: PickerState, query: string) {
  const { doc, shown } = p;
  const hint = shown.length
    ? el(doc, 'div', 'hint note', t('pickerHint'))
    : el(doc, 'div', 'note', query ? t('noSnippetMatches', query) : t('emptySnippets'));
  const manage = el(doc, 'button', 'manage', shown.length ? t('pickerManage') : t('pickerAdd'));
  manage.type = 'button';
  manage.addEventListener('mousedown', (event) => {
    event.preventDefault();
    p.onManage();
  });
  return [hint, manage];
}

function render(p: PickerState, query: string) {
  if (!p.box) return;
  const list = el(p.doc, 'div');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', t('savedReplies'));
  p.shown.forEach((snippet, i) => list.append(optionFor(p, snippet, i)));
  p.box.replaceChildren(list, ...footer(p, query));
  announce(p);
}

function show(p: PickerState, at: DOMRect, snippets: Snippet[], query: string) {
  mount(p);
  const previous = p.shown[p.index];
  p.shown = snippets.slice(0, 8);
  p.index = Math.max(0, previous ? p.shown.findIndex((s) => s.id === previous.id) : 0);
  render(p, query);
  place(p, at);
}

function move(p: PickerState, delta: number) {
  const { box, shown } = p;
  if (shown.length === 0 || !box) return;
  p.index = (p.index + delta + shown.length) % shown.length;
  for (const [i, option] of Array.from(box.querySelectorAll('[role=option]')).entries()) {
    option.setAttribute('aria-selected', String(i === p.index));
    if (i === p.index) option.scrollIntoView({ block: 'nearest' });
  }
  announce(p);
}

function warn(p: PickerState, message: string) {
  if (!p.box) return;
  p.box.querySelector('.warning')?.remove();
  const warning = el(p.doc, 'div', 'warning', t('pickerWarning', message));
  warning.setAttribute('role', 'alert');
  p.box.prepend(warning);
}

/** A form with one field for each label, and how to send or cancel it. */
function promptForm(doc: Document, labels: string[]) {
  const form = el(doc, 'form');
  const inputs = labels.map((label) => {
    const field = el(doc, 'label', undefined, label);
    const input = el(doc, 'input');
    input.name = label;
    input.autocomplete = 'off';
    field.append(input);
    form.append(field);
    return input;
  });
  form.append(el(doc, 'div', 'hint', t('pickerAskHint')));
  return { form, inputs };
}

function ask(p: PickerState, labels: string[]): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    if (!p.box) {
      resolve(null);
      return;
    }
    p.prompting = true;
    const { form, inputs } = promptForm(p.doc, labels);
    const finish = (answers: Record<string, string> | null) => {
      p.prompting = false;
      resolve(answers);
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      finish(Object.fromEntries(inputs.map((input) => [input.name, input.value])));
    });
    form.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') finish(null);
    });
    p.box.replaceChildren(form);
    inputs[0]?.focus();
  });
}

function close(p: PickerState) {
  p.prompting = false;
  p.host?.remove();
  p.host = null;
  p.shown = [];
  p.index = 0;
}

export function createPicker(
  doc: Document,
  onChoose: (snippet: Snippet) => void,
  onManage: () => void,
): Picker {
  const p: PickerState = {
    doc,
    onChoose,
    onManage,
    host: null,
    box: null,
    live: null,
    shown: [],
    index: 0,
    prompting: false,
  };
  return {
    get isOpen() {
      return !!p.host?.isConnected;
    },
    get prompting() {
      return p.prompting;
    },
    show: (at, snippets, query) => show(p, at, snippets, query),
    move: (delta) => move(p, delta),
    highlighted: () => p.shown[p.index] ?? null,
    warn: (message) => warn(p, message),
    ask: (labels) => ask(p, labels),
    close: () => close(p),
  };
}
