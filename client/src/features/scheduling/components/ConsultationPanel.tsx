import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/use-api';
import { listAgents, listBooths } from '../../../lib/directory';
import { describeError, ShownError } from '../../../lib/api-errors';
import { cancelConsultation } from '../api/cancel-consultation';
import { CancellationNoticePreview, cancellationDestination } from './CancellationNotice';
import { displayPhone } from '@shared/sms/phone';
import { rescheduleConsultation } from '../api/reschedule-consultation';
import { Consultation, STATUS_SEVERITY } from '../../../lib/consultations';
import { dateOf, parisInstant, timeOf, whenLabel } from '../../../lib/paris-time';
import { ConfirmPanel } from '../../../components/confirm';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { SlipLink } from './SlipLink';

interface Props {
  consultation: Consultation;
  onChanged(message: string): void;
  onClose(): void;
}

/** One consultation of the board: details, then move (date, time, booth) or cancel with a reason. */
export function ConsultationPanel({ consultation: c, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const booths = useApi(() => listBooths(c.msapSiteId), [c.msapSiteId]);
  const [date, setDate] = useState(dateOf(c.startsAt));
  const [time, setTime] = useState(timeOf(c.startsAt));
  const agents = useApi(() => listAgents(c.administrationId), [c.administrationId]);
  const [boothId, setBoothId] = useState(c.boothId);
  const [agentId, setAgentId] = useState(c.agentId);
  const [reason, setReason] = useState('');
  /** The cancellation waits for a second, explicit yes: the citizen is told at once. */
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), [c.id]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const moved = await rescheduleConsultation(c.id, {
        startsAt: parisInstant(date, time),
        boothId: boothId === c.boothId ? undefined : boothId,
        agentId: agentId === c.agentId ? undefined : agentId,
      });
      return t('board.moved', { when: whenLabel(moved.startsAt) });
    });
  };
  const cancel = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError({ summary: t('scheduling.errors.summary'), fields: { reason: t('scheduling.errors.reason') } });
      return;
    }
    setError(null);
    setConfirmingCancel(true);
  };
  const confirmCancel = () => {
    setConfirmingCancel(false);
    void run(async () => {
      await cancelConsultation(c.id, reason.trim(), 'service');
      return t('board.cancelled');
    });
  };
  const err = (field: string) => error?.fields[field];
  const contact = [
    c.citizen.phone && displayPhone(c.citizen.phone),
    c.citizen.email,
    c.citizen.landline && t('landline.shown', { phone: displayPhone(c.citizen.landline) }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="fr-p-3w fr-mt-3w fr-background-alt--grey" aria-labelledby="consultation-panel-title">
      <h2 id="consultation-panel-title" className="fr-h4" ref={heading} tabIndex={-1}>
        {t('board.details')} : {whenLabel(c.startsAt)}
      </h2>
      <p>
        <Badge severity={STATUS_SEVERITY[c.status]} small>
          {t(`consultation.status.${c.status}`)}
        </Badge>
      </p>
      <ul>
        <li>
          {t('board.citizen')} : {c.citizen.name}
        </li>
        <li>
          {t('board.contact')} : {contact || t('board.noContact')}
        </li>
        <li>
          {c.msapSiteName}, {c.boothName} — {c.agentName} ({c.administrationName})
        </li>
        {c.subject && <li>{c.subject}</li>}
        {c.cancellationReason && <li>{t('board.cancellationReason', { reason: c.cancellationReason })}</li>}
      </ul>
      {c.status === 'scheduled' && (
        <p>
          <SlipLink consultationId={c.id} citizenName={c.citizen.name} />
        </p>
      )}
      <ErrorSummary message={error?.summary ?? null} />
      {c.status === 'scheduled' && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <form className="fr-col-12 fr-col-md-7" onSubmit={move} noValidate aria-labelledby="move-title">
            <h3 id="move-title" className="fr-h6">
              {t('board.moveTitle')}
            </h3>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-6">
                <Input
                  label={t('scheduling.fields.date')}
                  nativeInputProps={{ type: 'date', value: date, required: true, onChange: (e) => setDate(e.target.value) }}
                  state={fieldState(err('startsAt'))}
                  stateRelatedMessage={err('startsAt')}
                />
              </div>
              <div className="fr-col-6">
                <Input
                  label={t('scheduling.fields.time')}
                  nativeInputProps={{ type: 'time', step: 300, value: time, required: true, onChange: (e) => setTime(e.target.value) }}
                />
              </div>
              <div className="fr-col-12 fr-col-lg-6">
                <Select
                  label={t('scheduling.fields.booth')}
                  nativeSelectProps={{ value: boothId, onChange: (e) => setBoothId(e.target.value) }}
                  state={fieldState(err('boothId'))}
                  stateRelatedMessage={err('boothId')}
                >
                  {(booths.data ?? [{ id: c.boothId, name: c.boothName }]).map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="fr-col-12 fr-col-lg-6">
                <Select
                  label={t('scheduling.fields.agent')}
                  nativeSelectProps={{ value: agentId, onChange: (e) => setAgentId(e.target.value) }}
                  state={fieldState(err('agentId'))}
                  stateRelatedMessage={err('agentId')}
                >
                  {(agents.data ?? [{ id: c.agentId, displayName: c.agentName }]).map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.displayName}
                    </option>
                  ))}
                </Select>
              </div>
            </div>
            <Button type="submit" disabled={busy} className="fr-mt-2w">
              {t('board.moveSubmit')}
            </Button>
          </form>
          <form className="fr-col-12 fr-col-md-5" onSubmit={cancel} noValidate aria-labelledby="cancel-title">
            <h3 id="cancel-title" className="fr-h6">
              {t('board.cancelTitle')}
            </h3>
            <Input
              label={`${t('scheduling.fields.reason')} *`}
              hintText={cancellationDestination(t, c.citizen)}
              nativeInputProps={{ value: reason, required: true, onChange: (e) => setReason(e.target.value) }}
              state={fieldState(err('reason'))}
              stateRelatedMessage={err('reason')}
            />
            <CancellationNoticePreview consultationId={c.id} reason={reason} />
            {confirmingCancel ? (
              <ConfirmPanel
                question={t('board.cancelConfirm.question', { when: whenLabel(c.startsAt) })}
                detail={t('board.cancelConfirm.detail')}
                confirmLabel={t('board.cancelConfirm.yes')}
                cancelLabel={t('board.cancelConfirm.no')}
                onConfirm={confirmCancel}
                onCancel={() => setConfirmingCancel(false)}
                busy={busy}
              />
            ) : (
              <Button type="submit" priority="secondary" disabled={busy} className="fr-mt-2w">
                {t('board.cancelSubmit')}
              </Button>
            )}
          </form>
        </div>
      )}
      <Button priority="tertiary" className="fr-mt-3w" onClick={onClose}>
        {t('board.close')}
      </Button>
    </section>
  );
}
