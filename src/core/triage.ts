import type { Item, ItemKind, ItemStatus, SiteId } from './types';

export type Label = 'question' | 'complaint';

const COMPLAINT = new RegExp(
  [
    'not working',
    'doesn[’\']?t work',
    'does not work',
    'can[’\']?t (?:log|sign|get|find|use|access)',
    'broken',
    'refund',
    'worst',
    'terrible',
    'awful',
    'disappoint',
    'frustrat',
    'annoy',
    'unacceptable',
    'scam',
    'bug',
    'crash',
    'still waiting',
    'no one (?:answers|replies|responds)',
    'charged twice',
    'cancel my',
  ].join('|'),
  'iu',
);

const QUESTION_START = /^(?:how|what|when|where|why|who|which|can|could|does|do|is|are|will|would|should|any)\b/iu;

/** Local rules, no server: a question asks something, a complaint says something went wrong. */
export function labelsFor(text: string): Label[] {
  const labels: Label[] = [];
  const sentences = text.split(/(?<=[.!?])\s+|\n+/u).map((s) => s.trim());
  if (text.includes('?') || sentences.some((s) => QUESTION_START.test(s.replace(/^@\S+\s+/u, '')))) {
    labels.push('question');
  }
  if (COMPLAINT.test(text)) labels.push('complaint');
  return labels;
}

export interface ItemFilter {
  status: ItemStatus;
  site: SiteId | 'all';
  kind: ItemKind | 'all';
  label: Label | 'all';
  query: string;
  order: 'oldest' | 'newest';
}

export const DEFAULT_FILTER: ItemFilter = {
  status: 'pending',
  site: 'all',
  kind: 'all',
  label: 'all',
  query: '',
  order: 'oldest',
};

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The items a view shows, in its order: all filters at once, search over author and text. */
export function filterItems(items: readonly Item[], filter: ItemFilter): Item[] {
  const words = fold(filter.query).split(/\s+/u).filter(Boolean);
  const shown = items.filter((item) => {
    if (item.status !== filter.status) return false;
    if (filter.site !== 'all' && item.site !== filter.site) return false;
    if (filter.kind !== 'all' && item.kind !== filter.kind) return false;
    if (filter.label !== 'all' && !labelsFor(item.text).includes(filter.label)) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${item.author.name} ${item.author.handle} ${item.text}`);
    return words.every((w) => haystack.includes(w));
  });
  const time = (i: Item) => (filter.status === 'pending' ? i.sortAt : i.statusAt);
  return shown.sort((a, b) => (filter.order === 'oldest' ? time(a) - time(b) : time(b) - time(a)));
}

export interface SnoozeChoice {
  id: 'hour' | 'evening' | 'tomorrow' | 'nextWeek';
  until: number;
}

/** `days` from `now` at `hour` o'clock, local time. */
function dayAt(now: Date, days: number, hour: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

/** Tomorrow at 9, what "Snooze until tomorrow" means everywhere. */
export const tomorrowMorning = (now: Date): number => dayAt(now, 1, 9);

/** When a snoozed item should come back: an hour, this evening, tomorrow morning, next Monday. */
export function snoozeChoices(now: Date): SnoozeChoice[] {
  const at = (days: number, hour: number) => dayAt(now, days, hour);
  const choices: SnoozeChoice[] = [{ id: 'hour', until: now.getTime() + 3_600_000 }];
  if (now.getHours() < 17) choices.push({ id: 'evening', until: at(0, 18) });
  choices.push({ id: 'tomorrow', until: tomorrowMorning(now) });
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  choices.push({ id: 'nextWeek', until: at(toMonday, 9) });
  return choices;
}

export type Row =
  | { type: 'group'; id: string; site: SiteId; keys: string[] }
  | { type: 'item'; item: Item; grouped: boolean };

/**
 * The list's rows: when several items come from one conversation they follow each other under a
 * header, placed where the first of them falls in the list's order. Single items stay as they are.
 */
export function groupRows(items: readonly Item[]): Row[] {
  const byThread = new Map<string, Item[]>();
  for (const item of items) {
    const id = `${item.site}:${item.thread || item.key}`;
    const members = byThread.get(id);
    if (members) members.push(item);
    else byThread.set(id, [item]);
  }
  const rows: Row[] = [];
  for (const [id, members] of byThread) {
    const first = members[0]!;
    if (members.length === 1) {
      rows.push({ type: 'item', item: first, grouped: false });
      continue;
    }
    rows.push({ type: 'group', id, site: first.site, keys: members.map((m) => m.key) });
    for (const item of members) rows.push({ type: 'item', item, grouped: true });
  }
  return rows;
}
