/**
 * What every page keeps of the inline picker: noticing that it is wanted. The picker itself comes
 * with the tools (tools-api.ts), started the first time one of these happens: the user goes into a
 * comment box (composers.ts calls `preload`), types where a trigger may begin, or presses the
 * shortcut. What was typed before the picker listened is looked at once it does; the shortcut is
 * kept from the page at once, and acted on when the picker is there.
 */
import { matchesShortcut, parseShortcut } from '../core/picker';
import type { Composers } from './composers';
import type { PageContext } from './context';
import { focusedBox } from './editable';
import type { InlineControl, InlineDeps } from './inline';
import type { PageStateStore } from './page-state';
import type { ContentTools } from './tools-api';

type PickerSettings = () => { trigger: string; pickerShortcut: string } | null;

export function watchForPicker(ctx: PageContext, settings: PickerSettings, start: () => Promise<InlineControl>) {
  const { doc, win, signal } = ctx;
  let started = false;
  const control = () => start().then((inline) => {
    started = true;
    return inline;
  });
  win.addEventListener(
    'keydown',
    (event) => {
      const shortcut = parseShortcut(settings()?.pickerShortcut ?? '');
      if (!shortcut || !matchesShortcut(event, shortcut) || !focusedBox(doc)) return;
      event.preventDefault();
      event.stopPropagation();
      void control().then((inline) => inline.toggle(), () => null);
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'input',
    (event) => {
      const trigger = settings()?.trigger;
      if (started || !trigger || !focusedBox(doc)) return;
      // Typing that cannot begin the trigger asks for nothing (an input without its text might).
      const data = (event as InputEvent).data;
      if (data && ![...trigger].some((sign) => data.includes(sign))) return;
      void control().then((inline) => inline.refresh(), () => null);
    },
    { capture: true, signal },
  );
  return {
    /** The user went into a comment box: the picker is made ready before it is asked for. */
    preload() {
      if (!started && settings()) void control().catch(() => null);
    },
  };
}

/** The inline picker in the site's comment boxes, inserting through the composers: started with the tools. */
export function startPicker(
  ctx: PageContext,
  state: PageStateStore,
  composers: Composers,
  tools: () => Promise<ContentTools>,
) {
  const deps: InlineDeps = {
    doc: ctx.doc,
    site: ctx.adapter,
    settings: () => (state.get().enabled ? state.get() : null),
    snippets: () => ctx.send('snippets/list', {}),
    targetOf: (composer) => {
      const target = composers.itemFor(composer);
      return target ? { key: target.key, person: target.item.author } : null;
    },
    item: (key) => ctx.send('items/get', { key }),
    manage: () => void ctx.send('options/open', {}).catch((e: Error) => ctx.notify(e.message, 'error')),
    insert: composers.insertChosen,
  };
  let control: Promise<InlineControl> | null = null;
  const start = () => {
    control ??= tools().then((loaded) => loaded.inline(deps, ctx.signal)).catch((error: unknown) => {
      control = null;
      throw error;
    });
    return control;
  };
  return watchForPicker(ctx, deps.settings, start);
}
