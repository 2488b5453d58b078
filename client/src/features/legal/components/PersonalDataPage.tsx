import { useTranslation } from 'react-i18next';

/** "Données personnelles": what the service keeps, why, how long, the citizen's rights and whom to ask. */
export function PersonalDataPage() {
  const { t } = useTranslation();
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('legal.data.title')}</h1>
          <p className="fr-text--lead">{t('legal.data.intro')}</p>
          <h2 className="fr-h4">{t('legal.data.controllerTitle')}</h2>
          <p>{t('legal.data.controller')}</p>
          <h2 className="fr-h4">{t('legal.data.whatTitle')}</h2>
          <ul>
            {list('legal.data.what').map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p>
            <strong>{t('legal.data.noVideo')}</strong>
          </p>
          <h2 className="fr-h4">{t('legal.data.howLongTitle')}</h2>
          <p>{t('legal.data.howLongIntro')}</p>
          <ul>
            {list('legal.data.howLong').map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <h2 className="fr-h4">{t('legal.data.rightsTitle')}</h2>
          <p>{t('legal.data.rights')}</p>
          <h2 className="fr-h4">{t('legal.data.contactTitle')}</h2>
          <p>{t('legal.data.contact')}</p>
          <p>{t('legal.data.cnil')}</p>
        </div>
      </div>
    </div>
  );
}
