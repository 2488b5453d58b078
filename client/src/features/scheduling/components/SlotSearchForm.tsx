import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../hooks/use-directory';

export interface SlotCriteria {
  administrationId: string;
  consultationTypeId: string;
  agentId: string;
  msapSiteId: string;
  boothId: string;
  from: string;
  to: string;
}

interface Props {
  value: SlotCriteria;
  onChange(value: SlotCriteria): void;
  onSubmit(): void;
  /** A facilitator searches at their own MSAP only: the MSAP is fixed and not offered. */
  fixedSiteId?: string | null;
  fieldErrors: Record<string, string>;
  busy: boolean;
}

const state = (message: string | undefined) => (message ? ('error' as const) : ('default' as const));

/** Administration or agent, MSAP or booth, type, date range (Paris days, both included). */
export function SlotSearchForm({ value, onChange, onSubmit, fixedSiteId, fieldErrors, busy }: Props) {
  const { t } = useTranslation();
  const dir = useDirectory(value.administrationId, value.msapSiteId);
  const set = (patch: Partial<SlotCriteria>) => onChange({ ...value, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const err = (field: string) => fieldErrors[field];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="slot-search-title">
      <h2 id="slot-search-title" className="fr-h4">
        {t('slots.search')}
      </h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('scheduling.fields.administration')}
            nativeSelectProps={{
              value: value.administrationId,
              onChange: (e) => set({ administrationId: e.target.value, consultationTypeId: '', agentId: '' }),
            }}
            state={state(err('administrationId'))}
            stateRelatedMessage={err('administrationId')}
          >
            <option value="">{t('scheduling.fields.any')}</option>
            {dir.administrations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={`${t('scheduling.fields.type')} *`}
            nativeSelectProps={{
              value: value.consultationTypeId,
              required: true,
              onChange: (e) => {
                const type = dir.allTypes.find((ty) => ty.id === e.target.value);
                set({ consultationTypeId: e.target.value, administrationId: type?.administrationId ?? value.administrationId });
              },
            }}
            state={state(err('consultationTypeId'))}
            stateRelatedMessage={err('consultationTypeId')}
          >
            <option value="">{t('scheduling.fields.choose')}</option>
            {dir.types.map((ty) => (
              <option key={ty.id} value={ty.id}>
                {ty.subject} ({ty.durationMinutes} min)
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('scheduling.fields.agent')}
            nativeSelectProps={{ value: value.agentId, onChange: (e) => set({ agentId: e.target.value }) }}
            state={state(err('agentId'))}
            stateRelatedMessage={err('agentId')}
          >
            <option value="">{t('scheduling.fields.anyAgent')}</option>
            {dir.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </Select>
        </div>
        {!fixedSiteId && (
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={`${t('scheduling.fields.msap')} *`}
              nativeSelectProps={{ value: value.msapSiteId, required: true, onChange: (e) => set({ msapSiteId: e.target.value, boothId: '' }) }}
              state={state(err('msapSiteId'))}
              stateRelatedMessage={err('msapSiteId')}
            >
              <option value="">{t('scheduling.fields.choose')}</option>
              {dir.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('scheduling.fields.booth')}
            nativeSelectProps={{ value: value.boothId, onChange: (e) => set({ boothId: e.target.value }) }}
            state={state(err('boothId'))}
            stateRelatedMessage={err('boothId')}
          >
            <option value="">{t('scheduling.fields.anyBooth')}</option>
            {dir.booths.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
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
        {busy ? t('slots.searching') : t('slots.search')}
      </Button>
    </form>
  );
}
