import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { StatsFilters } from '@shared/stats/indicators';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInParis } from '../../../lib/paris-time';
import type { StatsOptions } from '../api/get-stats-options';
import { matchingQuickPeriod, periodProblem, QUICK_PERIOD_LABELS, QUICK_PERIODS, quickPeriod, type FilterKey } from '../period';

/**
 * The period (two days, or a quick choice) and the filters the server offers this viewer. Nothing
 * changes under the person's hands: the dates and lists apply with « Afficher », a quick choice at once.
 */
export function StatsFiltersForm({ filters, options, serverFields, onApply }: { filters: StatsFilters; options: StatsOptions | null; serverFields: Record<string, string>; onApply: (f: StatsFilters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StatsFilters>(filters);
  const [draftKey, setDraftKey] = useState(JSON.stringify(filters));
  const key = JSON.stringify(filters);
  if (draftKey !== key) {
    setDraftKey(key);
    setDraft(filters);
  }
  const [problem, setProblem] = useState<ReturnType<typeof periodProblem>>(null);
  const today = todayInParis();
  const current = matchingQuickPeriod(filters.from, filters.to, today);
  const set = (k: FilterKey) => (value: string) => setDraft((d) => ({ ...d, [k]: value || undefined }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = periodProblem(draft.from, draft.to);
    setProblem(found);
    if (!found) onApply(draft);
  };

  const fieldError = (field: 'from' | 'to') => {
    if (problem === field || (problem && problem !== 'from' && field === 'to')) return t(`stats.filters.problems.${problem}`);
    return serverFields[field];
  };
  const select = (k: FilterKey, label: string, all: string, choices: Array<{ value: string; label: string }> | undefined) =>
    choices && choices.length > 1 ? (
      <div className="fr-col-12 fr-col-sm-6 fr-col-lg-4" key={k}>
        <Select
          label={label}
          state={serverFields[k] ? 'error' : 'default'}
          stateRelatedMessage={serverFields[k]}
          nativeSelectProps={{ name: k, value: draft[k] ?? '', onChange: (e) => set(k)(e.target.value) }}
        >
          <option value="">{all}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
    ) : null;

  const sites = options?.sites.filter((s) => !draft.departement || s.departement === draft.departement);
  const types = options?.consultationTypes.filter((c) => !draft.administrationId || c.administrationId === draft.administrationId);
  const agents = options?.agents.filter((a) => !draft.administrationId || a.administrationId === draft.administrationId);

  return (
    <form onSubmit={submit} aria-label={t('stats.filters.legend')} className="fr-mb-4w stats-filters" noValidate>
      <fieldset className="fr-fieldset fr-mb-0" aria-labelledby="stats-period-legend">
        <legend id="stats-period-legend" className="fr-fieldset__legend fr-text--bold fr-pb-1w">
          {t('stats.filters.period')}
        </legend>
        <div className="fr-fieldset__element">
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm" aria-label={t('stats.filters.quick')}>
            {QUICK_PERIODS.map((q) => (
              <li key={q}>
                <Button
                  type="button"
                  size="small"
                  priority={current === q ? 'primary' : 'tertiary'}
                  nativeButtonProps={{ 'aria-pressed': current === q }}
                  onClick={() => {
                    setProblem(null);
                    onApply({ ...draft, ...quickPeriod(q, today) });
                  }}
                >
                  {QUICK_PERIOD_LABELS[q]}
                </Button>
              </li>
            ))}
          </ul>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label={t('stats.filters.from')}
            state={fieldError('from') ? 'error' : 'default'}
            stateRelatedMessage={fieldError('from')}
            nativeInputProps={{ type: 'date', name: 'from', value: draft.from, onChange: (e) => setDraft((d) => ({ ...d, from: e.target.value })) }}
          />
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Input
            label={t('stats.filters.to')}
            state={fieldError('to') ? 'error' : 'default'}
            stateRelatedMessage={fieldError('to')}
            nativeInputProps={{ type: 'date', name: 'to', value: draft.to, onChange: (e) => setDraft((d) => ({ ...d, to: e.target.value })) }}
          />
        </div>
      </fieldset>
      <div className="fr-grid-row fr-grid-row--gutters">
        {select('departement', t('stats.filters.departement'), t('stats.filters.all'), options?.departements.map((d) => ({ value: d, label: d })))}
        {select('siteId', t('stats.filters.site'), t('stats.filters.allSites'), sites?.map((s) => ({ value: s.id, label: s.name })))}
        {select('administrationId', t('stats.filters.administration'), t('stats.filters.allAdministrations'), options?.administrations.map((a) => ({ value: a.id, label: a.name })))}
        {select('consultationTypeId', t('stats.filters.type'), t('stats.filters.all'), types?.map((c) => ({ value: c.id, label: c.name })))}
        {select('agentId', t('stats.filters.agent'), t('stats.filters.all'), agents?.map((a) => ({ value: a.id, label: a.name })))}
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <Button type="submit">{t('stats.filters.apply')}</Button>
        </li>
        <li>
          <Button
            type="button"
            priority="secondary"
            onClick={() => {
              setProblem(null);
              onApply(quickPeriod('last3Months', today));
            }}
          >
            {t('stats.filters.reset')}
          </Button>
        </li>
      </ul>
    </form>
  );
}
