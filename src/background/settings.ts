/** How each site is set up: the owner's handles, sites on or off, the picker's keys, selector overrides. */
import { parseHandleInput } from '../core/handles';
import { t } from '../core/i18n';
import { parseShortcut, validateTrigger } from '../core/picker';
import { SITES } from '../core/sites';
import { timeWordsWire } from '../core/time-words';
import type { Settings, SiteId } from '../core/types';
import { ownerHandle, SITE_IDS } from '../core/types';
import type { HandlerGroup, WorkerContext } from './worker-context';

type SettingsMessages =
  | 'page/hello' | 'owner/detected' | 'settings/get' | 'settings/setPicker' | 'settings/setSites'
  | 'settings/setSelectors' | 'settings/setOwner';

function withAccount(settings: Settings, site: SiteId, patch: { detected?: string | null; manual?: string | null }) {
  const account = { detected: null, manual: null, ...settings.accounts[site], ...patch };
  return { ...settings, accounts: { ...settings.accounts, [site]: account } };
}

export function settingsHandlers(ctx: WorkerContext): HandlerGroup<SettingsMessages> {
  const { fx } = ctx;
  return {
    async 'page/hello'({ site, languages }) {
      const settings = await ctx.readSettings();
      return {
        owner: ownerHandle(settings, site),
        enabled: !settings.disabledSites.includes(site),
        selectors: settings.selectorOverrides[site] ?? {},
        trigger: settings.trigger,
        pickerShortcut: settings.pickerShortcut,
        // Learnt here, away from the page (once per language while the worker runs), and English, which pages keep too.
        ...(languages && { timeWords: [...new Set([...languages, 'en'])].map(timeWordsWire) }),
      };
    },

    async 'owner/detected'({ site, handle }) {
      const parsed = parseHandleInput(handle, SITES[site].fullAddresses);
      if (!parsed) throw new RangeError(t('notAHandle'));
      const settings = await ctx.readSettings();
      if (settings.accounts[site]?.detected === parsed) return null;
      await ctx.changeSettings((s) => withAccount(s, site, { detected: parsed }));
      return null;
    },

    'settings/get': () => ctx.readSettings(),

    async 'settings/setPicker'({ trigger, pickerShortcut }) {
      const problem = validateTrigger(trigger.trim());
      if (problem) throw new RangeError(problem);
      if (!parseShortcut(pickerShortcut)) throw new RangeError(t('shortcutForm'));
      const picker = { trigger: trigger.trim(), pickerShortcut: pickerShortcut.trim() };
      return ctx.changeSettingsAndRefresh((s) => ({ ...s, ...picker }));
    },

    'settings/setSites': ({ disabledSites }) =>
      ctx.changeSettingsAndRefresh((s) => ({
        ...s,
        disabledSites: SITE_IDS.filter((id) => disabledSites.includes(id)),
      })),

    async 'settings/setSelectors'({ site, overrides }) {
      const defaults = fx.defaultSelectors(site);
      const kept: Record<string, string> = {};
      for (const [name, css] of Object.entries(overrides)) {
        if (!Object.hasOwn(defaults, name)) throw new RangeError(t('unknownSelector', name));
        // Empty or the default itself: no override.
        if (css.trim() && css.trim() !== defaults[name]) kept[name] = css.trim();
      }
      return ctx.changeSettingsAndRefresh((s) => {
        const selectorOverrides = { ...s.selectorOverrides, [site]: kept };
        if (Object.keys(kept).length === 0) delete selectorOverrides[site];
        return { ...s, selectorOverrides };
      });
    },

    async 'settings/setOwner'({ site, handle }) {
      const typed = handle?.trim() ?? '';
      const manual = typed === '' ? null : parseHandleInput(typed, SITES[site].fullAddresses);
      if (typed !== '' && !manual) throw new RangeError(t(SITES[site].fullAddresses ? 'handleFormMastodon' : 'handleForm'));
      // In a team, the brand's handle is the team's (issue 16): its document first, then this browser's.
      await ctx.team.library.setHandle(site, manual);
      return ctx.changeSettingsAndRefresh((s) => withAccount(s, site, { manual }));
    },
  };
}
