import { useTranslation } from 'react-i18next';

/**
 * The RGAA 4.1 accessibility statement: partially compliant, on the strength of automated checks of
 * the pages listed (test/e2e: accessibility and the other browser suites that run axe-core), with no
 * full manual audit; the known gaps, the contact and the Défenseur des droits.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('legal.accessibility.title')}</h1>
          <p>{t('legal.accessibility.intro')}</p>
          <h2 className="fr-h4">{t('legal.accessibility.statusTitle')}</h2>
          <p>
            <strong>{t('legal.accessibility.status')}</strong>
          </p>
          <h2 className="fr-h4">{t('legal.accessibility.resultsTitle')}</h2>
          <p>{t('legal.accessibility.results')}</p>
          <h3 className="fr-h5">{t('legal.accessibility.pagesTitle')}</h3>
          <ul>
            {list('legal.accessibility.pages').map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <h2 className="fr-h4">{t('legal.accessibility.nonCompliantTitle')}</h2>
          <p>{t('legal.accessibility.nonCompliantIntro')}</p>
          <ul>
            {list('legal.accessibility.nonCompliant').map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <h2 className="fr-h4">{t('legal.accessibility.techTitle')}</h2>
          <p>{t('legal.accessibility.tech')}</p>
          <h2 className="fr-h4">{t('legal.accessibility.envTitle')}</h2>
          <p>{t('legal.accessibility.env')}</p>
          <h2 className="fr-h4">{t('legal.accessibility.dateTitle')}</h2>
          <p>{t('legal.accessibility.date')}</p>
          <h2 className="fr-h4">{t('legal.accessibility.feedbackTitle')}</h2>
          <p>{t('legal.accessibility.feedback')}</p>
          <h2 className="fr-h4">{t('legal.accessibility.remedyTitle')}</h2>
          <p>{t('legal.accessibility.remedyIntro')}</p>
          <ul>
            {list('legal.accessibility.remedies').map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
