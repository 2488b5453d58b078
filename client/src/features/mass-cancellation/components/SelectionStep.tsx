import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../scheduling/hooks/use-directory';

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

const state = (message: string | undefined) => (message ? ('error' as const) : ('default' as const));

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
            <Select
              label={`${t('scheduling.fields.agent')} *`}
              nativeSelectProps={{ value: value.agentId, required: true, onChange: (e) => set({ agentId: e.target.value }) }}
              state={state(err('agentId'))}
              stateRelatedMessage={err('agentId')}
            >
              <option value="">{t('scheduling.fields.choose')}</option>
              {dir.agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName}
                </option>
              ))}
            </Select>
          ) : (
            <Select
              label={`${t('scheduling.fields.administration')} *`}
              nativeSelectProps={{ value: value.administrationId, required: true, onChange: (e) => set({ administrationId: e.target.value }) }}
              state={state(err('administrationId') ?? err('agentId'))}
              stateRelatedMessage={err('administrationId') ?? err('agentId')}
            >
              <option value="">{t('scheduling.fields.choose')}</option>
              {dir.administrations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('scheduling.fields.msap')}
            nativeSelectProps={{ value: value.msapSiteId, onChange: (e) => set({ msapSiteId: e.target.value }) }}
            state={state(err('msapSiteId'))}
            stateRelatedMessage={err('msapSiteId')}
          >
            <option value="">{t('massCancel.allMsaps')}</option>
            {dir.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label={t('scheduling.fields.from')}
            nativeInputProps={{ type: 'date', value: value.from, required: true, onChange: (e) => set({ from: e.target.value }) }}
            state={state(err('from'))}
            stateRelatedMessage={err('from')}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label={t('scheduling.fields.to')}
            nativeInputProps={{ type: 'date', value: value.to, required: true, onChange: (e) => set({ to: e.target.value }) }}
            state={state(err('to'))}
            stateRelatedMessage={err('to')}
          />
        </div>
      </div>
      <Button type="submit" disabled={busy} className="fr-mt-2w">
        {t('massCancel.preview')}
      </Button>
    </form>
  );
}
