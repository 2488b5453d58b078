import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmPanel } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { describeError, type ShownError } from '../../../lib/api-errors';
import { dateOf, mondayOf, parisInstant, timeOf, whenLabel } from '../../../lib/paris-time';
import { cancelConsultation } from '../api/cancel-consultation';
import { reassignConsultation } from '../api/reassign-consultation';
import { rescheduleConsultation } from '../api/reschedule-consultation';
import type { AffectedBooking, ScheduleImpact } from '../api/types';

/** One line saying where and what a booking is, the same before and after saving. */
export function BookingLine({ booking }: { booking: AffectedBooking }) {
  const { t } = useTranslation();
  const c = booking.consultation;
  return (
    <>
      <strong>
        {whenLabel(c.startsAt)} — {c.citizen.name}
      </strong>
      <br />
      <span className="fr-text--sm">{t('schedules.affected.place', { subject: c.subject ?? c.administrationName, booth: c.boothName, msap: c.msapSiteName, agent: c.agentName })}</span>
    </>
  );
}

/** The bookings a change hit, before it is saved: read, then saved anyway or not. */
export function ImpactReview({ impact, question, onConfirm, onCancel, busy }: { impact: ScheduleImpact; question: string; onConfirm(): void; onCancel(): void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="fr-mt-3w" data-testid="impact-review" aria-label={t('schedules.affected.reviewLabel')}>
      <ul className="fr-mb-1w">
        {impact.affected.map((a) => (
          <li key={a.consultation.id} className="fr-mb-1w">
            <BookingLine booking={a} />
          </li>
        ))}
      </ul>
      {impact.total > impact.affected.length && <p className="fr-text--sm">{t('schedules.affected.truncated', { shown: impact.affected.length, total: impact.total })}</p>}
      <ConfirmPanel
        question={question}
        detail={t('schedules.affected.reviewDetail')}
        confirmLabel={t('schedules.affected.saveAnyway')}
        cancelLabel={t('schedules.affected.back')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        busy={busy}
      />
    </section>
  );
}

/**
 * The bookings a saved change left outside, each to settle here: move it to another time, hand it
 * to a free colleague (an agent's availability), or cancel it (the citizen is told, with the
 * reason). The heading takes the focus: it replaces the form's button the person just pressed.
 */
export function AffectedBookings({ impact, cancelReason, boardPath = '/coordination/planning' }: { impact: ScheduleImpact; cancelReason: string; boardPath?: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [impact]);
  return (
    <section className="fr-mt-3w" aria-labelledby="affected-heading" data-testid="affected-bookings">
      <h3 id="affected-heading" className="fr-h5" ref={heading} tabIndex={-1}>
        {t('schedules.affected.toSettle', { count: impact.total })}
      </h3>
      <p>{t('schedules.affected.toSettleHint')}</p>
      {impact.total > impact.affected.length && <p className="fr-text--sm">{t('schedules.affected.truncated', { shown: impact.affected.length, total: impact.total })}</p>}
      <ul className="fr-raw-list">
        {impact.affected.map((a) => (
          <AffectedItem key={a.consultation.id} booking={a} cancelReason={cancelReason} boardPath={boardPath} />
        ))}
      </ul>
    </section>
  );
}

function AffectedItem({ booking, cancelReason, boardPath }: { booking: AffectedBooking; cancelReason: string; boardPath: string }) {
  const { t } = useTranslation();
  const c = booking.consultation;
  const [date, setDate] = useState(dateOf(c.startsAt));
  const [time, setTime] = useState(timeOf(c.startsAt));
  const [replacement, setReplacement] = useState(booking.replacements[0]?.agentId ?? '');
  const [reason, setReason] = useState(cancelReason);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await action());
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const moved = await rescheduleConsultation(c.id, parisInstant(date, time));
      return t('schedules.affected.moved', { when: whenLabel(moved.startsAt) });
    });
  };
  const askCancel = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError({ summary: t('scheduling.errors.summary'), fields: { reason: t('scheduling.errors.reason') } });
      return;
    }
    setError(null);
    setConfirming(true);
  };
  const board = `${boardPath}?${new URLSearchParams({ site: c.msapSiteId, semaine: mondayOf(dateOf(c.startsAt)), rendezvous: c.id }).toString()}`;
  const id = `affected-${c.id}`;

  return (
    <li className="fr-p-2w fr-mb-2w fr-background-alt--grey" data-testid="affected-booking">
      <h4 id={id} className="fr-h6 fr-mb-1w">
        {whenLabel(c.startsAt)} — {c.citizen.name}
      </h4>
      <p className="fr-text--sm fr-mb-2w">{t('schedules.affected.place', { subject: c.subject ?? c.administrationName, booth: c.boothName, msap: c.msapSiteName, agent: c.agentName })}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <StatusMessage message={done} />
      {!done && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <form className="fr-col-12 fr-col-lg-4" onSubmit={move} noValidate aria-label={t('schedules.affected.moveLabel', { who: c.citizen.name })}>
            <Input
              label={t('schedules.affected.newDate')}
              nativeInputProps={{ type: 'date', value: date, required: true, onChange: (e) => setDate(e.target.value) }}
              state={fieldState(error?.fields.startsAt)}
              stateRelatedMessage={error?.fields.startsAt}
            />
            <Input label={t('schedules.affected.newTime')} nativeInputProps={{ type: 'time', value: time, required: true, onChange: (e) => setTime(e.target.value) }} />
            <Button type="submit" size="small" disabled={busy || !date || !time}>
              {t('schedules.affected.move')}
            </Button>
            <p className="fr-text--sm fr-mt-1w">
              <Link to={board}>{t('schedules.affected.openBoard')}</Link>
            </p>
          </form>
          {booking.replacements.length > 0 && (
            <div className="fr-col-12 fr-col-lg-4">
              <Select label={t('schedules.affected.reassignTo')} nativeSelectProps={{ value: replacement, onChange: (e) => setReplacement(e.target.value) }}>
                {booking.replacements.map((r) => (
                  <option key={r.agentId} value={r.agentId}>
                    {r.displayName}
                  </option>
                ))}
              </Select>
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await reassignConsultation(c.id, replacement);
                    return t('schedules.affected.reassigned', { agent: booking.replacements.find((r) => r.agentId === replacement)?.displayName ?? '' });
                  })
                }
              >
                {t('schedules.affected.reassign')}
              </Button>
            </div>
          )}
          <form className="fr-col-12 fr-col-lg-4" onSubmit={askCancel} noValidate aria-label={t('schedules.affected.cancelLabel', { who: c.citizen.name })}>
            <Input
              label={t('schedules.affected.cancelReason')}
              hintText={t('schedules.affected.cancelHint')}
              nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
              state={fieldState(error?.fields.reason)}
              stateRelatedMessage={error?.fields.reason}
            />
            {confirming ? (
              <ConfirmPanel
                question={t('schedules.affected.cancelQuestion', { who: c.citizen.name })}
                detail={t('schedules.affected.cancelDetail')}
                confirmLabel={t('schedules.affected.cancelYes')}
                cancelLabel={t('schedules.affected.cancelNo')}
                busy={busy}
                onCancel={() => setConfirming(false)}
                onConfirm={() => {
                  setConfirming(false);
                  void run(async () => {
                    await cancelConsultation(c.id, reason.trim());
                    return t('schedules.affected.cancelled');
                  });
                }}
              />
            ) : (
              <Button type="submit" size="small" priority="secondary" disabled={busy}>
                {t('schedules.affected.cancel')}
              </Button>
            )}
          </form>
        </div>
      )}
    </li>
  );
}
