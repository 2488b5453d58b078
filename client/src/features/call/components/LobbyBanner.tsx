import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Participant } from '@shared/signalling/protocol';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../lib/consultations';
import { consultationWho } from '../consultation-who';
import { BoothMessageForm } from './BoothMessageForm';

const MINUTE_MS = 60_000;

/**
 * Someone waits in the lobby: the agent sees who (the booth: the citizen, the consultation type and
 * the site, read over HTTP, not the booth's screen name alone), since when, the facilitator's
 * context, and can write to the booth or let it in. A region with its heading, not an alert: it
 * holds controls, and its minutes change; the arrival is announced once by the call page's status.
 * It scrolls inside itself, below « Faire entrer », so that the button stays in view.
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
  const titleId = useId();
  return (
    <section
      className="fr-alert fr-alert--warning lobby-banner"
      aria-labelledby={titleId}
      data-testid="lobby-banner"
      data-participant-role={p.role}
      data-participant-phase={p.phase}
    >
      <h2 id={titleId} className="fr-alert__title lobby-banner__title">
        {t('call.waiting', { name: waitingName(p, consultation) })}
      </h2>
      {booth && consultation && (
        <p className="fr-text--bold fr-mb-0" data-testid="lobby-who">
          {consultationWho(consultation)}
        </p>
      )}
      {waited !== null && (
        <p className="fr-text--sm fr-mb-1w" data-testid="lobby-wait">
          {waited < 1 ? t('agentLobby.waitingJustNow') : t('agentLobby.waitingFor', { count: waited })}
        </p>
      )}
      {/* Beside the lines above, before the context, which may be long: the one thing to do stays in view. */}
      <Button size="small" onClick={onAdmit} className="lobby-banner__admit">
        {t('call.admit')}
      </Button>
      {booth && (
        // What may be long scrolls inside here, so that the banner never pushes the call out of view;
        // the message's one-line summary first, the facilitator's context (which may be long) after it.
        <div className="lobby-banner__more">
          <details className="fr-mb-1w">
            <summary>{t('boothMessage.open')}</summary>
            <BoothMessageForm consultationId={consultationId} />
          </details>
          {context}
        </div>
      )}
    </section>
  );
}

/** Who waits, by name: the booth's citizen when the consultation is known, else the screen name. */
export function waitingName(p: Participant, consultation: Consultation | null): string {
  return (p.role === 'booth' && consultation?.citizen.name) || p.displayName;
}
