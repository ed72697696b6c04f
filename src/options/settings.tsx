/**
 * The settings, fetched once for the whole options page and shared by its sections; a section that
 * saves hands back the settings the background answered with, and every section shows them.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Settings } from '../core/types';
import { errorText, send } from '../ui/api';
import type { Status } from '../ui/status';

export interface SettingsState {
  /** Null until the background answers. */
  settings: Settings | null;
  /** Why they could not be read, for the status line of each section that needs them; null if they could. */
  failure: Status;
  saved: (settings: Settings) => void;
}

const SettingsContext = createContext<SettingsState>({ settings: null, failure: null, saved: () => undefined });

export function SettingsProvider({ children }: { children: ComponentChildren }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<Status>(null);
  useEffect(() => {
    send('settings/get', {}).then(setSettings, (e) => setFailure({ text: errorText(e), tone: 'error' }));
  }, []);
  const state = useMemo(() => ({ settings, failure, saved: setSettings }), [settings, failure]);
  return <SettingsContext.Provider value={state}>{children}</SettingsContext.Provider>;
}

export const useSettings = () => useContext(SettingsContext);
