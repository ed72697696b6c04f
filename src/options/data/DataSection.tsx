import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { FileField } from '../../ui/files';
import { StatusLine, useStatus } from '../../ui/status';
import { Section } from '../Section';
import { BackupPreview, useBackupImport } from './BackupImport';
import { DeleteAll } from './DeleteAll';
import { ExportReminder, Exports, useExportState } from './Exports';
import { TaskProgress, useTasks } from './Task';

/** Everything Replyline keeps: exported to a file, imported from one, or deleted. */
export function DataSection() {
  const [status, report] = useStatus();
  const tasks = useTasks();
  // Counts the changes that may move the last export's date or the log's size: each reads them again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const [exportState, dismiss] = useExportState(changes);
  const backup = useBackupImport(report, tasks, changed);
  return (
    <Section id="data" title={t('dataTitle')} intro={t('dataIntro')}>
      <ExportReminder state={exportState} dismiss={dismiss} />
      <div class="row">
        <Exports tasks={tasks} report={report} onExported={changed} />
        <FileField label={t('importFile')} name="import" accept="application/json,.json" onChange={backup.choose} />
      </div>
      <TaskProgress tasks={tasks} />
      <BackupPreview backup={backup} />
      <DeleteAll report={report} onDeleted={changed} />
      <StatusLine status={status} testId="data-status" />
    </Section>
  );
}
