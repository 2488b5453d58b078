import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayPhone } from '@shared/sms/phone';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { errorMessage } from '../../../lib/api-errors';
import { dateOf, mondayOf, whenLabel } from '../../../lib/paris-time';
import { useSession } from '../../../lib/session';
import { useApi } from '../../../lib/use-api';
import { handleCallbackRequest } from '../api/handle-callback-request';
import { CallbackRequestItem, listCallbackRequests } from '../api/list-callback-requests';

/** Requests come from citizens at any time: the list is read again every minute. */
const REFRESH_MS = 60_000;

/**
 * "Demandes de rappel": citizens who asked, from their personal link, to be called back to change
 * the time; the site's for a facilitator, the département's for a coordinator. Each leads to its
 * booking, open in the week's planning (to move it while on the phone), and is closed with "Marquer
 * comme traitée" once the call is made.
 */
export function CallbackRequests({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const requests = useApi(() => listCallbackRequests('open'), []);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { reload } = requests;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { principal } = useSession();
  // The same planning the desk's "Déplacer le rendez-vous" opens: the facilitator's own site, or the coordination's.
  const planning = principal?.kind === 'user' && principal.role === 'facilitator' ? '/animation/planning' : '/coordination/planning';
  const bookingLink = (r: CallbackRequestItem) =>
    `${planning}?${new URLSearchParams({ site: r.msapSiteId, semaine: mondayOf(dateOf(r.startsAt)), rendezvous: r.consultationId }).toString()}`;

  const handle = async (r: CallbackRequestItem) => {
    setError(null);
    try {
      await handleCallbackRequest(r.id);
      setDone(t('callbacks.handled', { citizen: r.citizenName || t('callbacks.noName') }));
      reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="callbacks-title" className="fr-mb-4w" data-testid="callback-requests">
      <Heading id="callbacks-title" className="fr-h4">
        {t('callbacks.title')}
        {requests.data && requests.data.length > 0 ? ` (${requests.data.length})` : ''}
      </Heading>
      <p className="fr-text--sm">{t('callbacks.intro')}</p>
      <StatusMessage message={done} testId="callback-handled" focus />
      {error || requests.error ? <ErrorSummary message={errorMessage(t, error ?? requests.error)} /> : null}
      {requests.data === null && !requests.error && <p>{t('common.loading')}</p>}
      {requests.data?.length === 0 && <p>{t('callbacks.none')}</p>}
      {requests.data && requests.data.length > 0 && (
        <ul className="fr-raw-list">
          {requests.data.map((r) => (
            <li key={r.id} className="fr-card fr-card--sm fr-card--no-arrow fr-mb-2w" data-testid="callback-request" data-consultation={r.consultationId}>
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title fr-h6">{t('callbacks.who', { citizen: r.citizenName || t('callbacks.noName'), when: whenLabel(r.startsAt) })}</h3>
                  <div className="fr-card__desc">
                    <p className="fr-mb-1w">{t('callbacks.where', { site: r.msapSiteName, booth: r.boothName, administration: r.administrationName })}</p>
                    <p className="fr-mb-1w">
                      {t('callbacks.call')}{' '}
                      {r.phone ? (
                        <a className="fr-link" href={`tel:${r.phone}`} style={{ whiteSpace: 'nowrap' }}>
                          <strong>{displayPhone(r.phone)}</strong>
                        </a>
                      ) : (
                        t('callbacks.noPhone')
                      )}
                    </p>
                    {r.note && <p className="fr-mb-1w">{t('callbacks.note', { note: r.note })}</p>}
                    <p className="fr-text--xs fr-mb-1w">{t('callbacks.requested', { when: whenLabel(r.requestedAt) })}</p>
                    {r.consultationStatus === 'cancelled' && (
                      <Badge severity="warning" small>
                        {t('callbacks.cancelledBadge')}
                      </Badge>
                    )}
                  </div>
                </div>
                <div className="fr-card__footer">
                  <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
                    <li>
                      <Link
                        className="fr-btn fr-btn--sm fr-btn--icon-left fr-icon-calendar-line"
                        to={bookingLink(r)}
                        aria-label={t('callbacks.openLabel', { citizen: r.citizenName || t('callbacks.noName') })}
                      >
                        {t('callbacks.open')}
                      </Link>
                    </li>
                    <li>
                      <Button
                        size="small"
                        priority="secondary"
                        iconId="fr-icon-check-line"
                        onClick={() => void handle(r)}
                        nativeButtonProps={{ 'aria-label': t('callbacks.handleLabel', { citizen: r.citizenName || t('callbacks.noName') }) }}
                      >
                        {t('callbacks.handle')}
                      </Button>
                    </li>
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
