import { useTranslation } from 'react-i18next';

/** "Mentions légales": who publishes and hosts the service, cookies, links. Public, static. */
export function LegalNoticePage() {
  const { t } = useTranslation();
  const sections = ['publisher', 'director', 'host', 'software', 'cookies', 'links'] as const;
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('legal.terms.title')}</h1>
          {sections.map((s) => (
            <section key={s} aria-labelledby={`terms-${s}`}>
              <h2 id={`terms-${s}`} className="fr-h4">
                {t(`legal.terms.${s}Title`)}
              </h2>
              <p>{t(`legal.terms.${s}`)}</p>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
