/**
 * Saved replies as CSV (RFC 4180): a spreadsheet can edit them, and other tools' exports come in.
 * Cells that a spreadsheet would run as a formula are written with a leading apostrophe, and read back without it.
 */
import { t } from './i18n';
import { validateSnippetDraft } from './snippets';
import type { Snippet, SnippetDraft } from './types';

/** The most saved replies one CSV file may add. */
export const MAX_IMPORTED_SNIPPETS = 2000;

export const CSV_COLUMNS = ['title', 'body', 'tags', 'shortcut', 'uses', 'last_used'] as const;

/** Header names other tools use for the same columns. */
const ALIASES: Record<string, 'title' | 'body' | 'tags' | 'shortcut'> = {
  title: 'title',
  name: 'title',
  body: 'body',
  text: 'body',
  content: 'body',
  message: 'body',
  tags: 'tags',
  tag: 'tags',
  labels: 'tags',
  shortcut: 'shortcut',
  abbreviation: 'shortcut',
  keyword: 'shortcut',
};

const FORMULA = /^[=+\-@\t\r]/u;

/** One cell: quoted where it must be, and a formula's first character escaped with an apostrophe. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function snippetsToCsv(snippets: readonly Snippet[]): string {
  const rows = snippets.map((s) =>
    [s.title, s.body, s.tags.join(', '), s.shortcut, String(s.uses), s.lastUsedAt ? new Date(s.lastUsedAt).toISOString() : '']
      .map(csvCell)
      .join(','),
  );
  // CRLF as RFC 4180 asks, and a byte-order mark so that spreadsheets read UTF-8.
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export type CsvError = { line: number; message: string };

/** Splits CSV text into rows of cells; quotes may hold commas, quotes and line breaks. */
export function parseCsvRows(text: string): { rows: string[][] } | { error: CsvError } {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endCell = () => {
    row.push(value);
    value = '';
    afterQuote = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i++;
        }
        else {
          quoted = false;
          afterQuote = true;
        }
      }
      else {
        if (ch === '\n') line++;
        value += ch;
      }
      continue;
    }
    if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
      line++;
    }
    else if (ch === '"' && value === '' && !afterQuote) quoted = true;
    else if (afterQuote) return { error: { line, message: t('csvAfterQuote') } };
    else value += ch;
  }
  if (quoted) return { error: { line, message: t('csvOpenQuote') } };
  if (value !== '' || afterQuote || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return { rows: rows.filter((r) => r.some((c) => c.trim() !== '')) };
}

function unformula(value: string): string {
  return value.startsWith('\'') && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

export type CsvImport = { ok: true; drafts: SnippetDraft[] } | { ok: false; error: string };

/** Reads saved replies from CSV with a header row naming at least a title and a body column. */
export function parseSnippetCsv(text: string): CsvImport {
  const parsed = parseCsvRows(text);
  if ('error' in parsed) return { ok: false, error: t('csvLineProblem', parsed.error.line, parsed.error.message) };
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, error: t('csvEmpty') };
  const columns = header.map((h) => ALIASES[h.trim().toLowerCase()] ?? null);
  const at = (name: string) => columns.indexOf(name as never);
  if (at('title') < 0 || at('body') < 0) {
    return { ok: false, error: t('csvNoHeader') };
  }
  if (rows.length === 0) return { ok: false, error: t('csvNoRows') };
  if (rows.length > MAX_IMPORTED_SNIPPETS) {
    return { ok: false, error: t('csvTooMany', rows.length, MAX_IMPORTED_SNIPPETS) };
  }
  const drafts: SnippetDraft[] = [];
  for (const [n, row] of rows.entries()) {
    const get = (name: string) => unformula(row[at(name)] ?? '');
    const draft: SnippetDraft = {
      id: null,
      title: get('title').trim(),
      body: get('body'),
      tags: at('tags') < 0 ? [] : [...new Set(get('tags').split(/[,;]/u).map((t) => t.trim()).filter(Boolean))],
      shortcut: at('shortcut') < 0 ? '' : get('shortcut').trim(),
    };
    const problem = validateSnippetDraft(draft);
    if (problem) return { ok: false, error: t('snippetRowProblem', n + 1, problem) };
    drafts.push(draft);
  }
  return { ok: true, drafts };
}
