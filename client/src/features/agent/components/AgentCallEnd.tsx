import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OutcomeForm } from './OutcomeForm';

/**
 * After the agent's call: having ended it, the agent records the outcome at once; having left it
 * (the call goes on), they may come back. Refusals are said as they are.
 */
export function AgentCallEnd({ consultationId, status, reason, boothWasIn }: { consultationId: string; status: 'ended' | 'refused'; reason: string | null; boothWasIn: boolean }) {
  const { t } = useTranslation();
  if (status === 'ended' && reason === 'ended') return <OutcomeForm consultationId={consultationId} initial={boothWasIn ? 'done' : 'no_show'} />;
  const message = status === 'refused' ? t(`call.refused.${reason ?? 'forbidden'}` as 'call.refused.forbidden') : reason === 'left' ? t('call.left') : t('call.ended');
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
