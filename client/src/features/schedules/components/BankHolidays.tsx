import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { describeError } from '../../../lib/api-errors';
import { dayLabel, parisInstant, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { addClosure } from '../api/add-closure';
import { closureImpact } from '../api/closure-impact';
import { listClosures } from '../api/list-closures';
import type { ScheduleImpact } from '../api/types';
import { frenchBankHolidays, type BankHoliday } from '../bank-holidays';
import { closedAllDay, wholeDays } from '../closures';
import { useFocusLater } from '../hooks/use-focus-later';
import { useGuardedChange } from '../hooks/use-guarded-change';
import { ImpactReview } from './AffectedBookings';

interface Props {
  siteId: string;
  departement: string;
  version: number;
  onAdded(): void;
}

/**
 * The year's bank holidays (computed, with the local ones of the MSAP's département), each proposed
 * as a whole-day closure: one by one, or all those ahead at once. A day already closed says so.
 */
export function BankHolidays({ siteId, departement, version, onAdded }: Props) {
  const { t } = useTranslation();
  const today = todayInParis();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const closures = useApi(() => listClosures(siteId, parisInstant(`${year}-01-01`), parisInstant(`${year + 1}-01-01`)), [siteId, year, version]);
  const guarded = useGuardedChange();
  const focusLater = useFocusLater();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const holidays = frenchBankHolidays(year, departement);
  const closed = (h: BankHoliday) => closedAllDay(closures.data ?? [], h.date);
  const ahead = holidays.filter((h) => h.date >= today && !closed(h));

  /** Every holiday's dry run, then their closures; one list of the bookings they hit together. */
  const [trigger, setTrigger] = useState('holidays-add-all');
  const add = async (chosen: BankHoliday[], from: string) => {
    setTrigger(from);
    setDone(null);
    setError(null);
    const inputs = chosen.map((h) => ({ ...wholeDays(h.date, h.date), reason: h.name }));
    try {
      await guarded.submit(
        async () => {
          const impacts: ScheduleImpact[] = [];
          for (const input of inputs) impacts.push(await closureImpact(siteId, input));
          return { affected: impacts.flatMap((i) => i.affected), total: impacts.reduce((n, i) => n + i.total, 0) };
        },
        async () => {
          for (const input of inputs) await addClosure(siteId, input);
          setDone(chosen.length === 1 ? t('schedules.holidays.addedOne', { name: chosen[0]!.name, day: dayLabel(chosen[0]!.date) }) : t('schedules.holidays.addedMany', { count: chosen.length }));
          onAdded();
        },
      );
    } catch (err) {
      setError(describeError(t, err, 'schedules.fieldNames').summary);
      // Some may have been added before the one refused.
      onAdded();
    }
  };
  const step = guarded.step;
  const busy = step.kind === 'busy' || step.kind === 'review';

  return (
    <div className="fr-mt-4w" data-testid="bank-holidays">
      <h3>{t('schedules.holidays.heading')}</h3>
      <p>{t('schedules.holidays.hint')}</p>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Select label={t('schedules.holidays.year')} nativeSelectProps={{ value: String(year), onChange: (e) => setYear(Number(e.target.value)) }}>
            {[thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Button
            className="fr-mb-3w"
            priority="secondary"
            disabled={busy || ahead.length === 0 || !closures.data}
            onClick={() => void add(ahead, 'holidays-add-all')}
            nativeButtonProps={{ id: 'holidays-add-all' }}
          >
            {t('schedules.holidays.addAll', { count: ahead.length, year })}
          </Button>
        </div>
      </div>
      <ErrorSummary message={error} />
      {/* The "Ajouter" pressed is gone (the day now reads "Déjà fermé"): the focus goes to what happened,
          unless the closures fell on bookings, whose list then takes it (the page's). */}
      <StatusMessage message={done} testId="holidays-added" focus={step.kind === 'saved' && step.impact.total === 0} />
      {step.kind === 'review' && (
        <ImpactReview
          impact={step.impact}
          question={t('schedules.holidays.reviewQuestion', { count: step.impact.total })}
          onConfirm={() => void guarded.confirm().catch((err: unknown) => setError(describeError(t, err, 'schedules.fieldNames').summary))}
          onCancel={() => {
            guarded.reset();
            focusLater(trigger);
          }}
          busy={false}
        />
      )}
      <div className="fr-table fr-table--bordered">
        <table>
          <caption>{t('schedules.holidays.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schedules.holidays.date')}</th>
              <th scope="col">{t('schedules.holidays.name')}</th>
              <th scope="col">{t('schedules.holidays.state')}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date}>
                <th scope="row">{dayLabel(h.date)}</th>
                <td>{h.name}</td>
                <td>
                  {!closures.data ? (
                    '…'
                  ) : closed(h) ? (
                    <span className="fr-badge fr-badge--success fr-badge--sm">{t('schedules.holidays.closed')}</span>
                  ) : h.date < today ? (
                    <span className="fr-badge fr-badge--sm">{t('schedules.holidays.past')}</span>
                  ) : (
                    <Button
                      size="small"
                      priority="tertiary"
                      disabled={busy}
                      onClick={() => void add([h], `holiday-add-${h.date}`)}
                      nativeButtonProps={{ id: `holiday-add-${h.date}`, 'aria-label': t('schedules.holidays.addOneLabel', { name: h.name, day: dayLabel(h.date) }) }}
                    >
                      {t('schedules.holidays.addOne')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
