/**
 * How the background has this site set up (the owner's handle, on or off, the picker's keys, the
 * user's selector overrides), asked at start and after each settings change, and the owner the page
 * shows, told to the background once.
 */
import { isLanguageTag } from '../core/language-tag';
import { DEFAULT_SETTINGS } from '../core/types';
import type { PageState } from '../shared/protocol';
import { pageLanguages } from '../sites/dom';
import { applySelectorOverrides, isValidSelector, type SiteAdapter } from '../sites/types';
import type { PageContext } from './context';

export function createPageState(ctx: PageContext, siteAdapter: SiteAdapter, errors: Set<string>) {
  let state: PageState = {
    owner: null,
    enabled: true,
    selectors: {},
    trigger: DEFAULT_SETTINGS.trigger,
    pickerShortcut: DEFAULT_SETTINGS.pickerShortcut,
  };
  let ownerChecked = false;

  /**
   * Asks the background how this site is set up, and the words of times in the page's languages
   * (the worker learns them: the page does not pay for it); true when the item selector changed (an override).
   */
  async function hello(): Promise<boolean> {
    // The page's lang is the page's to write: only what looks like a language tag is asked about.
    const languages = ctx.adapter.takeTimeWords && pageLanguages(ctx.doc.documentElement).filter(isLanguageTag);
    const { timeWords, ...told } = await ctx.send('page/hello', { site: ctx.adapter.id, ...(languages && { languages }) });
    if (timeWords) ctx.adapter.takeTimeWords?.(timeWords);
    state = told;
    const itemSelector = ctx.adapter.itemSelector;
    const valid = (css: string) => isValidSelector(css, ctx.doc);
    for (const name of applySelectorOverrides(siteAdapter, state.selectors, valid)) {
      errors.add(`override:${name}`.slice(0, 40));
    }
    return ctx.adapter.itemSelector !== itemSelector;
  }

  return {
    get: () => state,
    hello,
    /** Settings changed: the page may show its owner again. */
    recheckOwner() {
      ownerChecked = false;
    },
    /**
     * Where the page shows who is signed in, the background learns it once; `changed` runs when
     * that makes a new owner (the page is then judged anew).
     */
    async checkOwner(changed: () => void) {
      if (ownerChecked) return;
      const detected = ctx.adapter.detectOwner(ctx.doc);
      if (!detected) return;
      ownerChecked = true;
      await ctx.send('owner/detected', { site: ctx.adapter.id, handle: detected });
      const before = state.owner;
      await hello();
      if (state.owner !== before) changed();
    },
  };
}

export type PageStateStore = ReturnType<typeof createPageState>;
