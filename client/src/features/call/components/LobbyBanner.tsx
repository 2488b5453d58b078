import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Participant } from '@shared/signalling/protocol';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../lib/consultations';
import { BoothMessageForm } from './BoothMessageForm';

const MINUTE_MS = 60_000;

/**
 * Someone waits in the lobby: the agent sees who (the booth: the citizen, the consultation type and
 * the site, read over HTTP, not the booth's screen name alone), since when, the facilitator's
 * context, and can write to the booth or let it in.
 */
export function LobbyBanner({
  participant: p,
  consultationId,
  consultation,
  context,
  onAdmit,
}: {
  participant: Participant;
  consultationId: string;
  consultation: Consultation | null;
  context: ReactNode;
  onAdmit: () => void;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const waited = p.waitingSince ? Math.floor((now - new Date(p.waitingSince).getTime()) / MINUTE_MS) : null;
  const booth = p.role === 'booth';
  return (
    <div className="fr-alert fr-alert--warning" role="alert" data-testid="lobby-banner" data-participant-role={p.role} data-participant-phase={p.phase}>
      <p>{t('call.waiting', { name: p.displayName })}</p>
      {booth && consultation && (
        <p className="fr-text--bold fr-mb-0" data-testid="lobby-who">
          {t('agentLobby.who', { citizen: consultation.citizen.name, subject: consultation.subject ?? consultation.administrationName, site: consultation.msapSiteName })}
        </p>
      )}
      {waited !== null && (
        <p className="fr-text--sm fr-mb-1w" data-testid="lobby-wait">
          {waited < 1 ? t('agentLobby.waitingJustNow') : t('agentLobby.waitingFor', { count: waited })}
        </p>
      )}
      {/* Before the context, which may be long: the one thing to do stays in view. */}
      <Button size="small" onClick={onAdmit}>
        {t('call.admit')}
      </Button>
      {booth && context}
      {booth && (
        <details className="fr-mt-1w">
          <summary>{t('boothMessage.open')}</summary>
          <BoothMessageForm consultationId={consultationId} />
        </details>
      )}
    </div>
  );
}
