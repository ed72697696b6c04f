/**
 * Putting a saved reply into the site's comment box, as the site's editor expects, and watching it
 * being sent (send-watch.ts). Part of the tools (tools.ts): the page's own script follows the
 * comment boxes (composers.ts) and hands its state over when a reply is first inserted.
 */
import { expandTemplate } from '../core/snippets';
import type { Snippet } from '../core/types';
import { t } from '../core/i18n';
import type { InsertResult } from '../shared/protocol';
import type { Tracked } from './badge-layer';
import type { Composing } from './composers';
import { copyToClipboard, insertText } from './insert';
import { waitFor, watchSend } from './send-watch';

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

/** What the composers do with a reply, over the state the page's script keeps (`c`). */
export function createInsertion(c: Composing) {
  const { ctx, focus } = c;
  return {
    replyWith: (el: Element, snippet: Snippet) => replyWith(c, el, snippet),
    /** Insertion asked for from the popup, into the box the page's script found (composers.ts). */
    insertFromPopup: (composer: HTMLElement, body: string): Promise<InsertResult> =>
      insertInto(c, composer, body, c.itemFor(composer)),
    /** The inline picker's insertion into the box the user typed in. */
    async insertChosen(composer: HTMLElement, body: string, snippetId: string) {
      focus.lastComposer = composer;
      const result = await insertInto(c, composer, body, c.itemFor(composer));
      if (result.ok) await ctx.send('snippets/used', { id: snippetId }).catch(() => null);
    },
  };
}

export type Insertion = ReturnType<typeof createInsertion>;
