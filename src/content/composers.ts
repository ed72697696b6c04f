/**
 * The site's comment boxes: which one the user is in, which item it answers, putting a saved reply
 * into it as the site's editor expects, and noticing when that reply is sent (which answers the item).
 */
import { expandTemplate } from '../core/snippets';
import type { ItemStatus, Snippet } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import type { InsertResult } from '../shared/protocol';
import type { BadgeLayer, Tracked } from './badge-layer';
import { later, type PageContext } from './context';
import { contentOf, copyToClipboard, deepActiveElement, editableRoot, insertText, isEditable, squash } from './insert';

/** How long a click on an item's reply button makes it the target of the next insertion. */
const TARGET_TTL = 15 * 60_000;
/** How long after a send click the composer has to clear for the reply to count as sent. */
const SEND_WINDOW = 10_000;
/** How long after an insertion a send still counts as that reply's. */
const SEND_WATCH_MS = 30 * 60_000;

/** Polls `find` every 50 ms until it finds something or `ms` passed. */
function waitFor<T>(find: () => T | null, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      const found = find();
      if (found || Date.now() - started > ms) resolve(found);
      else setTimeout(tick, 50);
    };
    tick();
  });
}

export interface ComposerDeps {
  badges: BadgeLayer;
  /** The owner's handle, for {my_name}. */
  owner(): string | null;
  /** A status the log confirmed (a sent reply answered its item). */
  stored(key: string, status: ItemStatus): void;
}

export function createComposers(ctx: PageContext, deps: ComposerDeps) {
  const { adapter, doc, signal } = ctx;
  let lastComposer: HTMLElement | null = null;
  let savedRange: Range | null = null;
  let replyTarget: { el: Element; at: number } | null = null;
  let stopSendWatch: (() => void) | null = null;

  /** The site's comment box around an element, if it is in one. */
  function composerAround(el: Element | null): HTMLElement | null {
    if (!el || !isEditable(el)) return null;
    const root = editableRoot(el);
    return root.matches(adapter.composerSelector) || root.querySelector(adapter.composerSelector) ? root : null;
  }

  doc.addEventListener(
    'focusin',
    () => {
      const composer = composerAround(deepActiveElement(doc));
      if (composer) lastComposer = composer;
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'selectionchange',
    () => {
      const selection = doc.getSelection();
      if (!lastComposer || !selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (lastComposer.contains(range.startContainer)) savedRange = range.cloneRange();
    },
    { signal },
  );
  // A click on an item's own Reply button makes that item the target of what is inserted next.
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      for (const [el] of deps.badges.entries()) {
        if (adapter.replyButton(el)?.contains(target)) {
          replyTarget = { el, at: Date.now() };
          return;
        }
      }
    },
    { capture: true, signal },
  );

  /** The tracked item a composer answers: the one whose reply button was clicked last, else the one it belongs to. */
  function itemFor(composer: HTMLElement): Tracked | null {
    if (replyTarget && Date.now() - replyTarget.at < TARGET_TTL) {
      const own = adapter.composerFor(replyTarget.el, doc);
      if (!own || own === composer || own.contains(composer)) return deps.badges.get(replyTarget.el) ?? null;
    }
    for (const [el, entry] of deps.badges.entries()) {
      const own = adapter.composerFor(el, doc);
      if (own && (own === composer || own.contains(composer) || composer.contains(own))) return entry;
    }
    return null;
  }

  /** After an insertion for an item, a send that empties the composer answers it. */
  function watchSend(composer: HTMLElement, key: string, text: string) {
    stopSendWatch?.();
    const watch = new AbortController();
    const stop = () => {
      watch.abort();
      stopSendWatch = null;
    };
    signal.addEventListener('abort', stop, { signal: watch.signal });
    const squashed = squash(text);
    const holdsText = () => composer.isConnected && squash(contentOf(composer)).includes(squashed);
    let checking = false;
    const check = async () => {
      // Only a send of our text counts: the box must hold it when Enter or Send is pressed.
      if (checking || !holdsText()) return;
      checking = true;
      const sent = await waitFor(() => (holdsText() ? null : true), SEND_WINDOW);
      checking = false;
      if (!sent) return;
      stop();
      await ctx.send('items/sent', { key }).then(
        (item) => item && deps.stored(item.key, item.status),
        (e: Error) => ctx.notify(e.message, 'error'),
      );
    };
    const onClick = (event: Event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(adapter.sendButtonSelector)) void check();
    };
    const onKey = (event: KeyboardEvent) => {
      const sends = event.ctrlKey || event.metaKey || (adapter.sendsOnEnter && !event.shiftKey);
      if (event.key === 'Enter' && sends && composer.contains(event.target as Node)) void check();
    };
    doc.addEventListener('click', onClick, { capture: true, signal: watch.signal });
    doc.addEventListener('keydown', onKey, { capture: true, signal: watch.signal });
    later(watch.signal, SEND_WATCH_MS, stop);
    stopSendWatch = stop;
  }

  /** A snippet with the variables of the person being answered filled in. */
  function expand(body: string, target: Tracked | null) {
    const person = target?.item.author ?? null;
    return expandTemplate(body, { person, site: adapter.id, myName: deps.owner(), now: new Date() });
  }

  async function insertInto(composer: HTMLElement, body: string, target: Tracked | null): Promise<InsertResult> {
    const expanded = expand(body, target);
    // Watched from before the text goes in: a send pressed the moment it appears still counts.
    if (target) watchSend(composer, target.key, expanded.text);
    const outcome = await insertText(composer, expanded.text, { cursor: expanded.cursor, saved: savedRange });
    if (!outcome.ok) {
      stopSendWatch?.();
      const copied = await copyToClipboard(doc, expanded.text);
      const reason = copied ? `${outcome.reason} ${t('replyOnClipboard')}` : outcome.reason;
      ctx.notify(reason, 'error');
      return { ok: false, reason, copied };
    }
    const gaps = [...expanded.missing, ...expanded.unknown];
    if (gaps.length > 0) ctx.notify(t('checkReply', gaps.map((g) => `{${g}}`).join(', ')));
    return { ok: true, itemKey: target?.key ?? null, missing: expanded.missing, unknown: expanded.unknown };
  }

  return {
    itemFor,
    /** A saved reply chosen in an item's badge: its reply box is opened if needed, then the reply goes in. */
    async replyWith(el: Element, snippet: Snippet) {
      const entry = deps.badges.get(el) ?? null;
      replyTarget = { el, at: Date.now() };
      let composer = adapter.composerFor(el, doc);
      if (!composer) {
        adapter.replyButton(el)?.click();
        composer = await waitFor(() => adapter.composerFor(el, doc), 4000);
      }
      if (!composer) {
        const copied = await copyToClipboard(doc, expand(snippet.body, entry).text);
        ctx.notify(`${t('noReplyBox', SITE_NAMES[adapter.id])}${copied ? ` ${t('onClipboard')}` : ''}`, 'error');
        return;
      }
      lastComposer = composer;
      const result = await insertInto(composer, snippet.body, entry);
      if (result.ok) await ctx.send('snippets/used', { id: snippet.id }).catch(() => null);
    },
    /** Insertion asked for from the popup: into the focused comment box, or the last one used. */
    async insertFromPopup(body: string): Promise<InsertResult> {
      // Whatever editable the user focused counts; else the site's comment box they used last.
      const focused = deepActiveElement(doc);
      const active = isEditable(focused) ? editableRoot(focused) : null;
      const composer = active ?? (lastComposer?.isConnected ? lastComposer : null);
      if (!composer) {
        const reason = t('clickBoxFirst');
        ctx.notify(reason, 'error');
        return { ok: false, reason, copied: false };
      }
      return insertInto(composer, body, itemFor(composer));
    },
    /** The inline picker's insertion into the box the user typed in. */
    async insertChosen(composer: HTMLElement, body: string, snippetId: string) {
      lastComposer = composer;
      const result = await insertInto(composer, body, itemFor(composer));
      if (result.ok) await ctx.send('snippets/used', { id: snippetId }).catch(() => null);
    },
    /** A new page: a Reply clicked on the last one names no item here. */
    forgetTarget() {
      replyTarget = null;
    },
  };
}
