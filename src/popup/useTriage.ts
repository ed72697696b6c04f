import { useState } from 'preact/hooks';
import type { Item } from '../core/types';
import type { ItemAction, TeamMembers } from '../shared/protocol';
import { errorText, send } from '../ui/api';
import { type Status, useStatus } from '../ui/status';

/** The comments view's own state: the comments selected, the one whose snooze menu is open, and what was last done. */
export interface Triage {
  selected: Set<string>;
  /** The key of the comment whose snooze menu is open; null when none is. */
  snoozing: string | null;
  setSnoozing: (key: string | null) => void;
  /** Said in the view's status line, without a tone. */
  message: Status;
  /** Selects or unselects these comments, leaving the others as they are. */
  toggle: (keys: string[], on: boolean) => void;
  /** Selects exactly these comments. */
  select: (keys: string[]) => void;
  /** Acts on the comments, says `done`, then unselects them, closes the snooze menu and lists the comments again. */
  run: (keys: string[], action: ItemAction, done: string) => Promise<void>;
  /** Opens the comment's page, and closes the popup. */
  open: (item: Item) => Promise<void>;
  /** Runs a step; what it throws is said in the view's status line. */
  attempt: (step: () => Promise<void>) => Promise<void>;
  /** Oneself and the team's members (me null: no team, no assignment). */
  team: TeamMembers;
  /** The key of the comment whose "Assign to…" menu is open; null when none is. */
  assigning: string | null;
  setAssigning: (key: string | null) => void;
  /** Assigns a comment to a member (null: unassigns it), says `done`, and lists the comments again. */
  assign: (key: string, to: string | null, done: string) => Promise<void>;
}

/** The most keys one items/actMany takes (its check): a larger selection goes in turns. */
const ACT_BATCH = 5000;

export function useTriage(reload: () => Promise<void>, team: TeamMembers): Triage {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [message, report] = useStatus();
  /** The view says what failed as it says what was done: in the browser's words, without a tone. */
  const attempt = async (step: () => Promise<void>) => {
    try {
      await step();
    }
    catch (e) {
      report.note(errorText(e));
    }
  };
  const run = (keys: string[], action: ItemAction, done: string) =>
    attempt(async () => {
      if (keys.length === 1) await send('items/act', { key: keys[0]!, ...action });
      for (let at = 0; keys.length > 1 && at < keys.length; at += ACT_BATCH) {
        await send('items/actMany', { keys: keys.slice(at, at + ACT_BATCH), ...action });
      }
      report.note(done);
      setSelected(new Set());
      setSnoozing(null);
      await reload();
    });
  const open = (item: Item) =>
    attempt(async () => {
      await send('tabs/open', { url: item.url });
      window.close();
    });
  const toggle = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    setSelected(next);
  };
  const select = (keys: string[]) => setSelected(new Set(keys));
  const assign = (key: string, to: string | null, done: string) =>
    attempt(async () => {
      await send('items/assign', { key, to });
      report.note(done);
      setAssigning(null);
      await reload();
    });
  return {
    selected, snoozing, setSnoozing, message, toggle, select, run, open, attempt, team, assigning, setAssigning, assign,
  };
}
