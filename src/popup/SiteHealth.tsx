import { type HealthProblem, healthProblems, type PageHealth } from '../core/health';
import { formatAge } from '../core/time';
import type { SiteId } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';

function describeProblem(problem: HealthProblem, path: string): string {
  switch (problem.kind) {
    case 'noItems':
      return t('healthNoItems', path);
    case 'unreadable':
      return t('healthUnreadable', problem.items, path);
    case 'missing':
      return t('healthMissing', path, problem.parts.join(', '));
    case 'errors':
      return t('healthErrors', problem.parts.join(', '), path);
    case 'refused':
      return t('healthRefused', problem.items, path);
    case 'unrelated':
      return t('healthUnrelated', problem.items, path);
  }
}

/** Sites whose last page did not look as Replyline expects: said plainly, with what failed. */
export function SiteHealth({ health, enabled }: { health: Partial<Record<SiteId, PageHealth>>; enabled: SiteId[] }) {
  const failing = enabled.flatMap((site) => {
    const report = health[site];
    const problems = report ? healthProblems(report) : [];
    return report && problems.length ? [{ site, report, problems }] : [];
  });
  if (failing.length === 0) return null;
  return (
    <div class="notice attention" role="group" aria-label={t('healthLabel')}>
      {failing.map(({ site, report, problems }) => (
        <p key={site} data-site={site}>
          <strong>{t('needsAttentionShort', SITE_NAMES[site])}</strong>
          {' '}
          {problems.map((p) => describeProblem(p, report.path)).join(' ')}
          {' '}
          <span class="muted">{formatAge(report.at, Date.now())}</span>
        </p>
      ))}
      <p class="muted">{t('healthHint')}</p>
    </div>
  );
}
