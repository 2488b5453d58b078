import { useTranslation } from 'react-i18next';
import { CitizenMessagePreview } from '../../../components/citizen-message';
import { whenLabel } from '../../../lib/paris-time';
import { MassCancellationMessages } from '../api/types';

/** What the first citizens will be sent, exactly (rendered by the server with their own values). */
export function ExactMessages({ messages, typed }: { messages: MassCancellationMessages; typed: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="exact-messages-title" data-testid="exact-messages">
      <h3 id="exact-messages-title" className="fr-h6">
        {t('citizenMessages.mass.exactTitle')}
      </h3>
      <p>{t('citizenMessages.mass.exactIntro', { count: messages.items.length, total: messages.total })}</p>
      <ol className="fr-raw-list">
        {messages.items.map((item) => (
          <li key={item.consultationId} className="fr-mb-3w" data-testid="exact-message">
            <p className="fr-mb-1w">
              <strong>{t('citizenMessages.mass.citizen', { name: item.citizenName, when: whenLabel(item.startsAt) })}</strong>
            </p>
            {item.messages.some((m) => m.channel === 'call') && <p className="fr-text--sm fr-mb-1w">{t('citizenMessages.mass.callNote')}</p>}
            {item.messages.map((m) => (
              <CitizenMessagePreview key={m.channel} message={m} typed={typed} />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
