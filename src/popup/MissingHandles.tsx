import type { Settings, SiteId } from '../core/types';
import { ownerHandle, SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { openOptions } from '../ui/api';

/** The sites in use where Replyline does not know the user's handle yet, and where to set it. */
export function MissingHandles({ settings, enabled }: { settings: Settings | null; enabled: SiteId[] }) {
  const missing = settings ? enabled.filter((s) => !ownerHandle(settings, s)) : [];
  if (missing.length === 0) return null;
  // One line: a few sites by name, more by their number; the text gives way (…) before the link does.
  const text = missing.length > 2 ? t('needHandleMany', missing.length) : t('needHandle', missing.map((s) => SITE_NAMES[s]).join(', '));
  return (
    <p class="notice line">
      <span title={text}>{text}</span>
      {' '}
      <button type="button" class="link" onClick={openOptions}>
        {t('setHandles')}
      </button>
    </p>
  );
}
