import { t } from './i18n';
import type { Person, Snippet, SnippetDraft } from './types';

export interface TemplateContext {
  person: Person | null;
  /** The site's name as users read it ("YouTube"), for {site}. */
  site: string | null;
  myName: string | null;
  now: Date;
}

export interface Expanded {
  text: string;
  /** Offset in `text` where {cursor} stood: where the caret should end. */
  cursor: number | null;
  /** Variables the template used that have no value here: shown to the user, never silently dropped. */
  missing: string[];
  unknown: string[];
}

const VARIABLE = /\{([a-z_]+)\}/g;

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? '';
}

/** Fills {name}, {first_name}, {handle}, {site}, {my_name}, {date}, {cursor}. Unknown names stay visible. */
export function expandTemplate(body: string, ctx: TemplateContext): Expanded {
  const missing: string[] = [];
  const unknown: string[] = [];
  const values: Record<string, string | null> = {
    name: ctx.person?.name || null,
    first_name: ctx.person ? firstName(ctx.person.name) || null : null,
    handle: ctx.person ? `@${ctx.person.handle}` : null,
    site: ctx.site,
    my_name: ctx.myName,
    date: ctx.now.toLocaleDateString(),
  };
  let cursor: number | null = null;
  let text = '';
  let last = 0;
  for (const match of body.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    text += body.slice(last, match.index);
    last = match.index + match[0].length;
    if (name === 'cursor') {
      cursor ??= text.length;
      continue;
    }
    if (!(name in values)) {
      if (!unknown.includes(name)) unknown.push(name);
      text += match[0];
      continue;
    }
    const value = values[name];
    if (value === null || value === undefined) {
      if (!missing.includes(name)) missing.push(name);
      continue;
    }
    text += value;
  }
  text += body.slice(last);
  return { text, cursor, missing, unknown };
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Snippets matching every word of the query, best first: an exact shortcut, then title hits,
 * then tag, body hits; ties by use count. An empty query lists all by use.
 */
export function searchSnippets<T extends Snippet>(snippets: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  const byUse = (a: Snippet, b: Snippet) => b.uses - a.uses || a.title.localeCompare(b.title);
  if (words.length === 0) return [...snippets].sort(byUse);
  const scored: { snippet: T; score: number }[] = [];
  for (const snippet of snippets) {
    const title = fold(snippet.title);
    const body = fold(snippet.body);
    const tags = snippet.tags.map(fold).join(' ');
    const shortcut = fold(snippet.shortcut);
    let score = 0;
    let all = true;
    for (const word of words) {
      if (title.includes(word)) score += title.startsWith(word) ? 6 : 4;
      else if (shortcut.includes(word) || tags.includes(word)) score += 3;
      else if (body.includes(word)) score += 1;
      else all = false;
    }
    if (!all) continue;
    if (shortcut && shortcut === fold(query.trim())) score += 100;
    scored.push({ snippet, score });
  }
  return scored.sort((a, b) => b.score - a.score || byUse(a.snippet, b.snippet)).map((s) => s.snippet);
}

/** The bounds of a saved reply: the editor, a CSV import, a backup and the message checks share them. */
export const SNIPPET_LIMITS = { title: 200, body: 10_000, tags: 20, tag: 50, shortcut: 50 } as const;

export function validateSnippetDraft(draft: Omit<SnippetDraft, 'id'>): string | null {
  const L = SNIPPET_LIMITS;
  if (!draft.title.trim()) return t('snippetNoTitle');
  if (!draft.body.trim()) return t('snippetNoText');
  if (draft.title.length > L.title) return t('snippetTitleLong');
  if (draft.body.length > L.body) return t('snippetTextLong');
  if (draft.tags.length > L.tags || draft.tags.some((tag) => tag.length > L.tag)) return t('snippetTagsLong');
  if (draft.shortcut.length > L.shortcut) return t('snippetShortcutLong');
  return null;
}

export type SnippetOrder = 'uses' | 'recent' | 'title' | 'newest';

/** The manager's orders: most used, most recently used, by title, most recently added. */
export function sortSnippets<T extends Snippet>(snippets: readonly T[], order: SnippetOrder): T[] {
  const byTitle = (a: Snippet, b: Snippet) => a.title.localeCompare(b.title);
  const compare: Record<SnippetOrder, (a: Snippet, b: Snippet) => number> = {
    uses: (a, b) => b.uses - a.uses || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) || byTitle(a, b),
    recent: (a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || byTitle(a, b),
    title: byTitle,
    newest: (a, b) => b.createdAt - a.createdAt || byTitle(a, b),
  };
  return [...snippets].sort(compare[order]);
}

/** The draft of a copy: same text, tags and no shortcut (two replies cannot share one), " (copy)" added. */
export function duplicateDraft(snippet: Snippet, copyTitle: (title: string) => string): SnippetDraft {
  return { id: null, title: copyTitle(snippet.title).slice(0, SNIPPET_LIMITS.title), body: snippet.body, tags: [...snippet.tags], shortcut: '' };
}
