// @vitest-environment happy-dom
/**
 * What every page keeps of the inline picker (picker-watch.ts): it notices the picker is wanted and
 * starts it (bringing the tools); the shortcut is kept from the page at once, and what was typed
 * before the picker listened is read once it does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../../src/content/context';
import type { InlineControl } from '../../src/content/inline';
import { watchForPicker } from '../../src/content/picker-watch';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

function setup(enabled = true) {
  const controller = new AbortController();
  controllers.push(controller);
  const ctx = { doc: document, win: window, signal: controller.signal } as unknown as PageContext;
  const calls: string[] = [];
  let release: (control: InlineControl) => void = () => undefined;
  const ready = new Promise<InlineControl>((resolve) => (release = resolve));
  const control: InlineControl = {
    toggle: () => void calls.push('toggle'),
    refresh: () => void calls.push('refresh'),
    close: () => void calls.push('close'),
  };
  const start = () => {
    calls.push('start');
    return ready;
  };
  const watch = watchForPicker(ctx, () => (enabled ? { trigger: ';;', pickerShortcut: 'Alt+Shift+S' } : null), start);
  const box = document.createElement('textarea');
  document.body.append(box);
  return { box, calls, watch, controller, loaded: () => release(control) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const shortcut = () => new KeyboardEvent('keydown', { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true, cancelable: true });

function typed(box: HTMLTextAreaElement, data: string | null) {
  box.value += data ?? '';
  box.dispatchEvent(new InputEvent('input', { data, bubbles: true }));
}

describe('the picker, noticed on every page', () => {
  it('keeps the shortcut from the page at once, and opens the picker once it is there', async () => {
    const { box, calls, loaded } = setup();
    box.focus();
    const event = shortcut();
    box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(calls).toEqual(['start']);
    loaded();
    await settle();
    expect(calls).toEqual(['start', 'toggle']);
  });

  it('leaves the shortcut alone outside a box one types in, and while Replyline is off on the site', () => {
    const { calls } = setup();
    const outside = shortcut();
    document.body.dispatchEvent(outside);
    expect(outside.defaultPrevented).toBe(false);
    controllers.splice(0).forEach((c) => c.abort());
    const off = setup(false);
    off.box.focus();
    const event = shortcut();
    off.box.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect([...calls, ...off.calls]).toEqual([]);
  });

  it('starts the picker on typing that may begin the trigger, then reads what was typed', async () => {
    const { box, calls, loaded } = setup();
    box.focus();
    typed(box, 'H');
    typed(box, 'i');
    expect(calls).toEqual([]);
    typed(box, ';');
    typed(box, ';');
    loaded();
    await settle();
    expect(calls).toEqual(['start', 'start', 'refresh', 'refresh']);
    // Once the picker listens itself, typing asks for nothing more here.
    typed(box, ';');
    await settle();
    expect(calls).toHaveLength(4);
  });

  it('treats typing whose text it cannot see as a possible trigger', () => {
    const { box, calls } = setup();
    box.focus();
    typed(box, null);
    expect(calls).toEqual(['start']);
  });

  it('makes the picker ready when a comment box is entered, unless Replyline is off there', () => {
    const on = setup();
    on.watch.preload();
    expect(on.calls).toEqual(['start']);
    const off = setup(false);
    off.watch.preload();
    expect(off.calls).toEqual([]);
  });

  it('listens no more once the page session ends', () => {
    const { box, calls, controller } = setup();
    controller.abort();
    box.focus();
    const event = shortcut();
    box.dispatchEvent(event);
    typed(box, ';');
    expect(event.defaultPrevented).toBe(false);
    expect(calls).toEqual([]);
  });
});
