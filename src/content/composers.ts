/**
 * The site's comment boxes: which one the user is in, the caret in it, which item it answers. What
 * puts a saved reply into one (composer-insert.ts) comes with the tools (tools-api.ts), asked for
 * when the user first works in a comment box, or first inserts a reply.
 */
import { t } from '../core/i18n';
import type { ItemStatus, Snippet } from '../core/types';
import type { InsertResult } from '../shared/protocol';
import type { BadgeLayer, Tracked } from './badge-layer';
import type { PageContext } from './context';
import { deepActiveElement, editableRoot, isEditable } from './editable';
import type { ContentTools } from './tools-api';

/** How long a click on an item's reply button makes it the target of the next insertion. */
const TARGET_TTL = 15 * 60_000;

export interface ComposerDeps {
  badges: BadgeLayer;
  /** The owner's handle, for {my_name}. */
  owner(): string | null;
  /** A status the log confirmed (a sent reply answered its item). */
  stored(key: string, status: ItemStatus): void;
  /** The user went into a comment box: the tools are wanted soon. */
  composerFocused(): void;
  /** The tools (loaded once; a failure has been told to the user). */
  tools(): Promise<ContentTools>;
}

/** What the user last did in the page's comment boxes. */
export interface Focus {
  lastComposer: HTMLElement | null;
  savedRange: Range | null;
  replyTarget: { el: Element; at: number } | null;
  stopSendWatch: (() => void) | null;
}

/** Follows the user: the comment box last focused, the caret in it, the item whose Reply was clicked. */
function trackFocus(ctx: PageContext, focus: Focus, focused: () => void) {
  const { adapter, doc, signal } = ctx;
  const composerAround = (el: Element | null): HTMLElement | null => {
    if (!el || !isEditable(el)) return null;
    const root = editableRoot(el);
    return root.matches(adapter.composerSelector) || root.querySelector(adapter.composerSelector) ? root : null;
  };
  const onFocus = () => {
    const composer = composerAround(deepActiveElement(doc));
    if (!composer) return;
    focus.lastComposer = composer;
    focused();
  };
  const onSelection = () => {
    const selection = doc.getSelection();
    if (!focus.lastComposer || !selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (focus.lastComposer.contains(range.startContainer)) focus.savedRange = range.cloneRange();
  };
  // A click on an item's own Reply button makes that item the target of what is inserted next,
  // whether or not its badge is drawn yet (it is looked up when the reply goes in).
  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    for (let el = target?.closest(adapter.itemSelector); el; el = el.parentElement?.closest(adapter.itemSelector)) {
      if (!adapter.replyButton(el)?.contains(target)) continue;
      focus.replyTarget = { el, at: Date.now() };
      return;
    }
  };
  doc.addEventListener('focusin', onFocus, { capture: true, signal });
  doc.addEventListener('selectionchange', onSelection, { signal });
  doc.addEventListener('click', onClick, { capture: true, signal });
}

/** The composers' parts: the page, what they need from the rest, what the user last did. */
export interface Composing {
  ctx: PageContext;
  deps: ComposerDeps;
  focus: Focus;
  itemFor(composer: HTMLElement): Tracked | null;
}

/** The tracked item a composer answers: the one whose reply button was clicked last, else the one it belongs to. */
function itemFor(ctx: PageContext, deps: ComposerDeps, focus: Focus, composer: HTMLElement): Tracked | null {
  const { adapter, doc } = ctx;
  const target = focus.replyTarget;
  if (target && Date.now() - target.at < TARGET_TTL) {
    const own = adapter.composerFor(target.el, doc);
    if (!own || own === composer || own.contains(composer)) return deps.badges.get(target.el) ?? null;
  }
  for (const [el, entry] of deps.badges.entries()) {
    const own = adapter.composerFor(el, doc);
    if (own && (own === composer || own.contains(composer) || composer.contains(own))) return entry;
  }
  return null;
}

export function createComposers(ctx: PageContext, deps: ComposerDeps) {
  const focus: Focus = { lastComposer: null, savedRange: null, replyTarget: null, stopSendWatch: null };
  const c: Composing = { ctx, deps, focus, itemFor: (composer) => itemFor(ctx, deps, focus, composer) };
  trackFocus(ctx, focus, deps.composerFocused);
  const insertion = async () => (await deps.tools()).insertion(c);
  return {
    itemFor: c.itemFor,
    /** A badge's reply (a failure to get the tools has been told already). */
    async replyWith(el: Element, snippet: Snippet) {
      const ready = await insertion().catch(() => null);
      await ready?.replyWith(el, snippet);
    },
    /** Insertion asked for from the popup: into the focused comment box, or the last one used. */
    async insertFromPopup(body: string): Promise<InsertResult> {
      // Whatever editable the user focused counts; else the site's comment box they used last.
      const focused = deepActiveElement(ctx.doc);
      const active = isEditable(focused) ? editableRoot(focused) : null;
      const composer = active ?? (focus.lastComposer?.isConnected ? focus.lastComposer : null);
      if (!composer) {
        const reason = t('clickBoxFirst');
        ctx.notify(reason, 'error');
        return { ok: false, reason, copied: false };
      }
      const ready = await insertion().catch((error: Error) => error);
      if (ready instanceof Error) return { ok: false, reason: ready.message, copied: false };
      return ready.insertFromPopup(composer, body);
    },
    /** The inline picker's insertion into the box the user typed in. */
    insertChosen: async (composer: HTMLElement, body: string, snippetId: string) =>
      (await insertion()).insertChosen(composer, body, snippetId),
    /** A new page: a Reply clicked on the last one names no item here. */
    forgetTarget() {
      focus.replyTarget = null;
    },
  };
}

export type Composers = ReturnType<typeof createComposers>;
