import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import type { ShownError } from '../../../lib/api-errors';
import { Administration, listAdministrations } from '../../../lib/directory';
import { useApi } from '../../../lib/use-api';
import { createAdministration } from '../api/create-administration';
import { updateAdministration } from '../api/update-administration';
import { readPosition, showCoordinate } from '../coordinates';
import { describeDirectoryError, missingFieldsError } from '../directory-errors';
import { CoordinateFields, PositionText } from './CoordinateFields';
import { InlineNameForm } from './InlineNameForm';

const OFFICE = ['officeLatitude', 'officeLongitude'] as const;

/** Administrations in the caller's scope; admins create and rename them and place their office, others read. */
export function AdministrationsSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useApi(listAdministrations, []);
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setStatus(message);
    list.reload();
  };
  return (
    <section aria-labelledby="directory-administrations" className="fr-mb-6w">
      <h2 id="directory-administrations">{t('directory.administrations.title')}</h2>
      {!canEdit && <p className="fr-text--sm">{t('directory.administrations.readOnly')}</p>}
      <StatusMessage message={status} focus />
      {list.error ? <ErrorSummary message={describeDirectoryError(t, list.error).summary} /> : null}
      {list.data && list.data.length === 0 && <p>{t('directory.administrations.none')}</p>}
      {list.data && list.data.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>{t('directory.administrations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.fields.name')}</th>
                <th scope="col">{t('directory.fields.departement')}</th>
                <th scope="col">{t('directory.administrations.office')}</th>
                {canEdit && <th scope="col">{t('directory.booths.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <AdministrationRow key={a.id} administration={a} canEdit={canEdit} onDone={done} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <>
          <h3 className="fr-h6">{t('directory.administrations.add')}</h3>
          <NewAdministrationForm onCreated={(name) => done(t('directory.administrations.created', { name }))} />
        </>
      )}
    </section>
  );
}

function AdministrationRow({ administration, canEdit, onDone }: { administration: Administration; canEdit: boolean; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [placing, setPlacing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const placer = useRef<HTMLButtonElement>(null);
  const closePosition = () => {
    setPlacing(false);
    setTimeout(() => placer.current?.focus(), 0);
  };
  return (
    <>
      <tr>
        <td>
          {renaming ? (
            <InlineNameForm
              label={t('directory.booths.renameLabel', { name: administration.name })}
              initial={administration.name}
              onCancel={() => {
                setRenaming(false);
                setTimeout(() => opener.current?.focus(), 0);
              }}
              save={async (name) => {
                await updateAdministration(administration.id, { name });
                setRenaming(false);
                onDone(t('directory.administrations.updated', { name }));
              }}
            />
          ) : (
            administration.name
          )}
        </td>
        <td>{administration.departement}</td>
        <td>
          <PositionText latitude={administration.officeLatitude} longitude={administration.officeLongitude} />
        </td>
        {canEdit && (
          <td>
            {!renaming && (
              <Button
                ref={opener}
                size="small"
                priority="secondary"
                nativeButtonProps={{ 'aria-label': t('directory.booths.renameAria', { name: administration.name }) }}
                onClick={() => setRenaming(true)}
              >
                {t('directory.booths.rename')}
              </Button>
            )}{' '}
            {!placing && (
              <Button
                ref={placer}
                size="small"
                priority="secondary"
                nativeButtonProps={{ 'aria-label': t('directory.administrations.editPositionAria', { name: administration.name }) }}
                onClick={() => setPlacing(true)}
              >
                {t('directory.administrations.editPosition')}
              </Button>
            )}
          </td>
        )}
      </tr>
      {placing && (
        <tr>
          <td colSpan={4}>
            <OfficePositionForm
              administration={administration}
              onCancel={closePosition}
              onSaved={() => {
                setPlacing(false);
                onDone(t('directory.administrations.positionSaved', { name: administration.name }));
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** The office's position, on its own: a name is renamed apart, and most offices are placed once. */
function OfficePositionForm({ administration, onSaved, onCancel }: { administration: Administration; onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const idPrefix = `office-${administration.id}`;
  const [values, setValues] = useState<[string, string]>([showCoordinate(administration.officeLatitude), showCoordinate(administration.officeLongitude)]);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById(`${idPrefix}-${OFFICE[0]}`)?.focus(), [idPrefix]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const read = readPosition(t, OFFICE, values);
    if ('error' in read) {
      setError(read.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await updateAdministration(administration.id, { officeLatitude: read.position[0], officeLongitude: read.position[1] });
      onSaved();
    } catch (err) {
      setError(describeDirectoryError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('directory.administrations.positionTitle', { name: administration.name })}>
      <p className="fr-text--bold fr-mb-1w">{t('directory.administrations.positionTitle', { name: administration.name })}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <CoordinateFields idPrefix={idPrefix} fields={OFFICE} values={values} onChange={setValues} errors={error?.fields} column="fr-col-12 fr-col-sm-6 fr-col-lg-4" />
      </div>
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <Button type="submit" size="small" disabled={busy}>
          {t('directory.save')}
        </Button>
        <Button type="button" size="small" priority="secondary" onClick={onCancel}>
          {t('directory.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NewAdministrationForm({ onCreated }: { onCreated(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [departement, setDepartement] = useState('');
  const [position, setPosition] = useState<[string, string]>(['', '']);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = (['name', 'departement'] as const).filter((f) => !(f === 'name' ? name : departement).trim());
    if (missing.length > 0) {
      setError(missingFieldsError(t, missing));
      return;
    }
    const read = readPosition(t, OFFICE, position);
    if ('error' in read) {
      setError(read.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [officeLatitude, officeLongitude] = read.position;
      const created = await createAdministration({ name: name.trim(), departement: departement.trim(), officeLatitude, officeLongitude });
      setName('');
      setDepartement('');
      setPosition(['', '']);
      onCreated(created.name);
    } catch (err) {
      setError(describeDirectoryError(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary message={error?.summary ?? null} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={`${t('directory.fields.name')} *`}
            nativeInputProps={{ value: name, required: true, autoComplete: 'off', onChange: (e) => setName(e.target.value) }}
            state={fieldState(error?.fields.name)}
            stateRelatedMessage={error?.fields.name}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={`${t('directory.fields.departement')} *`}
            hintText={t('directory.fields.departementHint')}
            nativeInputProps={{ value: departement, required: true, autoComplete: 'off', onChange: (e) => setDepartement(e.target.value) }}
            state={fieldState(error?.fields.departement)}
            stateRelatedMessage={error?.fields.departement}
          />
        </div>
        <CoordinateFields idPrefix="new-administration" fields={OFFICE} values={position} onChange={setPosition} errors={error?.fields} />
        <p className="fr-col-12 fr-col-md-6 fr-hint-text fr-mb-0">{t('directory.position.hint')}</p>
      </div>
      <Button type="submit" size="small" disabled={busy}>
        {t('directory.administrations.create')}
      </Button>
    </form>
  );
}
