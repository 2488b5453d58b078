import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { describeError, type ShownError } from '../../../lib/api-errors';
import { addDays, parisInstant, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { addClosure } from '../api/add-closure';
import { closureImpact } from '../api/closure-impact';
import { deleteClosure } from '../api/delete-closure';
import { listClosures } from '../api/list-closures';
import type { ClosureInput } from '../api/types';
import { closureLabel, partDay, wholeDays } from '../closures';
import { useFocusLater } from '../hooks/use-focus-later';
import { useGuardedChange } from '../hooks/use-guarded-change';
import { endMinute } from '../weekly-draft';
import { ImpactReview } from './AffectedBookings';
import { BankHolidays } from './BankHolidays';

interface Props {
  siteId: string;
  departement: string;
  /** Changes whenever a closure is added or removed here, so that every list reloads. */
  version: number;
  /** A closure added (it may fall on bookings, which the page lists) or removed. */
  onChanged(kind: 'added' | 'removed'): void;
}

/** An MSAP's closures ahead: listed (and removable), added by hand or from the year's bank holidays. */
export function ClosuresSection({ siteId, departement, version, onChanged }: Props) {
  const { t } = useTranslation();
  const today = todayInParis();
  const closures = useApi(() => listClosures(siteId, parisInstant(today), parisInstant(addDays(today, 365))), [siteId, today, version]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const remove = async (id: string, label: string) => {
    setError(null);
    try {
      await deleteClosure(siteId, id);
      setMessage(t('schedules.closures.deleted', { label }));
      onChanged('removed');
    } catch (err) {
      setError(describeError(t, err));
    }
  };

  return (
    <section aria-labelledby="closures-title" className="fr-mb-6w">
      <h2 id="closures-title">{t('schedules.closures.heading')}</h2>
      <p>{t('schedules.closures.hint')}</p>
      {/* The row and its "Supprimer" are gone: the focus goes to what happened. */}
      <StatusMessage message={message} testId="closures-message" focus />
      <ErrorSummary message={error?.summary ?? null} />
      {closures.data && closures.data.length === 0 && <p>{t('schedules.closures.none')}</p>}
      {closures.data && closures.data.length > 0 && (
        <div className="fr-table fr-table--bordered">
          <table data-testid="closures">
            <caption>{t('schedules.closures.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedules.closures.when')}</th>
                <th scope="col">{t('schedules.closures.reason')}</th>
                <th scope="col">{t('schedules.closures.action')}</th>
              </tr>
            </thead>
            <tbody>
              {closures.data.map((c) => {
                const label = closureLabel(c);
                return (
                  <tr key={c.id}>
                    <th scope="row">{label}</th>
                    <td>{c.reason || '—'}</td>
                    <td>
                      <ConfirmButton
                        question={t('schedules.closures.deleteQuestion', { label })}
                        detail={t('schedules.closures.deleteDetail')}
                        confirmLabel={t('schedules.closures.deleteYes')}
                        cancelLabel={t('schedules.closures.deleteNo')}
                        onConfirm={() => void remove(c.id, label)}
                      >
                        {(ask) => (
                          <Button size="small" priority="tertiary" onClick={ask} nativeButtonProps={{ 'aria-label': t('schedules.closures.deleteLabel', { label }) }}>
                            {t('schedules.closures.delete')}
                          </Button>
                        )}
                      </ConfirmButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ClosureForm siteId={siteId} onAdded={() => onChanged('added')} />
      <BankHolidays siteId={siteId} departement={departement} version={version} onAdded={() => onChanged('added')} />
    </section>
  );
}

type Kind = 'days' | 'hours';

/** A closure typed by hand: whole days (first and last included), or part of one day. */
function ClosureForm({ siteId, onAdded }: { siteId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const today = todayInParis();
  const [kind, setKind] = useState<Kind>('days');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [date, setDate] = useState(today);
  const [start, setStart] = useState('14:00');
  const [end, setEnd] = useState('17:00');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const guarded = useGuardedChange();
  const focusLater = useFocusLater();

  // Found as the person types, as the server would: an end before the start.
  const live: Record<string, string> = {};
  if (kind === 'days' && from && to && to < from) live.to = t('schedules.closures.toBeforeFrom');
  if (kind === 'hours' && start && end && endMinute(end) <= Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5))) live.end = t('errors.fields.END_BEFORE_START');
  const fields = { ...error?.fields, ...live };

  const fail = (err: unknown) => {
    const shown = describeError(t, err, 'schedules.fieldNames');
    // The API names startsAt/endsAt; the form shows them under its own fields.
    const [startField, endField] = kind === 'days' ? ['from', 'to'] : ['start', 'end'];
    setError({ ...shown, fields: { [startField]: shown.fields.startsAt ?? '', [endField]: shown.fields.endsAt ?? '' } });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const missing: Record<string, string> = {};
    for (const [field, value] of kind === 'days' ? [['from', from], ['to', to]] : [['date', date], ['start', start], ['end', end]]) {
      if (!value) missing[field!] = t('errors.fields.REQUIRED');
    }
    if (Object.keys(missing).length > 0 || Object.keys(live).length > 0) {
      setError({ summary: t('scheduling.errors.summary'), fields: missing });
      return;
    }
    setError(null);
    const input: ClosureInput = { ...(kind === 'days' ? wholeDays(from, to) : partDay(date, start, end)), reason: reason.trim() || undefined };
    try {
      await guarded.submit(
        () => closureImpact(siteId, input),
        async () => {
          await addClosure(siteId, input);
          setDone(t('schedules.closures.added', { label: closureLabel(input) }));
          setReason('');
          onAdded();
        },
      );
    } catch (err) {
      fail(err);
    }
  };
  const step = guarded.step;
  const field = (name: string) => (fields[name] ? fields[name] : undefined);

  return (
    <div className="fr-mt-4w">
      <h3>{t('schedules.closures.addHeading')}</h3>
      <ErrorSummary message={error?.summary ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadioButtons
          legend={t('schedules.closures.kind')}
          orientation="horizontal"
          options={[
            { label: t('schedules.closures.kindDays'), nativeInputProps: { checked: kind === 'days', onChange: () => setKind('days') } },
            { label: t('schedules.closures.kindHours'), nativeInputProps: { checked: kind === 'hours', onChange: () => setKind('hours') } },
          ]}
        />
        <div className="fr-grid-row fr-grid-row--gutters">
          {kind === 'days' ? (
            <>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={t('schedules.closures.from')}
                  nativeInputProps={{ type: 'date', value: from, required: true, onChange: (e) => setFrom(e.target.value) }}
                  state={fieldState(field('from'))}
                  stateRelatedMessage={field('from')}
                />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={t('schedules.closures.to')}
                  nativeInputProps={{ type: 'date', value: to, required: true, onChange: (e) => setTo(e.target.value) }}
                  state={fieldState(field('to'))}
                  stateRelatedMessage={field('to')}
                />
              </div>
            </>
          ) : (
            <>
              <div className="fr-col-12 fr-col-md-4">
                <Input
                  label={t('schedules.closures.date')}
                  nativeInputProps={{ type: 'date', value: date, required: true, onChange: (e) => setDate(e.target.value) }}
                  state={fieldState(field('date'))}
                  stateRelatedMessage={field('date')}
                />
              </div>
              <div className="fr-col-6 fr-col-md-2">
                <Input
                  label={t('schedules.closures.start')}
                  nativeInputProps={{ type: 'time', value: start, required: true, onChange: (e) => setStart(e.target.value) }}
                  state={fieldState(field('start'))}
                  stateRelatedMessage={field('start')}
                />
              </div>
              <div className="fr-col-6 fr-col-md-2">
                <Input
                  label={t('schedules.closures.end')}
                  nativeInputProps={{ type: 'time', value: end, required: true, onChange: (e) => setEnd(e.target.value) }}
                  state={fieldState(field('end'))}
                  stateRelatedMessage={field('end')}
                />
              </div>
            </>
          )}
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t('schedules.closures.reasonField')}
              hintText={t('schedules.closures.reasonHint')}
              nativeInputProps={{ value: reason, maxLength: 300, onChange: (e) => setReason(e.target.value) }}
            />
          </div>
        </div>
        <Button type="submit" disabled={step.kind === 'busy' || step.kind === 'review'} nativeButtonProps={{ id: 'closure-add' }}>
          {t('schedules.closures.add')}
        </Button>
      </form>
      {step.kind === 'review' && (
        <ImpactReview
          impact={step.impact}
          question={t('schedules.closures.reviewQuestion', { count: step.impact.total })}
          onConfirm={() => void guarded.confirm().catch(fail)}
          onCancel={() => {
            guarded.reset();
            focusLater('closure-add');
          }}
          busy={false}
        />
      )}
      <StatusMessage message={done} testId="closure-added" />
    </div>
  );
}
