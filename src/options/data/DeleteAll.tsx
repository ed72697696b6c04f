import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { send } from '../../ui/api';
import type { Reporter } from '../../ui/status';

/** Deleting everything Replyline keeps, asked twice. */
export function DeleteAll({ report, onDeleted }: { report: Reporter; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const clearAll = () =>
    report.attempt(async () => {
      await send('data/clear', { confirm: 'delete everything' });
      setConfirming(false);
      onDeleted();
      report.success(t('allDeleted'));
    });
  return (
    <div class="row danger-zone">
      {confirming
        ? (
            <>
              <span>{t('deleteAllQuestion')}</span>
              <button type="button" class="danger" onClick={() => void clearAll()}>
                {t('deleteEverything')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('keepMyData')}
              </button>
            </>
          )
        : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('deleteAllData')}
            </button>
          )}
    </div>
  );
}
