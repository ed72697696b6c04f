import { useEffect, useState } from 'preact/hooks';
import { formatDuration, type Stats } from '../core/stats';
import { SITE_IDS, SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { send } from '../ui/api';
import { StatusLine, useStatus } from '../ui/status';

const WIDTH = 360;
const HEIGHT = 90;

/** The stats, computed by the worker from the whole log. */
export function StatsView() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [failure, report] = useStatus();
  useEffect(() => void report.attempt(async () => setStats(await send('items/stats', {}))), [report]);
  if (!stats) return failure ? <StatusLine role="alert" status={failure} /> : <p class="muted">{t('loading')}</p>;
  const max = Math.max(1, ...stats.answeredPerDay.map((d) => d.count));
  const total = stats.answeredPerDay.reduce((sum, d) => sum + d.count, 0);
  const bar = WIDTH / stats.answeredPerDay.length;
  return (
    <div class="stats">
      <p>
        {t('oldestWaiting')}
        {' '}
        <strong>{stats.oldestPending === null ? t('none') : formatDuration(stats.oldestPending)}</strong>
      </p>
      <table>
        <caption>{t('responseTimeCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statsSite')}</th>
            <th scope="col">{t('statsWeekMedian')}</th>
            <th scope="col">{t('statsP90')}</th>
            <th scope="col">{t('statsMonthMedian')}</th>
            <th scope="col">{t('statsP90')}</th>
          </tr>
        </thead>
        <tbody>
          {SITE_IDS.map((site) => {
            const { week, month } = stats.perSite[site];
            return (
              <tr key={site}>
                <th scope="row">{SITE_NAMES[site]}</th>
                <td>{formatDuration(week.median)}</td>
                <td>{formatDuration(week.p90)}</td>
                <td>{formatDuration(month.median)}</td>
                <td>{formatDuration(month.p90)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <figure>
        <figcaption>{t('answeredPerDay', stats.answeredPerDay.length, total)}</figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`}
          width="100%"
          role="img"
          aria-label={stats.answeredPerDay.map((d) => `${d.day}: ${d.count}`).join(', ')}
        >
          {stats.answeredPerDay.map((d, i) => {
            const h = (d.count / max) * HEIGHT;
            return (
              <g key={d.day}>
                <rect x={i * bar + 2} y={HEIGHT - h} width={bar - 4} height={Math.max(h, 1)} rx="2" class="bar">
                  <title>{`${d.day}: ${d.count}`}</title>
                </rect>
                {i % 2 === 0 && (
                  <text x={i * bar + bar / 2} y={HEIGHT + 12} text-anchor="middle" class="axis">
                    {d.day.slice(8)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </figure>
    </div>
  );
}
