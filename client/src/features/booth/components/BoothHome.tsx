import { useTranslation } from 'react-i18next';
import { formatDay, formatTime, todayRange } from '../../../lib/date';
import { useApi } from '../../../lib/use-api';
import { listConsultations } from '../api/consultations';

/** The citizen-facing screen: big type, one piece of information, nothing to operate. */
export function BoothHome() {
  const { t } = useTranslation();
  const range = todayRange();
  const { data } = useApi(() => listConsultations(range.from, range.to), []);
  const next = data?.find((c) => c.status === 'scheduled' && new Date(c.endsAt) > new Date());
  return (
    <div className="fr-container fr-my-6w" style={{ fontSize: '1.5rem' }}>
      <h1 className="fr-display--sm">{t('booth.welcome')}</h1>
      <p className="fr-text--lead">{t('booth.intro')}</p>
      <p>{formatDay(new Date())}</p>
      {data && (next ? (
        <div className="fr-callout">
          <h2 className="fr-callout__title">{t('booth.next')}</h2>
          <p className="fr-callout__text">
            {formatTime(next.startsAt)} – {formatTime(next.endsAt)}
          </p>
        </div>
      ) : (
        <p>{t('booth.none')}</p>
      ))}
      <p className="fr-mt-6w">{t('booth.help')}</p>
    </div>
  );
}
