import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../../lib/use-directory';
import { ChoiceField, DayField, fieldState } from '../../../components/form-fields';

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
          <ChoiceField
            label={t('scheduling.fields.administration')}
            value={value.administrationId}
            onChange={(v) => set({ administrationId: v, consultationTypeId: '', agentId: '' })}
            options={dir.administrations.map((a) => ({ id: a.id, label: a.name }))}
            emptyLabel={t('scheduling.fields.any')}
            error={err('administrationId')}
          />
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
            state={fieldState(err('consultationTypeId'))}
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
          <ChoiceField
            label={t('scheduling.fields.agent')}
            value={value.agentId}
            onChange={(v) => set({ agentId: v })}
            options={dir.agents.map((a) => ({ id: a.id, label: a.displayName }))}
            emptyLabel={t('scheduling.fields.anyAgent')}
            error={err('agentId')}
          />
        </div>
        {!fixedSiteId && (
          <div className="fr-col-12 fr-col-md-6">
            <ChoiceField
              label={t('scheduling.fields.msap')}
              value={value.msapSiteId}
              onChange={(v) => set({ msapSiteId: v, boothId: '' })}
              options={dir.sites.map((s) => ({ id: s.id, label: s.name }))}
              emptyLabel={t('scheduling.fields.choose')}
              error={err('msapSiteId')}
              required
            />
          </div>
        )}
        <div className="fr-col-12 fr-col-md-6">
          <ChoiceField
            label={t('scheduling.fields.booth')}
            value={value.boothId}
            onChange={(v) => set({ boothId: v })}
            options={dir.booths.map((b) => ({ id: b.id, label: b.name }))}
            emptyLabel={t('scheduling.fields.anyBooth')}
            error={err('boothId')}
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
        {busy ? t('slots.searching') : t('slots.search')}
      </Button>
    </form>
  );
}
