import type { Item, ItemKind, ItemStatus, SiteId } from './types';

export type Label = 'question' | 'complaint';

/** Words of a complaint; the expression is made on first use (a page's script that never labels carries none of it). */
const COMPLAINT_WORDS = [
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
];
let complaint: RegExp | undefined;

const QUESTION_START = /^(?:how|what|when|where|why|who|which|can|could|does|do|is|are|will|would|should|any)\b/iu;

/** Local rules, no server: a question asks something, a complaint says something went wrong. */
export function labelsFor(text: string): Label[] {
  const labels: Label[] = [];
  const sentences = text.split(/(?<=[.!?])\s+|\n+/u).map((s) => s.trim());
  if (text.includes('?') || sentences.some((s) => QUESTION_START.test(s.replace(/^@\S+\s+/u, '')))) {
    labels.push('question');
  }
  complaint ??= new RegExp(COMPLAINT_WORDS.join('|'), 'iu');
  if (complaint.test(text)) labels.push('complaint');
  return labels;
}

export interface ItemFilter {
  status: ItemStatus;
  site: SiteId | 'all';
  kind: ItemKind | 'all';
  label: Label | 'all';
  query: string;
  order: 'oldest' | 'newest';
  /** In a team: any comment, those assigned to oneself, or those assigned to nobody. */
  assigned: 'all' | 'mine' | 'none';
}

export const DEFAULT_FILTER: ItemFilter = {
  status: 'pending',
  site: 'all',
  kind: 'all',
  label: 'all',
  query: '',
  order: 'oldest',
  assigned: 'all',
};

/** Text as the search compares it: accents aside, lower case. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** What a search looks for: each word of the query, folded. An item matches when its text holds them all. */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/u).filter(Boolean);
}

/** The text a search runs over: the author's name and handle, and the item's text, folded. */
export const searchText = (item: Pick<Item, 'author' | 'text'>): string =>
  fold(`${item.author.name} ${item.author.handle} ${item.text}`);

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

/** What grouping needs of an item: its key, and its conversation on its site. */
export type Groupable = Pick<Item, 'key' | 'site' | 'thread'>;

/** The conversation an item belongs to, as the list groups it (an item without one is its own). */
export const groupId = (item: Groupable): string => `${item.site}:${item.thread || item.key}`;
