/**
 * The site's comment boxes: which one the user is in, which item it answers, and putting a saved
 * reply into it as the site's editor expects (send-watch.ts then notices it being sent).
 */
import { expandTemplate } from '../core/snippets';
import type { ItemStatus, Snippet } from '../core/types';
import { t } from '../core/i18n';
import type { InsertResult } from '../shared/protocol';
import type { BadgeLayer, Tracked } from './badge-layer';
import type { PageContext } from './context';
import { copyToClipboard, deepActiveElement, editableRoot, insertText, isEditable } from './insert';
import { waitFor, watchSend } from './send-watch';

/** How long a click on an item's reply button makes it the target of the next insertion. */
const TARGET_TTL = 15 * 60_000;

export interface ComposerDeps {
  badges: BadgeLayer;
  /** The owner's handle, for {my_name}. */
  owner(): string | null;
  /** A status the log confirmed (a sent reply answered its item). */
  stored(key: string, status: ItemStatus): void;
}

/** What the user last did in the page's comment boxes. */
interface Focus {
  lastComposer: HTMLElement | null;
  savedRange: Range | null;
  replyTarget: { el: Element; at: number } | null;
  stopSendWatch: (() => void) | null;
}

/** Follows the user: the comment box last focused, the caret in it, the item whose Reply was clicked. */
function trackFocus(ctx: PageContext, focus: Focus) {
  const { adapter, doc, signal } = ctx;
  const composerAround = (el: Element | null): HTMLElement | null => {
    if (!el || !isEditable(el)) return null;
    const root = editableRoot(el);
    return root.matches(adapter.composerSelector) || root.querySelector(adapter.composerSelector) ? root : null;
  };
  const onFocus = () => {
    const composer = composerAround(deepActiveElement(doc));
    if (composer) focus.lastComposer = composer;
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
interface Composing {
  ctx: PageContext;
  deps: ComposerDeps;
  focus: Focus;
}

/** The tracked item a composer answers: the one whose reply button was clicked last, else the one it belongs to. */
function itemFor({ ctx, deps, focus }: Composing, composer: HTMLElement): Tracked | null {
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

/** A snippet with the variables of the person being answered filled in. */
function expand({ ctx, deps }: Composing, body: string, target: Tracked | null) {
  const person = target?.item.author ?? null;
  return expandTemplate(body, { person, site: ctx.adapter.name, myName: deps.owner(), now: new Date() });
}

/** After a reply for an item went in, its send answers the item. */
function watchFor({ ctx, deps, focus }: Composing, composer: HTMLElement, key: string, text: string) {
  focus.stopSendWatch?.();
  focus.stopSendWatch = watchSend(ctx, composer, text, () => {
    focus.stopSendWatch = null;
    void ctx.send('items/sent', { key }).then(
      (item) => item && deps.stored(item.key, item.status),
      (e: Error) => ctx.notify(e.message, 'error'),
    );
  });
}

async function insertInto(
  c: Composing,
  composer: HTMLElement,
  body: string,
  target: Tracked | null,
): Promise<InsertResult> {
  const { ctx, focus } = c;
  const expanded = expand(c, body, target);
  // Watched from before the text goes in: a send pressed the moment it appears still counts.
  if (target) watchFor(c, composer, target.key, expanded.text);
  const outcome = await insertText(composer, expanded.text, { cursor: expanded.cursor, saved: focus.savedRange });
  if (!outcome.ok) {
    focus.stopSendWatch?.();
    const copied = await copyToClipboard(ctx.doc, expanded.text);
    const reason = copied ? `${outcome.reason} ${t('replyOnClipboard')}` : outcome.reason;
    ctx.notify(reason, 'error');
    return { ok: false, reason, copied };
  }
  const gaps = [...expanded.missing, ...expanded.unknown];
  if (gaps.length > 0) ctx.notify(t('checkReply', gaps.map((g) => `{${g}}`).join(', ')));
  return { ok: true, itemKey: target?.key ?? null, missing: expanded.missing, unknown: expanded.unknown };
}

/** A saved reply chosen in an item's badge: its reply box is opened if needed, then the reply goes in. */
async function replyWith(c: Composing, el: Element, snippet: Snippet) {
  const { adapter, doc } = c.ctx;
  const entry = c.deps.badges.get(el) ?? null;
  c.focus.replyTarget = { el, at: Date.now() };
  let composer = adapter.composerFor(el, doc);
  if (!composer) {
    adapter.replyButton(el)?.click();
    composer = await waitFor(() => adapter.composerFor(el, doc), 4000);
  }
  if (!composer) {
    const copied = await copyToClipboard(doc, expand(c, snippet.body, entry).text);
    c.ctx.notify(`${t('noReplyBox', adapter.name)}${copied ? ` ${t('onClipboard')}` : ''}`, 'error');
    return;
  }
  c.focus.lastComposer = composer;
  const result = await insertInto(c, composer, snippet.body, entry);
  if (result.ok) await c.ctx.send('snippets/used', { id: snippet.id }).catch(() => null);
}

export function createComposers(ctx: PageContext, deps: ComposerDeps) {
  const focus: Focus = { lastComposer: null, savedRange: null, replyTarget: null, stopSendWatch: null };
  const c: Composing = { ctx, deps, focus };
  trackFocus(ctx, focus);
  return {
    itemFor: (composer: HTMLElement) => itemFor(c, composer),
    replyWith: (el: Element, snippet: Snippet) => replyWith(c, el, snippet),
    /** Insertion asked for from the popup: into the focused comment box, or the last one used. */
    insertFromPopup(body: string): Promise<InsertResult> {
      // Whatever editable the user focused counts; else the site's comment box they used last.
      const focused = deepActiveElement(ctx.doc);
      const active = isEditable(focused) ? editableRoot(focused) : null;
      const composer = active ?? (focus.lastComposer?.isConnected ? focus.lastComposer : null);
      if (composer) return insertInto(c, composer, body, itemFor(c, composer));
      const reason = t('clickBoxFirst');
      ctx.notify(reason, 'error');
      return Promise.resolve({ ok: false, reason, copied: false });
    },
    /** The inline picker's insertion into the box the user typed in. */
    async insertChosen(composer: HTMLElement, body: string, snippetId: string) {
      focus.lastComposer = composer;
      const result = await insertInto(c, composer, body, itemFor(c, composer));
      if (result.ok) await ctx.send('snippets/used', { id: snippetId }).catch(() => null);
    },
    /** A new page: a Reply clicked on the last one names no item here. */
    forgetTarget() {
      focus.replyTarget = null;
    },
  };
}

export type Composers = ReturnType<typeof createComposers>;
