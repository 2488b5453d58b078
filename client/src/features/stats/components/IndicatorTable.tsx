import { INDICATORS, type IndicatorDefinition, type IndicatorId, type IndicatorSection, type IndicatorValues } from '@shared/stats/indicators';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../format';

/** The catalogue's indicators of one section, in its order. */
export const indicatorsOf = (section: IndicatorSection): IndicatorDefinition[] => INDICATORS.filter((i) => i.section === section);

/**
 * One section's indicators: its label with a « définition » disclosure (the catalogue's one text),
 * and its value in French; `show` lets the public page say « non diffusé » for a withheld one.
 */
export function IndicatorTable({ section, values, show }: { section: IndicatorSection; values: IndicatorValues; show?: (id: IndicatorId, text: string) => string }) {
  const { t } = useTranslation();
  const sectionLabel = t(`stats.sections.${section}`);
  return (
    <div className="fr-table fr-table--bordered fr-mb-4w stats-table stats-indicators">
      <table data-testid={`indicators-${section}`}>
        <caption className="fr-sr-only">{t('stats.indicatorsCaption', { section: sectionLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.indicator')}</th>
            <th scope="col" className="stats-value">
              {t('stats.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicatorsOf(section).map((indicator) => {
            const id = indicator.id as IndicatorId;
            const text = formatValue(values[id] ?? null, indicator.unit);
            return (
              <tr key={id} data-indicator={id}>
                <th scope="row">
                  <span data-role="label">{indicator.label}</span>
                  <details className="stats-definition">
                    <summary>
                      {t('stats.definition')}
                      <span className="fr-sr-only"> : {indicator.label}</span>
                    </summary>
                    <p className="fr-text--sm fr-mb-0">{indicator.definition}</p>
                  </details>
                </th>
                <td data-role="value" className={values[id] === null ? 'stats-value stats-value--none' : 'stats-value'}>
                  {show ? show(id, text) : text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
