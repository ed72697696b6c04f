/** Exporting the log: the backup file and the CSV, each written by this page a page of the log at a time. */
import { useEffect, useState } from 'preact/hooks';
import { exportReminderDue } from '../../core/backup-reminder';
import { t } from '../../core/i18n';
import { type Exported, exportBackup, exportLogCsv } from '../../background/exporter';
import { changeExportLog, type ExportState, readExportState } from '../../background/export-log';
import { withPageDb } from '../../background/importer';
import type { Reporter } from '../../ui/status';
import { Cancelled, type Tasks } from './Task';

/** Saves a file through the browser's download (no permission needed from a page of ours). */
function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own reference to the data by then; a minute leaves room for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The last export and how large the log is, read again whenever `version` changes. */
export function useExportState(version: number): [ExportState | null, () => Promise<void>] {
  const [state, setState] = useState<ExportState | null>(null);
  useEffect(() => {
    let live = true;
    withPageDb(readExportState).then((read) => live && setState(read), (error) => console.error('Replyline: export state', error));
    return () => {
      live = false;
    };
  }, [version]);
  const dismiss = async () => {
    const log = await withPageDb((db) => changeExportLog(db, (l) => ({ ...l, dismissedAt: Date.now() })));
    setState((s) => s && { ...s, log });
  };
  return [state, dismiss];
}

interface ExportsProps {
  tasks: Tasks;
  report: Reporter;
  /** Called once a backup was saved: the last export's date changed. */
  onExported: () => void;
}

/** The two export buttons. */
export function Exports({ tasks, report, onExported }: ExportsProps) {
  const exportAs = async (kind: 'backup' | 'csv') => {
    const now = new Date();
    const write = kind === 'backup' ? exportBackup : exportLogCsv;
    const task = tasks.run(t('exporting'), (control) => withPageDb((db) => write(db, now, control)));
    if (!task) return;
    let out: Exported;
    try {
      out = await task;
    }
    catch (error) {
      if (error instanceof Cancelled) return report.note(t('exportCancelled'));
      console.error('Replyline: the export could not be read', error);
      return report.error(t('exportReadFailed'));
    }
    const day = out.exportedAt.slice(0, 10);
    if (kind === 'csv') {
      save(`replyline-comments-${day}.csv`, out.blob);
      return report.success(t('exportedCsv', out.items));
    }
    save(`replyline-backup-${day}.json`, out.blob);
    report.success(t('exported', out.items, out.snippets));
    await withPageDb((db) => changeExportLog(db, (log) => ({ ...log, lastExportAt: now.getTime() }))).catch((error) =>
      console.error('Replyline: the export date could not be kept', error),
    );
    onExported();
  };
  const busy = tasks.running !== null;
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void exportAs('backup')}>
        {t('exportEverything')}
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
        {t('exportLogCsv')}
      </button>
    </>
  );
}

/** The last export's date, and the reminder to export when it is due (put away for 30 days by its button). */
export function ExportReminder({ state, dismiss }: { state: ExportState | null; dismiss: () => Promise<void> }) {
  if (!state) return null;
  const { lastExportAt } = state.log;
  const due = exportReminderDue(state.log, state.items, Date.now());
  return (
    <>
      <p class="muted" data-testid="last-export">
        {lastExportAt === null ? t('neverExported') : t('lastExport', new Date(lastExportAt).toLocaleDateString())}
      </p>
      {due && (
        <div class="row export-reminder" role="note" data-testid="export-reminder">
          <span>{t('exportReminder', state.items)}</span>
          <button type="button" onClick={() => void dismiss()}>
            {t('exportReminderDismiss')}
          </button>
        </div>
      )}
    </>
  );
}
