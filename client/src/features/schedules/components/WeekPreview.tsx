import { useTranslation } from 'react-i18next';
import { intersectMinutes } from '@shared/scheduling/weekly-ranges';
import { dayLabel } from '../../../lib/paris-time';
import { pairsLabel } from '../weekly-draft';
import type { DayPreview } from '../week-preview';
import { TimeBar } from './TimeBar';

/** A week of an MSAP as it will be once saved: usual hours, closures, and what stays open, day by day. */
export function WeekPreview({ days, caption }: { days: DayPreview[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="fr-table fr-table--bordered fr-mb-2w">
      <table data-testid="week-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('schedules.preview.day')}</th>
            <th scope="col">{t('schedules.preview.usual')}</th>
            <th scope="col">{t('schedules.preview.closures')}</th>
            <th scope="col">{t('schedules.preview.open')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => {
            const wholeDay = d.closed.length === 1 && d.closed[0]![0] === 0 && d.closed[0]![1] === 1440;
            const closed = d.closed.length === 0 ? '—' : wholeDay ? t('schedules.preview.wholeDay') : pairsLabel(d.closed);
            return (
              <tr key={d.date}>
                <th scope="row">{dayLabel(d.date)}</th>
                <td>{d.opening.length > 0 ? pairsLabel(d.opening) : t('schedules.preview.noHours')}</td>
                <td>{d.reasons.length > 0 ? `${closed} (${d.reasons.join(', ')})` : closed}</td>
                <td>
                  <strong>{d.open.length > 0 ? pairsLabel(d.open) : t('schedules.preview.closed')}</strong>
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
