import { t } from './i18n';

/**
 * The trigger and the query typed after it, right before the caret: ";;thx" gives "thx".
 * The query runs to the caret on one line, 40 characters at most.
 */
export function findTrigger(beforeCaret: string, trigger: string): { query: string; length: number } | null {
  if (!trigger) return null;
  const at = beforeCaret.lastIndexOf(trigger);
  if (at === -1) return null;
  const query = beforeCaret.slice(at + trigger.length);
  if (query.includes('\n') || Array.from(query).length > 40 || query.startsWith(' ')) return null;
  return { query, length: Array.from(trigger).length + Array.from(query).length };
}

export function validateTrigger(trigger: string): string | null {
  if (!trigger || Array.from(trigger).length > 5) return t('triggerLength');
  if (/\s/u.test(trigger)) return t('triggerSpaces');
  if (/^[\p{L}\p{N}]+$/u.test(trigger)) return t('triggerSign');
  return null;
}

export interface Shortcut {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** KeyboardEvent.code, e.g. "KeyS", "Space", "Period". */
  code: string;
}

const NAMED: Record<string, string> = { 'space': 'Space', 'period': 'Period', '.': 'Period', 'comma': 'Comma', ',': 'Comma', '/': 'Slash', ';': 'Semicolon' };

/** "Alt+Shift+S" -> a shortcut; null when it has no modifier or no key. */
export function parseShortcut(text: string): Shortcut | null {
  const parts = text.split('+').map((p) => p.trim()).filter(Boolean);
  const shortcut: Shortcut = { ctrl: false, alt: false, shift: false, meta: false, code: '' };
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower === 'ctrl' || lower === 'control') shortcut.ctrl = true;
    else if (lower === 'alt' || lower === 'option') shortcut.alt = true;
    else if (lower === 'shift') shortcut.shift = true;
    else if (lower === 'meta' || lower === 'cmd' || lower === 'command') shortcut.meta = true;
    else if (shortcut.code) return null;
    else if (/^[a-z]$/i.test(part)) shortcut.code = `Key${part.toUpperCase()}`;
    else if (/^[0-9]$/.test(part)) shortcut.code = `Digit${part}`;
    else if (NAMED[lower]) shortcut.code = NAMED[lower];
    else return null;
  }
  if (!shortcut.code || !(shortcut.ctrl || shortcut.alt || shortcut.meta)) return null;
  return shortcut;
}

export function matchesShortcut(
  event: { ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean; code: string },
  shortcut: Shortcut,
): boolean {
  return (
    event.code === shortcut.code
    && event.ctrlKey === shortcut.ctrl
    && event.altKey === shortcut.alt
    && event.shiftKey === shortcut.shift
    && event.metaKey === shortcut.meta
  );
}

const INPUT = /\{input:([^{}]{1,40})\}/g;

/** Labels of the {input:Label} prompts a snippet asks before it is inserted, in order, once each. */
export function inputLabels(body: string): string[] {
  const labels: string[] = [];
  for (const match of body.matchAll(INPUT)) {
    const label = (match[1] ?? '').trim();
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** Replaces the prompts with what the user typed. */
export function fillInputs(body: string, answers: Record<string, string>): string {
  return body.replace(INPUT, (whole, label: string) => answers[label.trim()] ?? whole);
}
