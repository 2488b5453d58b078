import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { awaitsOutcome, Consultation, isOpen } from '../../../lib/consultations';
import { useServerNow } from '../hooks/use-join-window';
import { delayWords, JoinWindow, opening, openingTime, opensAt } from '../join-window';
import '../agent.css';

/**
 * What the agent can do with a consultation of their list: record its outcome, or join its call.
 * Before the call opens, "Rejoindre" is shown inactive with the time it opens, and turns into the
 * link by itself at that time (the server's clock, `joinWindow`): pressing it early does nothing
 * rather than fail. `joinWindow` null: the rule is being read; `joinFailed`: it could not be, the
 * link is offered as it always was.
 */
export function ConsultationAction({ consultation: c, joinWindow, joinFailed = false }: { consultation: Consultation; joinWindow: JoinWindow | null; joinFailed?: boolean }) {
  const { t } = useTranslation();
  const hintId = useId();
  const opens = joinWindow && c.status === 'scheduled' ? opensAt(c.startsAt, joinWindow) : null;
  const now = useServerNow(joinWindow?.offsetMs ?? 0, opens);
  if (awaitsOutcome(c)) {
    return (
      <Link className="fr-btn fr-btn--sm fr-btn--secondary" to={`/consultation/${c.id}/resultat`}>
        {t('outcome.record')}
      </Link>
    );
  }
  if (!isOpen(c.status)) return null;
  const state = opens === null ? (joinWindow || joinFailed ? ({ kind: 'open' } as const) : null) : opening(opens, now);
  if (state?.kind === 'open') {
    return (
      <>
        <Link className="fr-btn fr-btn--sm" to={`/consultation/${c.id}`}>
          {t('call.join')}
        </Link>
        {/* The agent knows since when the citizen may be waiting. */}
        {opens !== null && (
          <span className="fr-text--sm fr-mb-0" data-testid="join-opened">
            {' '}
            {t('agentHomeRow.opened', { time: openingTime(opens) })}
          </span>
        )}
      </>
    );
  }
  const hint =
    state === null
      ? null
      : state.kind === 'later'
        ? t('joinWindow.opensOn', { day: state.day, time: state.time })
        : state.minutes === 0
          ? t('joinWindow.opensSoon', { time: state.time })
          : t('joinWindow.opensAt', { time: state.time, delay: delayWords(state.minutes) });
  return (
    <span data-testid="join-waiting">
      {/* Not `disabled`: it stays focusable, and its description says when it opens. */}
      <button type="button" className="fr-btn fr-btn--sm join-waiting__button" aria-disabled="true" aria-describedby={hint ? hintId : undefined}>
        {t('call.join')}
      </button>{' '}
      {hint && (
        <span id={hintId} className="fr-text--sm fr-mb-0">
          {hint}
        </span>
      )}
    </span>
  );
}
