/** When Options reminds the user to export: the log is worth keeping and its last copy is old. */

/** What is kept about exports, beside the settings: when the last was made, and when the reminder was put away. */
export interface ExportLog {
  lastExportAt: number | null;
  dismissedAt: number | null;
}

export const NO_EXPORT: ExportLog = { lastExportAt: null, dismissedAt: null };

const DAY = 24 * 60 * 60 * 1000;
/** A copy older than this is old. */
export const REMIND_AFTER_MS = 30 * DAY;
/** A log of no more than this many comments is quickly collected again: no reminder. */
export const REMIND_FROM_ITEMS = 300;

/**
 * Whether to remind: more than REMIND_FROM_ITEMS comments, and neither an export nor the reminder's
 * dismissal in the last 30 days (a dismissed reminder comes back 30 days later).
 */
export function exportReminderDue(log: ExportLog, items: number, now: number): boolean {
  if (items <= REMIND_FROM_ITEMS) return false;
  const latest = Math.max(log.lastExportAt ?? -Infinity, log.dismissedAt ?? -Infinity);
  return now - latest > REMIND_AFTER_MS;
}

/** A stored value read as an export log: anything else (nothing stored yet) is none. */
export function exportLogFrom(value: unknown): ExportLog {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { lastExportAt: time(record.lastExportAt), dismissedAt: time(record.dismissedAt) };
}
