// @vitest-environment happy-dom
/**
 * The badge in the page, in a DOM without `popover` (the fallback): its words, its accessible name,
 * its menu's entries and keys. The top layer itself is checked in a real browser (test/e2e/x.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ItemStatus, Snippet } from '../../src/core/types';
import { type AssignChoices, type BadgeActions, createBadge } from '../../src/content/badge';
import { placeMenu } from '../../src/content/menu-place';
import type { Attribution } from '../../src/core/attribution';

function snippet(title: string): Snippet {
  return { id: title, title, body: title, tags: [], shortcut: '', uses: 0, lastUsedAt: null, createdAt: 0, updatedAt: 0 };
}

const NO_TEAM_ASSIGN: AssignChoices = { members: [], me: null, assignee: null };

function mount(
  status: ItemStatus,
  author = { name: 'Marta Quill', handle: 'marta_codes' },
  snippets = [snippet('Thanks')],
  team = NO_TEAM_ASSIGN,
  by: Attribution | null = null,
) {
  const done: string[] = [];
  const actions: BadgeActions = {
    answer: () => done.push('answer'),
    dismiss: () => done.push('dismiss'),
    snooze: () => done.push('snooze'),
    reopen: () => done.push('reopen'),
    loadSnippets: () => Promise.resolve(snippets),
    replyWith: (s) => done.push(`reply ${s.title}`),
    loadAssign: () => Promise.resolve(team),
    assign: (to) => done.push(`assign ${to}`),
  };
  const badge = createBadge(document, `x:${Math.random()}`, status, author, actions, by);
  document.body.append(badge.host);
  const shadow = badge.host.shadowRoot!;
  const button = shadow.querySelector<HTMLButtonElement>('button.badge')!;
  // The menu is made when it first opens.
  const menu = () => shadow.querySelector<HTMLElement>('[role=menu]')!;
  const items = () => [...menu().querySelectorAll<HTMLElement>('[role=menuitem]')].map((b) => b.textContent);
  const key = (name: string) =>
    (shadow.activeElement ?? button).dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
  return { badge, shadow, button, menu, items, key, done };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('a badge', () => {
  it('carries a style of its own where the browser refuses it the shared sheet', () => {
    const doc = document.implementation.createHTMLDocument('refusing');
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new TypeError('refused');
      },
    });
    try {
      const actions = {} as BadgeActions;
      const badge = createBadge(doc, 'x:1', 'pending', { name: 'Marta Quill', handle: 'marta_codes' }, actions);
      const shadow = badge.host.shadowRoot!;
      expect(shadow.querySelector('style')?.textContent).toContain('.badge.pending');
      expect(shadow.querySelector('button.badge')?.textContent).toBe('Waiting');
    }
    finally {
      if (descriptor) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor);
      else delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('keeps its clicks, presses and keys from the page once a pointer came over it or the focus into it', () => {
    const heard: string[] = [];
    const TYPES = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown'];
    for (const type of TYPES) document.body.addEventListener(type, () => heard.push(type));
    const fire = (target: Element, type: string) =>
      target.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    const byPointer = mount('pending');
    fire(byPointer.button, 'pointerover');
    for (const type of TYPES) fire(byPointer.button, type);
    const byKeyboard = mount('pending');
    byKeyboard.button.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    fire(byKeyboard.button, 'keydown');
    fire(byKeyboard.button, 'click');
    expect(heard).toEqual([]);
    // The page's own elements are not concerned.
    fire(document.body, 'click');
    expect(heard).toEqual(['click']);
  });

  it('says Replyline’s own word, with an icon, and its name starts with that word and names the author', () => {
    const { button } = mount('pending');
    expect(button.textContent).toBe('Waiting');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('Waiting for your answer: Marta Quill');
    expect(button.title).toMatch(/^Replyline: /);
    const other = mount('pending', { name: '', handle: 'devon_k' });
    expect(other.button.getAttribute('aria-label')).toBe('Waiting for your answer: @devon_k');
  });

  it('turns to “Answered” with Replyline’s mark, and its name follows', () => {
    const { badge, button } = mount('pending');
    badge.update('answered');
    expect(button.textContent).toBe('Answered');
    expect(button.className).toBe('badge answered');
    expect(button.getAttribute('aria-label')).toBe('Answered: Marta Quill');
  });

  it('opens a menu worded evenly, moves with the arrows, and Escape gives the focus back', async () => {
    const { button, menu, items, key, shadow, done } = mount('pending');
    button.click();
    expect(menu().hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu().getAttribute('aria-label')).toBe('Replyline: Marta Quill');
    await settle();
    expect(items()).toEqual(['Mark answered', 'Snooze 1 hour', 'Snooze until tomorrow', 'Dismiss', 'Thanks']);
    expect(shadow.activeElement?.textContent).toBe('Mark answered');
    key('ArrowDown');
    expect(shadow.activeElement?.textContent).toBe('Snooze 1 hour');
    key('End');
    expect(shadow.activeElement?.textContent).toBe('Thanks');
    key('ArrowDown');
    expect(shadow.activeElement?.textContent).toBe('Mark answered');
    key('Escape');
    expect(menu().hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(button);
    expect(done).toEqual([]);
  });

  it('runs the chosen entry once its menu closed, and offers Reopen once answered', async () => {
    const { badge, button, menu, items, done } = mount('pending', undefined, []);
    button.click();
    await settle();
    expect(menu().textContent).toContain('No saved replies yet');
    menu().querySelector<HTMLElement>('[role=menuitem]')!.click();
    expect(done).toEqual(['answer']);
    expect(menu().hidden).toBe(true);
    badge.update('answered');
    button.click();
    expect(items()).toEqual(['Reopen']);
  });

  it('warns in its saved replies when a teammate answered the comment; says nothing for one\'s own answer', async () => {
    const answeredBy = mount('answered', undefined, [snippet('Thanks')], NO_TEAM_ASSIGN, { by: 'ana', at: Date.now() - 3 * 60_000, until: null });
    answeredBy.button.click();
    await settle();
    const group = answeredBy.menu().querySelector<HTMLElement>('.warning')!.parentElement!;
    expect(group.querySelector('.warning')?.textContent).toBe('ana answered this 3m ago.');
    expect(group.getAttribute('aria-describedby')).toBe(group.querySelector('.warning')!.id);
    expect([...group.querySelectorAll('[role=menuitem]')].map((b) => b.textContent)).toEqual(['Thanks']);
    const mine = mount('answered');
    mine.button.click();
    await settle();
    expect(mine.menu().querySelector('.warning')).toBeNull();
    expect(mine.items()).toEqual(['Reopen', 'Thanks']);
  });

  it('offers "Assign to" in a team: the other members, then Unassign; no such section without a team', async () => {
    const teamBadge = mount('pending', undefined, [], { members: ['ana', 'leo', 'mia'], me: 'ana', assignee: 'leo' });
    teamBadge.button.click();
    await settle();
    expect(teamBadge.items()).toEqual(['Mark answered', 'Snooze 1 hour', 'Snooze until tomorrow', 'Dismiss', 'Me (ana)', 'mia', 'Unassign']);
    expect(teamBadge.menu().textContent).toContain('Assign to');
    [...teamBadge.menu().querySelectorAll<HTMLElement>('[role=menuitem]')].find((b) => b.textContent === 'mia')!.click();
    expect(teamBadge.done).toEqual(['assign mia']);
    const alone = mount('pending');
    alone.button.click();
    await settle();
    expect(alone.menu().textContent).not.toContain('Assign to');
    expect(alone.menu().querySelectorAll('hr').length).toBe(1);
  });

  it('without popover, draws its menu inside the badge, lifted above the page; no menu before it opens', () => {
    const { badge, button, menu } = mount('pending');
    expect(badge.host.shadowRoot!.querySelector('[role=menu]')).toBeNull();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.click();
    expect(menu().hasAttribute('popover')).toBe(false);
    expect(badge.host.hasAttribute('data-menu-inline')).toBe(true);
  });
});

describe('placing a menu', () => {
  const viewport = { width: 1000, height: 800 };
  const menu = { width: 240, height: 200 };

  it('goes under the badge, at its start edge', () => {
    const badge = { top: 100, bottom: 120, left: 300, right: 380 };
    expect(placeMenu(badge, menu, viewport, false)).toEqual({ top: 124, left: 300 });
    expect(placeMenu(badge, menu, viewport, true)).toEqual({ top: 124, left: 140 });
  });

  it('goes above the badge when only there it fits, and never past the viewport’s sides', () => {
    const low = { top: 700, bottom: 720, left: 900, right: 980 };
    expect(placeMenu(low, menu, viewport, false)).toEqual({ top: 496, left: 752 });
    const high = { top: 10, bottom: 30, left: -50, right: 10 };
    expect(placeMenu(high, menu, viewport, true)).toEqual({ top: 34, left: 8 });
  });

  it('takes the side with more room when neither holds it', () => {
    const tall = { width: 240, height: 900 };
    expect(placeMenu({ top: 300, bottom: 320, left: 0, right: 50 }, tall, viewport, false).top).toBe(324);
    expect(placeMenu({ top: 600, bottom: 620, left: 0, right: 50 }, tall, viewport, false).top).toBe(8);
  });
});
