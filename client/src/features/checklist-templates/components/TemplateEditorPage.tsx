import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ConfirmPanel } from '../../../components/confirm';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { errorMessage } from '../../../lib/api-errors';
import { type ConsultationType, listAdministrations, listConsultationTypes } from '../../../lib/directory';
import { useApi } from '../../../lib/use-api';
import { getDefaults, getTemplate } from '../api/templates';
import { TemplateEditor } from './TemplateEditor';

/**
 * "Fiches d'accompagnement": the coordinator picks an administration and one of its consultation
 * types, then edits the checklist facilitators fill for it. Every save is a new version; filled
 * checklists keep the version they were filled with.
 */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const administrations = useApi(listAdministrations, []);
  const defaults = useApi(getDefaults, []);
  const admins = administrations.data ?? [];
  const administrationId = params.get('administration') ?? (admins.length === 1 ? admins[0]!.id : '');
  const typeId = params.get('objet') ?? '';
  const types = useApi(() => (administrationId ? listConsultationTypes(administrationId) : Promise.resolve([] as ConsultationType[])), [administrationId]);
  const template = useApi(() => (typeId ? getTemplate(typeId) : Promise.resolve(null)), [typeId]);
  const [status, setStatus] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ field: 'administration' | 'objet'; patch: Record<string, string> } | null>(null);

  // Closing or reloading the tab would lose the edits: the browser asks first. The last
  // "saved" sentence is about a version being edited again: it goes.
  useEffect(() => {
    if (!dirty) return;
    setStatus(null);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const typeList = (types.data ?? [])
    .filter((ty) => ty.administrationId === administrationId)
    .sort((a, b) => Number(b.active) - Number(a.active) || a.subject.localeCompare(b.subject, 'fr'));
  const type = typeList.find((ty) => ty.id === typeId) ?? null;
  const loaded = type && template.data?.consultationTypeId === type.id ? template.data : null;
  const loadError = administrations.error ?? types.error ?? template.error ?? defaults.error;

  const apply = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
    setStatus(null);
    setPending(null);
  };
  const choose = (field: 'administration' | 'objet', patch: Record<string, string>) => (dirty ? setPending({ field, patch }) : apply(patch));

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('checklistTemplates.title')}</h1>
      <CoordinatorNav />
      <p>{t('checklistTemplates.intro')}</p>
      <ErrorSummary message={loadError ? errorMessage(t, loadError) : null} />
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('checklistTemplates.administration')}
            nativeSelectProps={{ id: 'tpl-administration', value: administrationId, onChange: (e) => choose('administration', { administration: e.target.value, objet: '' }) }}
          >
            <option value="">{t('checklistTemplates.choose')}</option>
            {admins.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('checklistTemplates.type')}
            disabled={!administrationId}
            nativeSelectProps={{ id: 'tpl-type', value: type ? typeId : '', onChange: (e) => choose('objet', { administration: administrationId, objet: e.target.value }) }}
          >
            <option value="">{t('checklistTemplates.choose')}</option>
            {typeList.map((ty) => (
              <option key={ty.id} value={ty.id}>
                {ty.active ? ty.subject : t('checklistTemplates.retiredType', { subject: ty.subject })}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {pending && type && (
        <ConfirmPanel
          question={t('checklistTemplates.leave.question')}
          detail={t('checklistTemplates.leave.detail', { subject: type.subject })}
          confirmLabel={t('checklistTemplates.leave.yes')}
          cancelLabel={t('checklistTemplates.leave.no')}
          onConfirm={() => apply(pending.patch)}
          onCancel={() => {
            setPending(null);
            document.getElementById(pending.field === 'administration' ? 'tpl-administration' : 'tpl-type')?.focus();
          }}
        />
      )}
      {administrations.data && admins.length === 0 && <p>{t('checklistTemplates.noAdministration')}</p>}
      {administrationId && types.data && typeList.length === 0 && <p>{t('checklistTemplates.noType')}</p>}
      {/* Before any choice too: with several administrations, none is chosen for the coordinator. */}
      {!type && (administrationId ? typeList.length > 0 : admins.length > 0) && <p className="fr-text--sm">{t('checklistTemplates.pick')}</p>}
      {type && !loaded && !template.error && <p>{t('checklistTemplates.loading')}</p>}

      <StatusMessage message={status} focus testId="template-status" />
      {type && loaded && (
        <TemplateEditor
          key={type.id}
          subject={type.subject}
          loaded={loaded}
          defaults={defaults.data}
          onDirtyChange={setDirty}
          onReload={template.reload}
          onDone={(message) => {
            setStatus(message);
            template.reload();
          }}
        />
      )}
    </div>
  );
}
