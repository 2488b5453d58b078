import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/api-errors';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { revokeIcsFeed } from '../api/revoke-ics-feed';
import { rotateIcsFeed } from '../api/rotate-ics-feed';

/** The agent's calendar subscription: the secret URL is shown once, when created or replaced. */
export function IcsFeed() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(t, err).summary);
    }
  };
  return (
    <section className="fr-mt-6w" aria-labelledby="ics-title">
      <h2 id="ics-title" className="fr-h5">
        {t('agenda.feed')}
      </h2>
      <p>{t('agenda.feedIntro')}</p>
      <ErrorSummary message={error} />
      <StatusMessage message={message} testId="ics-message" />
      {url && (
        <Input label={t('agenda.feedUrl')} nativeInputProps={{ value: url, readOnly: true, onFocus: (e) => e.target.select() }} />
      )}
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <Button
            size="small"
            onClick={() =>
              void run(async () => {
                const feed = await rotateIcsFeed();
                setUrl(feed.url);
                setMessage(t('agenda.feedCreated'));
              })
            }
          >
            {url ? t('agenda.feedRotate') : t('agenda.feedCreate')}
          </Button>
        </li>
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
      </ul>
    </section>
  );
}
