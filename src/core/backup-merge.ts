/** Merging an imported file into what is stored: the rule each record follows. */
import type { Backup, ImportMode, Stored } from './backup-format';
import { MAX_INSTANCES } from './instances';
import type { Item, Settings, Snippet } from './types';
import { SITE_IDS } from './types';

/** Of two records of one item, the one whose status changed last, seen over both spans. */
export function mergeItem(mine: Item, theirs: Item): Item {
  const newer = theirs.statusAt > mine.statusAt ? theirs : mine;
  return {
    ...newer,
    firstSeenAt: Math.min(mine.firstSeenAt, theirs.firstSeenAt),
    lastSeenAt: Math.max(mine.lastSeenAt, theirs.lastSeenAt),
  };
}

export function mergeSnippet(mine: Snippet, theirs: Snippet): Snippet {
  const newer = theirs.updatedAt > mine.updatedAt ? theirs : mine;
  const lastUsedAt = Math.max(mine.lastUsedAt ?? 0, theirs.lastUsedAt ?? 0) || null;
  return { ...newer, uses: Math.max(mine.uses, theirs.uses), lastUsedAt };
}

/**
 * What the store holds after an import. Replace: exactly the file. Merge: both, the most recent
 * record of each item and saved reply winning; handles typed here stay, missing ones come from
 * the file; the Mastodon instances of both are kept.
 */
export function applyImport(stored: Stored, backup: Backup, mode: ImportMode): Stored {
  if (mode === 'replace') return { items: backup.items, snippets: backup.snippets, settings: backup.settings };
  const items = new Map(stored.items.map((i) => [i.key, i]));
  for (const item of backup.items) {
    const mine = items.get(item.key);
    items.set(item.key, mine ? mergeItem(mine, item) : item);
  }
  const snippets = new Map(stored.snippets.map((s) => [s.id, s]));
  for (const snippet of backup.snippets) {
    const mine = snippets.get(snippet.id);
    snippets.set(snippet.id, mine ? mergeSnippet(mine, snippet) : snippet);
  }
  const settings = mergeSettings(stored.settings, backup.settings);
  return { items: [...items.values()], snippets: [...snippets.values()], settings };
}

/** The settings after a merge: handles typed here stay, missing ones come from the file; the instances of both. */
export function mergeSettings(mine: Settings, theirs: Settings): Settings {
  const accounts: Settings['accounts'] = { ...theirs.accounts };
  for (const key of SITE_IDS) {
    const here = mine.accounts[key];
    const there = theirs.accounts[key];
    if (here || there) {
      // In the order an account is read from a file and stored, so that merged settings export as read.
      accounts[key] = {
        detected: here?.detected ?? there?.detected ?? null,
        manual: here?.manual ?? there?.manual ?? null,
      };
    }
  }
  return {
    ...mine,
    accounts,
    // The instances of both; access to those new here is asked for in Options (each shows "Allow again").
    mastodonHosts: [...new Set([...mine.mastodonHosts, ...theirs.mastodonHosts])].slice(0, MAX_INSTANCES),
  };
}
