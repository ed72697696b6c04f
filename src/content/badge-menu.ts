/**
 * A badge's menu. It is shown in the top layer (`popover`, from inside the badge's shadow root), so
 * no element of the page covers or clips it, whatever its z-index or overflow; it is placed under
 * its badge and follows it as the page scrolls. Where `popover` is missing it falls back to a menu
 * positioned inside the badge. Keyboard: the first entry takes the focus, the arrows, Home and End
 * move, Escape closes and gives the focus back to the badge, leaving by Tab closes.
 */
import { placeMenu } from './menu-place';

export interface MenuEntry {
  label: string;
  run: () => void;
}

/** A group of entries; the menu draws its sections in order, with a rule between them. */
export interface MenuSection {
  /** Shown above the entries, and names their group. */
  heading?: string;
  /** The entries, or the promise of them (drawn once they come, if the menu is still open). */
  entries: MenuEntry[] | Promise<MenuEntry[]>;
  /** Said above the entries, and describes their group: a caution (a teammate answered this already). */
  warning?: string;
  /** Said when there are no entries. */
  empty?: string;
  /** Said when the entries could not be loaded. */
  failed?: string;
  /** Left out of the menu (with its rule) when it has no entries: a section that only applies sometimes (a team's). */
  optional?: boolean;
}

export interface BadgeMenu {
  readonly element: HTMLElement;
  isOpen(): boolean;
  /** Draws the sections, shows the menu and moves the focus to its first entry. */
  open(sections: MenuSection[]): void;
  /** Closes the menu; `refocus` gives the focus back to the badge. */
  close(refocus: boolean): void;
  /** The menu's accessible name (asked for when the menu is made: most menus never are). */
  name(label: () => string): void;
}

interface MenuState {
  doc: Document;
  host: HTMLElement;
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  menu: HTMLElement;
  topLayer: boolean;
  /** Counts the openings: entries that come after their menu was closed (or opened anew) are dropped. */
  opened: number;
  follow: () => void;
  onOutside: (event: Event) => void;
}

let groups = 0;

function entryButton(state: MenuState, entry: MenuEntry): HTMLButtonElement {
  const item = state.doc.createElement('button');
  item.type = 'button';
  item.setAttribute('role', 'menuitem');
  item.tabIndex = -1;
  item.textContent = entry.label;
  item.title = entry.label;
  item.addEventListener('click', (event) => {
    event.preventDefault();
    close(state, true);
    entry.run();
  });
  return item;
}

function note(doc: Document, className: string, text: string): HTMLElement {
  const el = doc.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

function fill(state: MenuState, group: HTMLElement, section: MenuSection, entries: MenuEntry[]) {
  if (entries.length === 0 && section.optional) {
    if (group.previousElementSibling?.tagName === 'HR') group.previousElementSibling.remove();
    group.remove();
    return;
  }
  if (entries.length === 0 && section.empty) group.append(note(state.doc, 'empty', section.empty));
  group.append(...entries.map((entry) => entryButton(state, entry)));
}

function drawSection(state: MenuState, section: MenuSection, opening: number): HTMLElement {
  const group = state.doc.createElement('div');
  group.setAttribute('role', 'group');
  if (section.heading) {
    const heading = note(state.doc, 'heading', section.heading);
    heading.id = `replyline-menu-heading-${++groups}`;
    group.setAttribute('aria-labelledby', heading.id);
    group.append(heading);
  }
  if (section.warning) {
    const warning = note(state.doc, 'warning', section.warning);
    warning.id = `replyline-menu-warning-${++groups}`;
    group.setAttribute('aria-describedby', warning.id);
    group.append(warning);
  }
  const { entries } = section;
  if (Array.isArray(entries)) {
    fill(state, group, section, entries);
    return group;
  }
  const current = () => opening === state.opened && !state.menu.hidden;
  entries.then(
    (loaded) => current() && fill(state, group, section, loaded),
    () => {
      if (current() && section.optional) fill(state, group, section, []);
      else if (current() && section.failed) group.append(note(state.doc, 'empty', section.failed));
    },
  ).finally(() => current() && place(state));
  return group;
}

/** Puts the menu under its badge (or above it), inside the viewport. */
function place(state: MenuState) {
  if (!state.topLayer || state.menu.hidden) return;
  const view = state.doc.defaultView;
  if (!view) return;
  const rtl = view.getComputedStyle(state.host).direction === 'rtl';
  const size = { width: state.menu.offsetWidth, height: state.menu.offsetHeight };
  // The page's width without its scroll bar (a page without a doctype gives its whole height as clientHeight).
  const width = Math.min(view.innerWidth, state.doc.documentElement.clientWidth || view.innerWidth);
  const viewport = { width, height: view.innerHeight };
  const at = placeMenu(state.button.getBoundingClientRect(), size, viewport, rtl);
  state.menu.style.top = `${at.top}px`;
  state.menu.style.left = `${at.left}px`;
}

function open(state: MenuState, sections: MenuSection[]) {
  const { doc, menu } = state;
  if (!state.host.isConnected) return;
  const opening = ++state.opened;
  const parts = sections.flatMap((section, i) => [
    ...(i > 0 ? [doc.createElement('hr')] : []),
    drawSection(state, section, opening),
  ]);
  menu.replaceChildren(...parts);
  menu.hidden = false;
  if (state.topLayer) menu.showPopover();
  place(state);
  state.button.setAttribute('aria-expanded', 'true');
  doc.addEventListener('pointerdown', state.onOutside, true);
  doc.addEventListener('scroll', state.follow, { capture: true, passive: true });
  doc.defaultView?.addEventListener('resize', state.follow);
  menu.querySelector<HTMLElement>('[role=menuitem]')?.focus();
}

function close(state: MenuState, refocus: boolean) {
  const { doc, menu } = state;
  if (menu.hidden) return;
  menu.hidden = true;
  if (state.topLayer && menu.matches(':popover-open')) menu.hidePopover();
  state.button.setAttribute('aria-expanded', 'false');
  doc.removeEventListener('pointerdown', state.onOutside, true);
  doc.removeEventListener('scroll', state.follow, { capture: true });
  doc.defaultView?.removeEventListener('resize', state.follow);
  if (refocus) state.button.focus();
}

function onKey(state: MenuState, event: KeyboardEvent) {
  if (state.menu.hidden) return;
  const items = Array.from(state.menu.querySelectorAll<HTMLElement>('[role=menuitem]'));
  const at = items.indexOf(state.shadow.activeElement as HTMLElement);
  const to: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  if (event.key === 'Escape') {
    event.preventDefault();
    close(state, true);
  }
  else if (event.key in to && items.length > 0) {
    event.preventDefault();
    items[to[event.key]!]?.focus();
  }
}

/** The menu's element and its listeners, made when the menu first opens. */
function makeMenu(host: HTMLElement, shadow: ShadowRoot, button: HTMLButtonElement): MenuState {
  const doc = host.ownerDocument;
  const menu = doc.createElement('div');
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  const topLayer = typeof menu.showPopover === 'function';
  if (topLayer) menu.setAttribute('popover', 'manual');
  else host.setAttribute('data-menu-inline', '');
  const state: MenuState = {
    doc, host, shadow, button, menu, topLayer,
    opened: 0,
    follow: () => place(state),
    onOutside: (event) => {
      if (!event.composedPath().includes(host)) close(state, false);
    },
  };
  // On the shadow root: the keys work from the badge too while its menu is open.
  shadow.addEventListener('keydown', (event) => onKey(state, event as KeyboardEvent));
  // Focus leaving the badge (Tab, or a click on a focusable element of the page) closes the menu.
  menu.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && next !== button && !menu.contains(next)) close(state, false);
  });
  // The browser hides a popover whose badge left the page: the menu's state follows.
  menu.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') close(state, false);
  });
  shadow.append(menu);
  return state;
}

/**
 * The menu of the badge `button` in `shadow` (whose button says aria-haspopup="menu" and
 * aria-expanded="false"). Its element is made when it first opens: a page of thousands of badges
 * makes none until one is used.
 */
export function createBadgeMenu(host: HTMLElement, shadow: ShadowRoot, button: HTMLButtonElement): BadgeMenu {
  let state: MenuState | null = null;
  let label = () => '';
  const made = () => {
    if (!state) {
      state = makeMenu(host, shadow, button);
      state.menu.setAttribute('aria-label', label());
    }
    return state;
  };
  return {
    get element() {
      return made().menu;
    },
    isOpen: () => !!state && !state.menu.hidden,
    open: (sections) => open(made(), sections),
    close: (refocus) => state && close(state, refocus),
    name(text) {
      label = text;
      state?.menu.setAttribute('aria-label', text());
    },
  };
}
