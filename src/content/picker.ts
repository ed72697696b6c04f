import { t } from '../core/i18n';
import type { Snippet } from '../core/types';
import { HOST_ATTRIBUTE } from './watcher';

/**
 * The inline picker: a list of saved replies at the caret, in its own shadow root. The comment
 * box keeps the focus while the list is open (the controller forwards the arrow keys, Enter and
 * Esc); a live region tells screen readers which reply is highlighted. Prompts for {input:…}
 * fields take the focus while they are shown.
 */
const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; }
.box { font: 13px/1.35 system-ui, sans-serif; width: 320px; max-height: 320px; overflow: auto; background: #fff; color: #111827;
  border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 10px 28px rgb(0 0 0 / .22); padding: 4px; }
[role=listbox] { display: flex; flex-direction: column; }
[role=option] { padding: 6px 10px; border-radius: 6px; cursor: pointer; }
[role=option][aria-selected=true] { background: #fde7d9; }
.title { font-weight: 600; }
.shortcut { color: #6b7280; margin-inline-start: 6px; font-weight: 400; }
.body { color: #4b5563; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.note { padding: 6px 10px; color: #6b7280; }
.warning { padding: 6px 10px; color: #9a3412; background: #fff7ed; border-radius: 6px; margin: 4px; }
form { display: grid; gap: 6px; padding: 6px 8px; }
label { display: grid; gap: 2px; font-weight: 600; }
input { font: inherit; padding: 4px 6px; border: 1px solid #9ca3af; border-radius: 6px; }
.hint { color: #6b7280; font-size: 12px; }
.manage { all: unset; cursor: pointer; color: #1d4ed8; text-decoration: underline; font-size: 12px; padding: 2px 10px 6px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .box { background: #1f2937; color: #f9fafb; border-color: #374151; }
  [role=option][aria-selected=true] { background: #7c2d12; }
  .body, .note, .shortcut, .hint { color: #d1d5db; }
  .warning { background: #431407; color: #fed7aa; }
  input { background: #111827; color: #f9fafb; }
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

export function createPicker(
  doc: Document,
  onChoose: (snippet: Snippet) => void,
  onManage: () => void,
): Picker {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let box: HTMLElement | null = null;
  let live: HTMLElement | null = null;
  let shown: Snippet[] = [];
  let index = 0;
  let prompting = false;

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function mount() {
    if (host?.isConnected) return;
    host = el('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.setAttribute('data-replyline-picker', '');
    shadow = host.attachShadow({ mode: 'open' });
    const style = el('style');
    style.textContent = STYLE;
    box = el('div', 'box');
    live = el('div', 'sr');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    shadow.append(style, box, live);
    doc.documentElement.append(host);
  }

  function place(at: DOMRect) {
    if (!host) return;
    const view = doc.defaultView;
    const width = 320;
    const left = Math.max(8, Math.min(at.left, (view?.innerWidth ?? 1024) - width - 8));
    const below = at.bottom + 6;
    const fitsBelow = below + 200 < (view?.innerHeight ?? 768);
    host.style.left = `${left}px`;
    host.style.top = fitsBelow ? `${below}px` : '';
    host.style.bottom = fitsBelow ? '' : `${(view?.innerHeight ?? 768) - at.top + 6}px`;
  }

  function announce() {
    const snippet = shown[index];
    if (live) live.textContent = snippet ? t('pickerAnnounce', snippet.title, index + 1, shown.length) : t('pickerNoMatch');
  }

  function render(query: string) {
    if (!box) return;
    const list = el('div');
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t('savedReplies'));
    shown.forEach((snippet, i) => {
      const option = el('div');
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(i === index));
      option.id = `replyline-option-${i}`;
      const title = el('div', 'title', snippet.title);
      if (snippet.shortcut) title.append(el('span', 'shortcut', snippet.shortcut));
      option.append(title, el('div', 'body', snippet.body.replace(/\s+/gu, ' ')));
      // mousedown, not click: the comment box must keep its focus and selection.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        index = i;
        onChoose(snippet);
      });
      list.append(option);
    });
    const hint = shown.length
      ? el('div', 'hint note', t('pickerHint'))
      : el('div', 'note', query ? t('noSnippetMatches', query) : t('emptySnippets'));
    const manage = el('button', 'manage', shown.length ? t('pickerManage') : t('pickerAdd'));
    manage.type = 'button';
    manage.addEventListener('mousedown', (event) => {
      event.preventDefault();
      onManage();
    });
    box.replaceChildren(list, hint, manage);
    announce();
  }

  return {
    get isOpen() {
      return !!host?.isConnected;
    },
    get prompting() {
      return prompting;
    },
    show(at, snippets, query) {
      mount();
      const previous = shown[index];
      shown = snippets.slice(0, 8);
      index = Math.max(0, previous ? shown.findIndex((s) => s.id === previous.id) : 0);
      render(query);
      place(at);
    },
    move(delta) {
      if (shown.length === 0 || !box) return;
      index = (index + delta + shown.length) % shown.length;
      for (const [i, option] of Array.from(box.querySelectorAll('[role=option]')).entries()) {
        option.setAttribute('aria-selected', String(i === index));
        if (i === index) option.scrollIntoView({ block: 'nearest' });
      }
      announce();
    },
    highlighted: () => shown[index] ?? null,
    warn(message) {
      if (!box) return;
      box.querySelector('.warning')?.remove();
      const warning = el('div', 'warning', t('pickerWarning', message));
      warning.setAttribute('role', 'alert');
      box.prepend(warning);
    },
    ask(labels) {
      return new Promise((resolve) => {
        if (!box) {
          resolve(null);
          return;
        }
        prompting = true;
        const form = el('form');
        const inputs = labels.map((label) => {
          const field = el('label', undefined, label);
          const input = el('input');
          input.name = label;
          input.autocomplete = 'off';
          field.append(input);
          form.append(field);
          return input;
        });
        form.append(el('div', 'hint', t('pickerAskHint')));
        const finish = (answers: Record<string, string> | null) => {
          prompting = false;
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
        box.replaceChildren(form);
        inputs[0]?.focus();
      });
    },
    close() {
      prompting = false;
      host?.remove();
      host = null;
      shown = [];
      index = 0;
    },
  };
}
