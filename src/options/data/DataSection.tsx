import { t } from '../../core/i18n';
import { download, send } from '../../ui/api';
import { FileField } from '../../ui/files';
import { StatusLine, useStatus } from '../../ui/status';
import { Section } from '../Section';
import { BackupPreview, useBackupImport } from './BackupImport';
import { DeleteAll } from './DeleteAll';

/** Everything Replyline keeps: exported to a file, imported from one, or deleted. */
export function DataSection() {
  const [status, report] = useStatus();
  const backup = useBackupImport(report);
  const exportAll = () =>
    report.attempt(async () => {
      const exported = await send('data/export', {});
      download(`replyline-backup-${exported.exportedAt.slice(0, 10)}.json`, JSON.stringify(exported), 'application/json');
      report.success(t('exported', exported.items.length, exported.snippets.length));
    });
  return (
    <Section id="data" title={t('dataTitle')} intro={t('dataIntro')}>
      <div class="row">
        <button type="button" onClick={() => void exportAll()}>
          {t('exportEverything')}
        </button>
        <FileField label={t('importFile')} name="import" accept="application/json,.json" onChange={backup.choose} />
      </div>
      <BackupPreview backup={backup} />
      <DeleteAll report={report} />
      <StatusLine status={status} testId="data-status" />
    </Section>
  );
}
