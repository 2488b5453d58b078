import type { CallEndReason } from '@shared/signalling/protocol';
import { useTranslation } from 'react-i18next';
import { callEndMessage } from '../../call/end-message';
import { Link } from 'react-router-dom';
import { OutcomeForm } from './OutcomeForm';

/**
 * After the agent's call: having ended it, the agent records the outcome and the call's problems at once; having left it
 * (the call goes on), they may come back. Refusals are said as they are.
 */
export function AgentCallEnd({ consultationId, status, reason, boothWasIn }: { consultationId: string; status: 'ended' | 'refused'; reason: CallEndReason | null; boothWasIn: boolean }) {
  const { t } = useTranslation();
  if (status === 'ended' && reason === 'ended') return <OutcomeForm consultationId={consultationId} initial={boothWasIn ? 'done' : 'no_show'} withProblems />;
  const message = callEndMessage(t, status, reason);
  return (
    <div className="fr-container fr-my-6w">
      <h1 className="fr-h3">{message}</h1>
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-4w">
        {reason === 'left' && (
          <li>
            <a className="fr-btn" href={`/consultation/${consultationId}`}>
              {t('call.rejoin')}
            </a>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--secondary" to="/">
            {t('call.back')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
