/** What a view shows before its data comes, and when it has none. */
import type { ComponentChildren } from 'preact';
import { t } from '../core/i18n';

export function Loading() {
  return <p class="muted">{t('loading')}</p>;
}

/** A line in bold, then what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
