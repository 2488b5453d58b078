import type { BoothMessage, LobbyStatus } from '@shared/signalling/protocol';
import { useTranslation } from 'react-i18next';
import { timeOf } from '../../../lib/paris-time';
import type { Consultation } from '../../../lib/consultations';

/**
 * What the booth sees while it waits: its appointment, what is true for the agent (as the server
 * says, never a queue nor a countdown) and the agent's last message, large. Both are announced
 * politely: a change does not interrupt what a screen reader is saying.
 */
export function BoothLobby({ consultation, status, message }: { consultation: Consultation | null; status: LobbyStatus | null; message: BoothMessage | null }) {
  const { t } = useTranslation();
  return (
    <div data-testid="booth-lobby">
      <p className="fr-text--lead fr-mb-2w">{t('call.lobby')}</p>
      {consultation && (
        <section aria-labelledby="booth-appointment" className="fr-mb-2w" data-testid="booth-appointment">
          <h2 id="booth-appointment" className="fr-h5 fr-mb-1w">
            {t('lobbyRoom.appointment')}
          </h2>
          <p className="fr-text--lg fr-mb-0">
            {t('lobbyRoom.until', { start: timeOf(consultation.startsAt), end: timeOf(consultation.endsAt) })} · {consultation.administrationName}
            {consultation.subject ? ` · ${consultation.subject}` : ''}
          </p>
        </section>
      )}
      <p className="booth-lobby__status" aria-live="polite" data-testid="lobby-status" data-agent={status?.agent}>
        {status && statusText(t, status)}
      </p>
      <div aria-live="polite">
        {message && (
          <div className="fr-callout fr-mt-2w" data-testid="booth-message">
            <p className="fr-callout__title fr-text--md">{t('lobbyRoom.messageFrom')}</p>
            <p className="booth-lobby__message fr-mb-0">{message.text}</p>
          </div>
        )}
      </div>
    </div>
  );
}

function statusText(t: (key: string, options?: Record<string, unknown>) => string, status: LobbyStatus): string {
  switch (status.agent) {
    case 'present':
      return t('lobbyRoom.status.present');
    case 'busy':
      // Past the late threshold, the previous call's minutes no longer tell the citizen what is true.
      if (status.lateMinutes !== null) return t('lobbyRoom.status.late', { count: status.lateMinutes });
      return status.previousEndsInMinutes > 0 ? t('lobbyRoom.status.busy', { count: status.previousEndsInMinutes }) : t('lobbyRoom.status.busyOverrun');
    case 'away':
      return status.lateMinutes === null ? t('lobbyRoom.status.away') : t('lobbyRoom.status.late', { count: status.lateMinutes });
  }
}
