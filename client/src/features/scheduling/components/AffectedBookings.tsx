import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citizenChannels, displayPhone } from '@shared/sms/phone';
import { describeError, ShownError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { ConfirmPanel } from '../../../components/confirm';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { SlotProposal } from '../../../components/slot-proposal';
import { bookProposedSlot } from '../api/book-proposed-slot';
import { cancelConsultation } from '../api/cancel-consultation';
import type { AbsenceImpact } from '../api/declare-absence';
import { getProposedSlot, ProposedSlot } from '../api/get-proposed-slot';
import { reassignConsultation } from '../api/reassign-consultation';
import { CancellationNoticePreview, cancellationDestination } from './CancellationNotice';

type Affected = AbsenceImpact['affected'][number];

/**
 * The bookings an absence hits, each to settle: a free colleague, another slot, or cancellation.
 * `onSettled`: one was (the list of absences counts those left).
 */
export function AffectedBookings({ affected, onSettled }: { affected: Affected[]; onSettled?(): void }) {
  const { t } = useTranslation();
  if (affected.length === 0) return <p>{t('absences.none')}</p>;
  return (
    <ul className="fr-raw-list">
      {affected.map((a) => (
        <AffectedBooking key={a.consultation.id} affected={a} onSettled={onSettled} />
      ))}
    </ul>
  );
}

function AffectedBooking({ affected, onSettled }: { affected: Affected; onSettled?(): void }) {
  const { t } = useTranslation();
  const c = affected.consultation;
  const [replacement, setReplacement] = useState(affected.replacements[0]?.agentId ?? '');
  const [reason, setReason] = useState(t('absences.cancelDefault'));
  const [proposal, setProposal] = useState<ProposedSlot | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const run = async (action: () => Promise<string | null>) => {
    setError(null);
    setBusy(true);
    try {
      const message = await action();
      if (message) {
        setDone(message);
        onSettled?.();
      }
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };
  // The citizen hears of a move by the channels they gave when booking; with neither, staff call them.
  const reach = citizenChannels(c.citizen);
  const told = reach.sms && reach.email ? 'both' : reach.sms ? 'sms' : reach.email ? 'email' : 'none';
  const toldText = told === 'none' && c.citizen.landline ? t('landline.toldByCall', { phone: displayPhone(c.citizen.landline) }) : t(`absences.toldBy.${told}`);

  return (
    <li className="fr-p-2w fr-mb-2w fr-background-alt--grey" data-testid="affected-booking">
      <h3 className="fr-h6">
        {whenLabel(c.startsAt)} — {c.citizen.name}
      </h3>
      <p className="fr-text--sm fr-mb-1w" data-testid="affected-place">
        {t('absences.place', { subject: c.subject ?? c.administrationName, booth: c.boothName, msap: c.msapSiteName })}
      </p>
      <ErrorSummary message={error?.summary ?? null} />
      <StatusMessage message={done} focus />
      {!done && proposal && (
        <SlotProposal
          proposal={proposal}
          busy={busy}
          onCancel={() => setProposal(null)}
          onConfirm={() =>
            void run(async () => {
              try {
                const moved = await bookProposedSlot(c.id, proposal);
                return `${t('absences.moved', { when: whenLabel(moved.startsAt), agent: moved.agentName })} ${toldText}`;
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
          <div className="fr-col-12 fr-col-md-4">
            {affected.replacements.length === 0 ? (
              <p className="fr-text--sm">{t('absences.noReplacement')}</p>
            ) : (
              <>
                <Select label={t('absences.reassignTo')} nativeSelectProps={{ value: replacement, onChange: (e) => setReplacement(e.target.value) }}>
                  {affected.replacements.map((r) => (
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
                      return t('absences.reassigned', { agent: affected.replacements.find((r) => r.agentId === replacement)?.displayName ?? '' });
                    })
                  }
                >
                  {t('absences.reassign')}
                </Button>
              </>
            )}
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Button
              size="small"
              priority="secondary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  setProposal(await getProposedSlot(c.id));
                  return null;
                })
              }
            >
              {t('absences.propose')}
            </Button>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t('absences.cancelReason')}
              hintText={cancellationDestination(t, c.citizen)}
              nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }}
              state={error?.fields.reason ? 'error' : 'default'}
              stateRelatedMessage={error?.fields.reason}
            />
            {!confirmingCancel && (
              <Button size="small" priority="secondary" disabled={busy} onClick={() => setConfirmingCancel(true)}>
                {t('absences.cancel')}
              </Button>
            )}
          </div>
          {confirmingCancel && (
            // The whole width: the exact message is read before the answer.
            <div className="fr-col-12">
              <ConfirmPanel
                question={t('absences.cancelQuestion', { citizen: c.citizen.name, when: whenLabel(c.startsAt) })}
                detail={cancellationDestination(t, c.citizen)}
                confirmLabel={t('absences.cancelYes')}
                cancelLabel={t('absences.cancelNo')}
                busy={busy}
                onCancel={() => setConfirmingCancel(false)}
                onConfirm={() =>
                  void run(async () => {
                    try {
                      await cancelConsultation(c.id, reason.trim(), 'agent_absence');
                    } finally {
                      setConfirmingCancel(false);
                    }
                    return `${t('absences.cancelled')} ${toldText}`;
                  })
                }
              >
                <CancellationNoticePreview consultationId={c.id} reason={reason} />
              </ConfirmPanel>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
