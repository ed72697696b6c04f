import { useState } from 'preact/hooks';
import { backupSizeProblem, type BackupSummary, type ImportMode, refusal } from '../../core/backup';
import { Refusal } from '../../core/backup-read';
import type { SiteId } from '../../core/types';
import { SITE_NAMES } from '../../core/types';
import { plural, t } from '../../core/i18n';
import { SITES } from '../../core/sites';
import { send } from '../../ui/api';
import { ImportPreview, pickedFile } from '../../ui/files';
import type { Reporter } from '../../ui/status';
import { type FileImported, importFile, type Preview, previewFile } from '../../background/import-file';
import { importFailureText, withPageDb } from '../../background/importer';
import { Cancelled, type TaskControl, type Tasks } from './Task';

/** The selectors an override in a backup may name: those of the site's adapter. */
const selectorNames = (site: SiteId) => Object.keys(SITES[site].selectors);

function describeSummary(summary: BackupSummary): string {
  const sites = summary.sites.map((s) => SITE_NAMES[s]).join(', ') || '—';
  const when = summary.exportedAt ? new Date(summary.exportedAt).toLocaleString() : '—';
  return t('backupSummary', summary.items, summary.pending, sites, summary.snippets, when);
}

/** Why a step of an import failed, in the user's words: the file's problem, a cancel, or the browser's failure. */
function failureText(error: unknown): string {
  if (error instanceof Refusal) return t('nothingChanged', refusal(error).error);
  if (error instanceof Cancelled) return t('nothingChanged', t('importCancelled'));
  return t('nothingChanged', importFailureText(error));
}

type Chosen = { name: string; file: File; preview: Preview };

export interface BackupImport {
  /** The file read and checked, waiting to be imported; null when none is. */
  file: Chosen | null;
  mode: ImportMode;
  setMode: (mode: ImportMode) => void;
  busy: boolean;
  choose: (event: Event) => Promise<void>;
  importChosen: () => Promise<void>;
  cancel: () => void;
}

/**
 * A backup file from its choice to its import, each step said on the data section's line. The
 * page reads and writes the file itself (no message carries it), streaming it twice: to check and
 * preview it, then to write it in one transaction; then it tells the worker, which makes the
 * toolbar and open pages follow.
 */
export function useBackupImport(report: Reporter, tasks: Tasks, onImported: () => void): BackupImport {
  const [file, setFile] = useState<Chosen | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const control = (c: TaskControl) => ({ ...c, selectorNames, now: Date.now() });

  const choose = async (event: Event) => {
    const { input, file: picked } = pickedFile(event);
    setFile(null);
    if (!picked) return;
    const fail = (text: string) => {
      report.error(text);
      input.value = '';
    };
    // The size is known before the file is read: a larger one is never loaded.
    const tooLarge = backupSizeProblem(picked.size);
    if (tooLarge) return fail(t('nothingChanged', tooLarge));
    const task = tasks.run(t('readingBackup'), (c) => withPageDb((db) => previewFile(db, picked, control(c))));
    if (!task) return;
    report.clear();
    try {
      setFile({ name: picked.name, file: picked, preview: await task });
    }
    catch (error) {
      fail(failureText(error));
    }
  };

  const importChosen = async () => {
    if (!file) return;
    const task = tasks.run(t('importing'), (c) => withPageDb((db) => importFile(db, file.file, mode, control(c))));
    if (!task) return;
    let done: FileImported;
    try {
      done = await task;
    }
    catch (error) {
      return report.error(failureText(error));
    }
    setFile(null);
    onImported();
    const said = t(mode === 'merge' ? 'importMerged' : 'importReplaced', describeSummary(file.preview.summary));
    await report.attempt(async () => {
      await send('data/imported', done.imported);
      report.success(said);
    }, (text) => t('importedNotFollowed', said, text));
  };

  return { file, mode, setMode, busy: tasks.running !== null, choose, importChosen, cancel: () => setFile(null) };
}

/** What the chosen backup holds, what it leaves out, and what each way of importing it would do. */
export function BackupPreview({ backup }: { backup: BackupImport }) {
  const { file, mode, setMode, busy } = backup;
  if (!file) return null;
  const { preview } = file;
  return (
    <ImportPreview
      label={t('importPreview')}
      name={file.name}
      summary={describeSummary(preview.summary)}
      confirm={t('import')}
      busy={busy}
      onConfirm={() => void backup.importChosen()}
      onCancel={backup.cancel}
    >
      {preview.summary.dropped > 0 && (
        <p class="muted" data-testid="import-dropped">
          {plural(preview.summary.dropped, 'backupDroppedOne', 'backupDroppedMany')}
        </p>
      )}
      <fieldset>
        <legend>{t('importHow')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {' '}
          {t('importMergeLabel')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          {' '}
          {t('importReplaceLabel')}
        </label>
      </fieldset>
      <p data-testid="import-effect">
        {mode === 'merge'
          ? t('importMergeCounts', preview.items.added, preview.items.updated, preview.snippets.added, preview.snippets.updated)
          : t('importReplaceCounts', preview.storedItems, preview.storedSnippets)}
      </p>
    </ImportPreview>
  );
}
