/**
 * The log as CSV, for the spreadsheets a marketer reports in: a row a comment, written a page at a
 * time as the log is read. Cells a spreadsheet would run as a formula are kept as text (csvCell).
 */
import { csvCell } from './csv';
import type { Item } from './types';
import { SITE_NAMES } from './types';

export const LOG_CSV_COLUMNS = [
  'site',
  'author',
  'handle',
  'text',
  'permalink',
  'status',
  'first_seen',
  'answered_at',
  'answered_how',
] as const;

const time = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

function row(item: Item): string {
  return [
    SITE_NAMES[item.site],
    item.author.name,
    item.author.handle,
    item.text,
    item.url,
    item.status,
    time(item.firstSeenAt),
    time(item.answeredAt),
    item.answeredVia ?? '',
  ]
    .map(csvCell)
    .join(',');
}

/** The header, after a byte-order mark so that spreadsheets read UTF-8. */
export function logCsvHead(): string {
  return `\uFEFF${LOG_CSV_COLUMNS.join(',')}\r\n`;
}

/** A page of the log's rows, each ending in CRLF as RFC 4180 asks. */
export function logCsvRows(items: readonly Item[]): string {
  let text = '';
  for (const item of items) text += `${row(item)}\r\n`;
  return text;
}
