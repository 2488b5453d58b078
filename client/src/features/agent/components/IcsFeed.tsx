import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import { whenLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { getIcsFeed } from '../api/get-ics-feed';
import { revokeIcsFeed } from '../api/revoke-ics-feed';
import { rotateIcsFeed } from '../api/rotate-ics-feed';

/**
 * The agent's calendar subscription: whether a link is live, since when and when a calendar last
 * read it. The secret URL is shown once, when created or replaced: only its hash is stored.
 */
export function IcsFeed() {
  const { t } = useTranslation();
  const status = useApi(getIcsFeed, []);
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const active = status.data?.active ?? false;
  const run = async (action: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(t, err).summary);
    }
    status.reload();
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="ics-title">
      <h2 id="ics-title" className="fr-h5">
        {t('agenda.feed')}
      </h2>
      <p>{t('agenda.feedIntro')}</p>
      <ErrorSummary message={error ?? (status.error ? describeError(t, status.error).summary : null)} />
      <StatusMessage message={message} testId="ics-message" />
      {status.data && (
        <p data-testid="ics-status">
          {status.data.active && status.data.createdAt
            ? t('agenda.feedActive', {
                created: whenLabel(status.data.createdAt),
                used: status.data.lastUsedAt ? t('agenda.feedUsed', { when: whenLabel(status.data.lastUsedAt) }) : t('agenda.feedNeverUsed'),
              })
            : t('agenda.feedNone')}
          {status.data.active && !url && ` ${t('agenda.feedLost')}`}
        </p>
      )}
      {url && (
        <Input label={t('agenda.feedUrl')} nativeInputProps={{ value: url, readOnly: true, onFocus: (e) => e.target.select() }} />
      )}
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <Button
            size="small"
            disabled={!status.data}
            onClick={() =>
              void run(async () => {
                const feed = await rotateIcsFeed();
                setUrl(feed.url);
                setMessage(t('agenda.feedCreated'));
              })
            }
          >
            {active ? t('agenda.feedRotate') : t('agenda.feedCreate')}
          </Button>
        </li>
        {active && (
          <li>
            <Button
              size="small"
              priority="secondary"
              onClick={() =>
                void run(async () => {
                  await revokeIcsFeed();
                  setUrl(null);
                  setMessage(t('agenda.feedRevoked'));
                })
              }
            >
              {t('agenda.feedRevoke')}
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}
