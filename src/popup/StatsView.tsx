import { useEffect, useState } from 'preact/hooks';
import type { ResponseSummary, Stats } from '../core/stats';
import { formatDuration } from '../core/time';
import { type Settings, SITE_IDS, SITE_NAMES, sitesInUse } from '../core/types';
import { t } from '../core/i18n';
import { send } from '../ui/api';
import { StatusLine, useStatus } from '../ui/status';

const WIDTH = 360;
const HEIGHT = 90;

/**
 * How fast the answers came, as a marketer says it: "9 in 10 within 3h" (rounded up, so it holds),
 * "all 4 within 2h" below ten answers, and "half within 1h" under it.
 */
function AnswerSpeed({ summary }: { summary: ResponseSummary }) {
  const { count, median, p90 } = summary;
  if (count === 0 || median === null || p90 === null) return <span class="muted">{t('statsNoAnswers')}</span>;
  const within = formatDuration(p90, 'up');
  if (count === 1) return <span>{t('statsOneWithin', within)}</span>;
  return (
    <>
      <span>{count < 10 ? t('statsAllWithin', count, within) : t('statsNineInTen', within)}</span>
      <span class="muted">{t('statsHalfWithin', formatDuration(median, 'up'))}</span>
    </>
  );
}

/** The stats, computed by the worker from the whole log; the sites shown are those turned on or in the log. */
export function StatsView({ settings }: { settings: Settings | null }) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [failure, report] = useStatus();
  useEffect(() => void report.attempt(async () => setStats(await send('items/stats', {}))), [report]);
  if (!stats) return failure ? <StatusLine role="alert" status={failure} /> : <p class="muted">{t('loading')}</p>;
  const inUse = settings ? sitesInUse(settings) : [];
  const sites = SITE_IDS.filter((site) => inUse.includes(site) || stats.sitesLogged.includes(site));
  const max = Math.max(1, ...stats.answeredPerDay.map((d) => d.count));
  const total = stats.answeredPerDay.reduce((sum, d) => sum + d.count, 0);
  const bar = WIDTH / stats.answeredPerDay.length;
  return (
    <div class="stats">
      <p class="headline">
        {stats.oldestPending === null ? t('statsNothingWaiting') : t('statsOldestWaiting', formatDuration(stats.oldestPending))}
      </p>
      <table>
        <caption>{t('statsAnswerTime')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statsSite')}</th>
            <th scope="col">{t('statsLastDays', 7)}</th>
            <th scope="col">{t('statsLastDays', 30)}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site}>
              <th scope="row">{SITE_NAMES[site]}</th>
              <td>
                <AnswerSpeed summary={stats.perSite[site].week} />
              </td>
              <td>
                <AnswerSpeed summary={stats.perSite[site].month} />
              </td>
            </tr>
          ))}
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
