import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { StatusMessage } from '../../../components/error-summary';
import { listAdministrations, listConsultationTypes, type ConsultationType } from '../../../lib/directory';
import { useApi } from '../../../lib/use-api';
import { TypeForm } from './TypeForm';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; type: ConsultationType };

/**
 * What each administration offers at the booths: subject, length, papers to bring. A type is never
 * deleted (past consultations keep it); it stops being offered when it is no longer "proposé".
 */
export function ConsultationTypesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const administrationId = params.get('administration') ?? '';
  const administrations = useApi(listAdministrations, []);
  const types = useApi(() => listConsultationTypes(), []);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [message, setMessage] = useState<string | null>(null);
  // The button that opened the form: closed without saving, the focus goes back to it.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (returnTo && editing.kind === 'none') document.getElementById(returnTo)?.focus();
  }, [returnTo, editing]);

  // Types of the administrations the caller manages (their département's), of the one chosen if any.
  const names = new Map((administrations.data ?? []).map((a) => [a.id, a.name]));
  const shown = (types.data ?? []).filter((ty) => names.has(ty.administrationId) && (!administrationId || ty.administrationId === administrationId));
  const open = (next: Editing) => {
    setMessage(null);
    setReturnTo(null);
    setEditing(next);
  };
  const openerId = (e: Editing) => (e.kind === 'edit' ? `type-edit-${e.type.id}` : 'type-new');

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('schedules.types.title')}</h1>
      <CoordinatorNav />
      <p>{t('schedules.types.intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('scheduling.fields.administration')}
            nativeSelectProps={{ value: administrationId, onChange: (e) => setParams(e.target.value ? { administration: e.target.value } : {}) }}
          >
            <option value="">{t('schedules.types.allAdministrations')}</option>
            {(administrations.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Button className="fr-mb-3w" iconId="fr-icon-add-line" onClick={() => open({ kind: 'new' })} disabled={editing.kind === 'new'} nativeButtonProps={{ id: 'type-new' }}>
            {t('schedules.types.new')}
          </Button>
        </div>
      </div>

      <StatusMessage message={message} testId="types-message" focus />

      {editing.kind !== 'none' && (
        <TypeForm
          key={editing.kind === 'edit' ? editing.type.id : 'new'}
          type={editing.kind === 'edit' ? editing.type : null}
          administrations={administrations.data ?? []}
          defaultAdministrationId={administrationId}
          onCancel={() => {
            setReturnTo(openerId(editing));
            setEditing({ kind: 'none' });
          }}
          onSaved={(msg) => {
            setEditing({ kind: 'none' });
            setMessage(msg);
            types.reload();
          }}
        />
      )}

      {types.data && shown.length === 0 && <p>{t('schedules.types.none')}</p>}
      {shown.length > 0 && (
        <div className="fr-table fr-table--bordered fr-mt-3w">
          <table data-testid="types">
            <caption>{t('schedules.types.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schedules.types.subject')}</th>
                <th scope="col">{t('scheduling.fields.administration')}</th>
                <th scope="col">{t('schedules.types.duration')}</th>
                <th scope="col">{t('schedules.types.documents')}</th>
                <th scope="col">{t('schedules.types.state')}</th>
                <th scope="col">{t('schedules.types.action')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((ty) => (
                <tr key={ty.id}>
                  <th scope="row">{ty.subject}</th>
                  <td>{names.get(ty.administrationId)}</td>
                  <td>{t('schedules.types.minutes', { count: ty.durationMinutes })}</td>
                  <td>
                    {ty.documents.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="fr-mb-0">
                        {ty.documents.map((d) => (
                          <li key={d}>{d}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Badge severity={ty.active ? 'success' : undefined} small noIcon>
                      {ty.active ? t('schedules.types.active') : t('schedules.types.inactive')}
                    </Badge>
                  </td>
                  <td>
                    <Button size="small" priority="secondary" onClick={() => open({ kind: 'edit', type: ty })} nativeButtonProps={{ id: `type-edit-${ty.id}`, 'aria-label': t('schedules.types.editLabel', { subject: ty.subject }) }}>
                      {t('schedules.types.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
