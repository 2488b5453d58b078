import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConfirmPanel } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { SlotProposal } from '../../../components/slot-proposal';
import { fieldState } from '../../../components/form-fields';
import { describeError, type ShownError } from '../../../lib/api-errors';
import { dateOf, mondayOf, parisInstant, whenLabel } from '../../../lib/paris-time';
import { bookProposedSlot } from '../api/book-proposed-slot';
import { cancelConsultation } from '../api/cancel-consultation';
import { getProposedSlot, type ProposedSlot } from '../api/get-proposed-slot';
import { reassignConsultation } from '../api/reassign-consultation';
import { rescheduleConsultation } from '../api/reschedule-consultation';
import type { StaffCancellationCause } from '@shared/scheduling/cancellation';
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

/**
 * The bookings a change hit, before it is saved: the question first (it takes the focus and is read
 * out), then the bookings it is about, then the answers.
 */
export function ImpactReview({ impact, question, onConfirm, onCancel, busy }: { impact: ScheduleImpact; question: string; onConfirm(): void; onCancel(): void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="fr-mt-3w" data-testid="impact-review" aria-label={t('schedules.affected.reviewLabel')}>
      <ConfirmPanel
        question={question}
        detail={t('schedules.affected.reviewDetail')}
        confirmLabel={t('schedules.affected.saveAnyway')}
        cancelLabel={t('schedules.affected.back')}
        onConfirm={onConfirm}
        onCancel={onCancel}
        busy={busy}
      >
        <ul className="fr-mb-1w" aria-label={t('schedules.affected.reviewLabel')}>
          {impact.affected.map((a) => (
            <li key={a.consultation.id} className="fr-mb-1w">
              <BookingLine booking={a} />
            </li>
          ))}
        </ul>
        {impact.total > impact.affected.length && <p className="fr-text--sm">{t('schedules.affected.truncated', { shown: impact.affected.length, total: impact.total })}</p>}
      </ConfirmPanel>
    </section>
  );
}

/**
 * One booking a schedule no longer holds, to settle here: another slot proposed (the nearest free
 * one at its booth), a time chosen, a free colleague (an agent's availability), or cancellation (the
 * citizen is told, with the reason). Once settled it says what was done, in place of its controls.
 */
export function AffectedItem({
  booking,
  cancelReason,
  cancelCause,
  boardPath,
  done,
  onSettled,
}: {
  booking: AffectedBooking;
  cancelReason: string;
  /** Why, as the statistics count it: outside the site's opening (closure, hours) or the agent's availability. */
  cancelCause: StaffCancellationCause;
  boardPath: string;
  done: string | undefined;
  onSettled(id: string, message: string): void;
}) {
  const { t } = useTranslation();
  const c = booking.consultation;
  // The day stays a sensible start; the time does not: the old one is the one that no longer fits.
  const [date, setDate] = useState(dateOf(c.startsAt));
  const [time, setTime] = useState('');
  const [replacement, setReplacement] = useState(booking.replacements[0]?.agentId ?? '');
  const [reason, setReason] = useState(cancelReason);
  const [confirming, setConfirming] = useState(false);
  const [proposal, setProposal] = useState<ProposedSlot | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const message = await action();
      if (message) onSettled(c.id, message);
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  // The citizen hears of a move by the channels they gave when booking.
  const told = t(`schedules.affected.toldBy.${c.citizen.phone && c.citizen.email ? 'both' : c.citizen.phone ? 'sms' : c.citizen.email ? 'email' : 'none'}`);
  const move = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!date) missing.date = t('errors.fields.REQUIRED');
    if (!time) missing.time = t('schedules.problems.REQUIRED');
    if (Object.keys(missing).length > 0) {
      setError({ summary: t('scheduling.errors.summary'), fields: missing });
      return;
    }
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
  const moveError = error?.fields.startsAt ?? error?.fields.date;
  const withColleagues = booking.replacements.length > 0;
  const column = withColleagues ? 'fr-col-12 fr-col-md-6 fr-col-xl-4' : 'fr-col-12 fr-col-md-6';

  return (
    <li className="fr-p-2w fr-mb-2w fr-background-alt--grey" data-testid="affected-booking">
      <h3 className="fr-h6 fr-mb-1w">
        {whenLabel(c.startsAt)} — {c.citizen.name}
      </h3>
      <p className="fr-text--sm fr-mb-2w">{t('schedules.affected.place', { subject: c.subject ?? c.administrationName, booth: c.boothName, msap: c.msapSiteName, agent: c.agentName })}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <StatusMessage message={done ?? null} focus />
      {!done && proposal && (
        <SlotProposal
          proposal={proposal}
          busy={busy}
          onCancel={() => setProposal(null)}
          onConfirm={() =>
            void run(async () => {
              try {
                const moved = await bookProposedSlot(c.id, proposal);
                return `${t('schedules.affected.movedTo', { when: whenLabel(moved.startsAt), agent: moved.agentName })} ${told}`;
              } finally {
                // Taken meanwhile or booked: either way this proposal is spent.
                setProposal(null);
              }
            })
          }
        />
      )}
      {!done && !proposal && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className={column}>
            <Button
              size="small"
              className="fr-mb-2w"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  setProposal(await getProposedSlot(c.id));
                  return null;
                })
              }
            >
              {t('schedules.affected.propose')}
            </Button>
            <form onSubmit={move} noValidate aria-label={t('schedules.affected.moveLabel', { who: c.citizen.name })}>
              <p className="fr-text--sm fr-mb-1w">{t('schedules.affected.moveHint')}</p>
              <Input
                label={t('schedules.affected.newDate')}
                nativeInputProps={{ type: 'date', value: date, required: true, onChange: (e) => setDate(e.target.value) }}
                state={fieldState(moveError)}
                stateRelatedMessage={moveError}
              />
              <Input
                label={t('schedules.affected.newTime')}
                nativeInputProps={{ type: 'time', value: time, required: true, onChange: (e) => setTime(e.target.value) }}
                state={fieldState(error?.fields.time)}
                stateRelatedMessage={error?.fields.time}
              />
              <Button type="submit" size="small" priority="secondary" disabled={busy}>
                {t('schedules.affected.move')}
              </Button>
            </form>
            <p className="fr-text--sm fr-mt-1w">
              <Link to={board}>{t('schedules.affected.openBoard')}</Link>
            </p>
          </div>
          {withColleagues && (
            <div className={column}>
              <Select label={t('schedules.affected.reassignTo')} nativeSelectProps={{ value: replacement, onChange: (e) => setReplacement(e.target.value) }}>
                {booking.replacements.map((r) => (
                  <option key={r.agentId} value={r.agentId}>
                    {r.displayName}
                  </option>
                ))}
              </Select>
              <Button
                size="small"
                priority="secondary"
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
          <form className={column} onSubmit={askCancel} noValidate aria-label={t('schedules.affected.cancelLabel', { who: c.citizen.name })}>
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
                    await cancelConsultation(c.id, reason.trim(), cancelCause);
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
