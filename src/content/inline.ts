import { answeredWarning } from '../core/attribution';
import { t } from '../core/i18n';
import { fillInputs, findTrigger, inputLabels } from '../core/picker';
import { expandTemplate, searchSnippets } from '../core/snippets';
import type { Item, Person, Snippet } from '../core/types';
import { caretRect, selectionSettled, selectTyped, textBeforeCaret } from './caret';
import { focusedBox as focusedComposer } from './editable';
import { contentOf, placeCaret } from './insert';
import type { SiteAdapter } from '../sites/types';
import { createPicker, type Picker } from './picker';

export interface InlineDeps {
  doc: Document;
  /** The site's name and what its comment boxes hold at most (its adapter). */
  site: Pick<SiteAdapter, 'name' | 'commentLimit'>;
  /** The trigger and shortcut; null while Replyline is turned off on this site. */
  settings(): { trigger: string; pickerShortcut: string } | null;
  snippets(): Promise<Snippet[]>;
  /** The item a composer answers, if known. */
  targetOf(composer: HTMLElement): { key: string; person: Person } | null;
  item(key: string): Promise<Item | null>;
  /** Opens Replyline's options, where saved replies are managed. */
  manage(): void;
  /** Inserts a snippet body (variables still to fill) into the composer, replacing its selection. */
  insert(composer: HTMLElement, body: string, snippetId: string): Promise<void>;
}

interface Session {
  composer: HTMLElement;
  /** Text before the caret when the shortcut opened the picker; null when the trigger did. */
  anchor: string | null;
  /** What was typed to open and filter the picker (trigger and query): replaced by the reply. */
  typed: string;
  query: string;
}

/** The picker's controller on one page: the open session, if any, and the replies it searches. */
interface Inline {
  deps: InlineDeps;
  doc: Document;
  picker: Picker;
  session: Session | null;
  /** A warning was shown for this snippet: the next Enter inserts anyway. */
  warnedFor: string | null;
  snippets: Snippet[];
  refreshing: number;
}

function close(c: Inline) {
  c.session = null;
  c.warnedFor = null;
  c.picker.close();
}

function sameSession(a: Session | null, b: Session): boolean {
  return !!a && a.composer === b.composer && a.anchor === b.anchor && a.typed === b.typed && a.query === b.query;
}

/**
 * Shows the list for what is typed. A selection change that moved nothing (the browser reports
 * one after each keystroke, some editors another after each render) keeps the list as it is,
 * with any warning on it; a new query draws a new list and forgets the warning.
 */
async function open(c: Inline, next: Session) {
  if (c.picker.isOpen && sameSession(c.session, next)) return;
  const run = ++c.refreshing;
  if (!c.session) c.snippets = await c.deps.snippets().catch(() => []);
  if (run !== c.refreshing) return;
  c.session = next;
  c.warnedFor = null;
  c.picker.show(caretRect(c.doc, next.composer), searchSnippets(c.snippets, next.query), next.query);
}

/** The shortcut opened the picker in this composer: what is typed after its anchor filters the list. */
function followAnchor(c: Inline, session: Session, anchor: string, before: string) {
  const query = before.startsWith(anchor) ? before.slice(anchor.length) : null;
  if (query === null || query.includes('\n') || query.length > 40) close(c);
  else void open(c, { ...session, typed: query, query });
}

/** After each change in a comment box: is a trigger (or the shortcut's query) before the caret? */
function refresh(c: Inline) {
  if (c.picker.prompting) return;
  const { session } = c;
  const composer = focusedComposer(c.doc);
  if (!composer) {
    if (session) close(c);
    return;
  }
  const before = textBeforeCaret(c.doc, composer);
  if (before === null) return;
  if (session?.anchor !== null && session?.anchor !== undefined && session.composer === composer) {
    followAnchor(c, session, session.anchor, before);
    return;
  }
  const settings = c.deps.settings();
  const found = settings ? findTrigger(before, settings.trigger) : null;
  if (!settings || !found) {
    if (session) close(c);
    return;
  }
  const typed = before.slice(before.length - (settings.trigger.length + found.query.length));
  void open(c, { composer, anchor: null, typed, query: found.query });
}

async function warnings(deps: InlineDeps, current: Session, snippet: Snippet): Promise<string[]> {
  const found: string[] = [];
  const target = deps.targetOf(current.composer);
  if (target) {
    const answered = answeredWarning(await deps.item(target.key).catch(() => null), Date.now());
    if (answered) found.push(answered);
  }
  const expanded = expandTemplate(fillInputs(snippet.body, {}), {
    person: target?.person ?? null,
    site: deps.site.name,
    myName: null,
    now: new Date(),
  }).text;
  const limit = deps.site.commentLimit;
  const length = Array.from(contentOf(current.composer)).length - Array.from(current.typed).length
    + Array.from(expanded).length;
  if (length > limit) {
    found.push(t('warnLength', length, deps.site.name, limit));
  }
  return found;
}

async function choose(c: Inline, snippet: Snippet) {
  const { doc, picker } = c;
  const current = c.session;
  if (!current) return;
  if (c.warnedFor !== snippet.id) {
    const found = await warnings(c.deps, current, snippet);
    // Typing went on, or the picker closed, while the log was asked: this choice is gone.
    if (c.session !== current) return;
    if (found.length > 0) {
      c.warnedFor = snippet.id;
      picker.warn(found.join(' '));
      return;
    }
  }
  const selection = doc.getSelection();
  const saved = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  let body = snippet.body;
  const labels = inputLabels(body);
  if (labels.length > 0) {
    const answers = await picker.ask(labels);
    if (!answers) {
      close(c);
      placeCaret(current.composer, saved, true);
      return;
    }
    body = fillInputs(body, answers);
  }
  close(c);
  placeCaret(current.composer, saved, true);
  selectTyped(doc, current.composer, current.typed);
  await selectionSettled(doc);
  await c.deps.insert(current.composer, body, snippet.id);
}

/**
 * The shortcut was pressed in a comment box (the page script noticed it, and kept it from the
 * page): it opens the picker there, or closes it.
 */
function toggle(c: Inline) {
  const composer = focusedComposer(c.doc);
  if (!composer) return;
  if (c.picker.isOpen) {
    close(c);
    return;
  }
  const before = textBeforeCaret(c.doc, composer) ?? '';
  void open(c, { composer, anchor: before, typed: '', query: '' });
}

/** While the picker is open on a comment box, its keys move through the list, choose or close it. */
function onPickerKey(c: Inline, event: KeyboardEvent) {
  const { picker, session } = c;
  if (!picker.isOpen || picker.prompting || !session) return;
  if (!session.composer.contains(event.target as Node) && event.target !== session.composer) return;
  const handled = ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'];
  if (!handled.includes(event.key) || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  // The site's editor must not see these keys while the picker is open.
  event.preventDefault();
  event.stopImmediatePropagation();
  if (event.key === 'ArrowDown') picker.move(1);
  else if (event.key === 'ArrowUp') picker.move(-1);
  else if (event.key === 'Escape') close(c);
  else {
    const snippet = picker.highlighted();
    if (snippet) void choose(c, snippet);
  }
}

/** The page's keys, input, selection and focus, each listened to until the signal; its abort closes the picker. */
function listen(c: Inline, signal: AbortSignal) {
  const { doc, picker } = c;
  const win = doc.defaultView ?? window;
  const options = { capture: true, signal };
  win.addEventListener('keydown', (event) => onPickerKey(c, event), options);
  doc.addEventListener('input', () => refresh(c), options);
  doc.addEventListener('selectionchange', () => picker.isOpen && refresh(c), { signal });
  doc.addEventListener(
    'focusout',
    () => setTimeout(() => !picker.prompting && picker.isOpen && !focusedComposer(doc) && close(c), 0),
    options,
  );
  signal.addEventListener('abort', () => close(c), { once: true });
}

export function startInlinePicker(deps: InlineDeps, signal: AbortSignal) {
  const c: Inline = {
    deps,
    doc: deps.doc,
    picker: createPicker(
      deps.doc,
      (snippet) => void choose(c, snippet),
      () => {
        close(c);
        deps.manage();
      },
    ),
    session: null,
    warnedFor: null,
    snippets: [],
    refreshing: 0,
  };
  listen(c, signal);
  return {
    toggle: () => toggle(c),
    /** What was typed before the picker was listening is looked at now. */
    refresh: () => refresh(c),
    close: () => close(c),
  };
}

export type InlineControl = ReturnType<typeof startInlinePicker>;
