import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { errorMessage } from '../../../lib/api-errors';
import type { StaffCancellationCause } from '@shared/scheduling/cancellation';
import type { ToSettleState } from '../hooks/use-bookings-to-settle';
import { AffectedItem } from './AffectedBookings';

interface Props {
  state: ToSettleState;
  onSettled(id: string, message: string): void;
  /** "N rendez-vous hors horaires à traiter" */
  heading(count: number): string;
  /** Said once every booking listed is settled. */
  allDone: string;
  /** Proposed for cancelling a booking, unless the change that brought it says otherwise (ToSettleState.reasons). */
  cancelReason: string;
  /**
   * Why a booking cancelled here was, as the statistics count it: the site's schedule (opening
   * hours, closures) leaves it out — `site_closure` —, or the agent's availability — `agent_absence`.
   */
  cancelCause: StaffCancellationCause;
  boardPath?: string;
}

/**
 * The bookings a schedule no longer holds, each to settle (AffectedItem): shown as the page opens
 * and after each change saved, until each is moved, handed over or cancelled. The heading takes the
 * focus when a change just saved brought new ones (it replaces the confirmation the person answered).
 */
export function BookingsToSettle({ state, onSettled, heading, allDone, cancelReason, cancelCause, boardPath = '/coordination/planning' }: Props) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.focusRequest > 0) title.current?.focus();
  }, [state.focusRequest]);

  if (state.error) return <ErrorSummary message={errorMessage(t, state.error)} />;
  if (!state.items || state.items.length === 0) return null;
  return (
    <section className="fr-mt-3w fr-mb-4w" aria-labelledby="to-settle-heading" data-testid="affected-bookings">
      <h2 id="to-settle-heading" className="fr-h4" ref={title} tabIndex={-1}>
        {state.remaining > 0 ? heading(state.remaining) : allDone}
      </h2>
      {state.remaining > 0 && <p>{t('schedules.affected.toSettleHint')}</p>}
      {state.truncated && <p className="fr-text--sm">{t('schedules.affected.truncated', state.truncated)}</p>}
      <ul className="fr-raw-list">
        {state.items.map((a) => (
          <AffectedItem
            key={a.consultation.id}
            booking={a}
            cancelReason={state.reasons[a.consultation.id] ?? cancelReason}
            cancelCause={cancelCause}
            boardPath={boardPath}
            done={state.settled[a.consultation.id]}
            onSettled={onSettled}
          />
        ))}
      </ul>
    </section>
  );
}
