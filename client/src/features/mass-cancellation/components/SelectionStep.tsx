import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../../lib/use-directory';
import { ChoiceField, DayField } from '../../../components/form-fields';

export interface Selection {
  by: 'agent' | 'administration';
  agentId: string;
  administrationId: string;
  msapSiteId: string;
  from: string;
  to: string;
}

interface Props {
  value: Selection;
  onChange(value: Selection): void;
  onSubmit(): void;
  fieldErrors: Record<string, string>;
  busy: boolean;
}

/** Whose consultations (one agent or one administration), where (one MSAP or all), when (Paris days). */
export function SelectionStep({ value, onChange, onSubmit, fieldErrors, busy }: Props) {
  const { t } = useTranslation();
  const dir = useDirectory('', '');
  const set = (patch: Partial<Selection>) => onChange({ ...value, ...patch });
  const err = (field: string) => fieldErrors[field];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <RadioButtons
        legend={t('massCancel.selectBy')}
        orientation="horizontal"
        options={[
          { label: t('massCancel.byAgent'), nativeInputProps: { checked: value.by === 'agent', onChange: () => set({ by: 'agent' }) } },
          { label: t('massCancel.byAdministration'), nativeInputProps: { checked: value.by === 'administration', onChange: () => set({ by: 'administration' }) } },
        ]}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          {value.by === 'agent' ? (
            <ChoiceField
              label={t('scheduling.fields.agent')}
              value={value.agentId}
              onChange={(v) => set({ agentId: v })}
              options={dir.agents.map((a) => ({ id: a.id, label: a.displayName }))}
              emptyLabel={t('scheduling.fields.choose')}
              error={err('agentId')}
              required
            />
          ) : (
            <ChoiceField
              label={t('scheduling.fields.administration')}
              value={value.administrationId}
              onChange={(v) => set({ administrationId: v })}
              options={dir.administrations.map((a) => ({ id: a.id, label: a.name }))}
              emptyLabel={t('scheduling.fields.choose')}
              error={err('administrationId') ?? err('agentId')}
              required
            />
          )}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChoiceField
            label={t('scheduling.fields.msap')}
            value={value.msapSiteId}
            onChange={(v) => set({ msapSiteId: v })}
            options={dir.sites.map((s) => ({ id: s.id, label: s.name }))}
            emptyLabel={t('massCancel.allMsaps')}
            error={err('msapSiteId')}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <DayField label={t('scheduling.fields.from')} value={value.from} onChange={(v) => set({ from: v })} error={err('from')} />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <DayField label={t('scheduling.fields.to')} value={value.to} onChange={(v) => set({ to: v })} error={err('to')} />
        </div>
      </div>
      <Button type="submit" disabled={busy} className="fr-mt-2w">
        {t('massCancel.preview')}
      </Button>
    </form>
  );
}
