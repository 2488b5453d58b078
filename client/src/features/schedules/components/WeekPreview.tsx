import { useTranslation } from 'react-i18next';
import { intersectMinutes } from '@shared/scheduling/weekly-ranges';
import { dayLabel } from '../../../lib/paris-time';
import { pairsLabel } from '../weekly-draft';
import type { DayPreview } from '../week-preview';
import { TimeBar } from './TimeBar';

/**
 * Seven days of an MSAP as they will be once saved: what stays open each day, and the closures that
 * take hours out of it. Two columns, so that it fits beside the form it previews.
 */
export function WeekPreview({ days, caption }: { days: DayPreview[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="fr-table fr-table--bordered fr-table--no-caption fr-mb-2w">
      <table data-testid="week-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedules.preview.day')}</th>
            <th scope="col">{t('schedules.preview.open')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => {
            const wholeDay = d.closed.length === 1 && d.closed[0]![0] === 0 && d.closed[0]![1] === 1440;
            const closed = wholeDay ? t('schedules.preview.wholeDay') : pairsLabel(d.closed);
            const closure = d.reasons.length > 0 ? `${closed} (${d.reasons.join(', ')})` : closed;
            return (
              <tr key={d.date}>
                <th scope="row">{dayLabel(d.date)}</th>
                <td>
                  <strong>{d.open.length > 0 ? pairsLabel(d.open) : t('schedules.preview.closed')}</strong>
                  {d.closed.length > 0 && (
                    <span className="fr-hint-text fr-text--xs fr-mb-0">{t('schedules.preview.closure', { closure })}</span>
                  )}
                  <TimeBar filled={d.open} hatched={intersectMinutes(d.opening, d.closed)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
