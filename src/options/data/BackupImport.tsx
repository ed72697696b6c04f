import { useState } from 'preact/hooks';
import { type Backup, backupSizeProblem, type BackupSummary, type ImportMode, parseBackup } from '../../core/backup';
import type { SiteId } from '../../core/types';
import { SITE_NAMES } from '../../core/types';
import { plural, t } from '../../core/i18n';
import { SITES } from '../../core/sites';
import { send } from '../../ui/api';
import { ImportPreview, pickedFile } from '../../ui/files';
import type { Reporter } from '../../ui/status';
import { importFromPage, importFailureText, type Imported } from '../../background/importer';

/** The selectors an override in a backup may name: those of the site's adapter. */
const selectorNames = (site: SiteId) => Object.keys(SITES[site].selectors);

function describeSummary(summary: BackupSummary): string {
  const sites = summary.sites.map((s) => SITE_NAMES[s]).join(', ') || '—';
  const when = summary.exportedAt ? new Date(summary.exportedAt).toLocaleString() : '—';
  return t('backupSummary', summary.items, summary.pending, sites, summary.snippets, when);
}

type Chosen = { name: string; backup: Backup; summary: BackupSummary };

export interface BackupImport {
  /** The file read and checked, waiting to be imported; null when none is. */
  file: Chosen | null;
  mode: ImportMode;
  setMode: (mode: ImportMode) => void;
  busy: boolean;
  choose: (event: Event) => Promise<void>;
  importFile: () => Promise<void>;
  cancel: () => void;
}

/** A backup file from its choice to its import, each step said on the data section's line. */
export function useBackupImport(report: Reporter): BackupImport {
  const [file, setFile] = useState<Chosen | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [busy, setBusy] = useState(false);

  const choose = async (event: Event) => {
    const { input, file: picked } = pickedFile(event);
    setFile(null);
    if (!picked) return;
    const refuse = (problem: string) => {
      report.error(t('nothingChanged', problem));
      input.value = '';
    };
    // The size is known before the file is read: a larger one is never loaded.
    const tooLarge = backupSizeProblem(picked.size);
    if (tooLarge) return refuse(tooLarge);
    const parsed = parseBackup(await picked.text(), { selectorNames, now: Date.now() });
    if (!parsed.ok) return refuse(parsed.error);
    setFile({ name: picked.name, backup: parsed.backup, summary: parsed.summary });
    report.clear();
  };

  /**
   * The page writes the import itself, in one transaction (a file up to the size limit never
   * travels in a message), then tells the worker, which makes the toolbar and open pages follow.
   */
  const importFile = async () => {
    if (!file || busy) return;
    setBusy(true);
    let imported: Imported;
    try {
      imported = await importFromPage(file.backup, mode);
    }
    catch (e) {
      report.error(t('nothingChanged', importFailureText(e)));
      setBusy(false);
      return;
    }
    setFile(null);
    const done = t(mode === 'merge' ? 'importMerged' : 'importReplaced', describeSummary(file.summary));
    await report.attempt(async () => {
      await send('data/imported', imported);
      report.success(done);
    }, (text) => t('importedNotFollowed', done, text));
    setBusy(false);
  };

  return { file, mode, setMode, busy, choose, importFile, cancel: () => setFile(null) };
}

/** What the chosen backup holds, what it leaves out, and how it is to be imported. */
export function BackupPreview({ backup }: { backup: BackupImport }) {
  const { file, mode, setMode, busy } = backup;
  if (!file) return null;
  return (
    <ImportPreview
      label={t('importPreview')}
      name={file.name}
      summary={describeSummary(file.summary)}
      confirm={t('import')}
      busy={busy}
      onConfirm={() => void backup.importFile()}
      onCancel={backup.cancel}
    >
      {file.summary.dropped > 0 && (
        <p class="muted" data-testid="import-dropped">
          {plural(file.summary.dropped, 'backupDroppedOne', 'backupDroppedMany')}
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
    </ImportPreview>
  );
}
