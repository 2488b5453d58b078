import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceField, fieldState } from '../../../components/form-fields';
import { describeError, type ShownError } from '../../../lib/api-errors';
import type { Administration, ConsultationType } from '../../../lib/directory';
import { createConsultationType } from '../api/create-consultation-type';
import { updateConsultationType } from '../api/update-consultation-type';

/** The API's bounds (CreateConsultationTypeDto): a booth is booked 5 minutes to 8 hours. */
export const DURATION = { min: 5, max: 480 } as const;
const MAX_DOCUMENTS = 20;
const MAX_TEXT = 200;

interface Props {
  /** null: a new type. */
  type: ConsultationType | null;
  administrations: readonly Administration[];
  defaultAdministrationId: string;
  onSaved(message: string): void;
  onCancel(): void;
}

/** The form of one consultation type; mistakes show as they are typed, the server checks again. */
export function TypeForm({ type, administrations, defaultAdministrationId, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [administrationId, setAdministrationId] = useState(type?.administrationId ?? defaultAdministrationId);
  const [subject, setSubject] = useState(type?.subject ?? '');
  const [duration, setDuration] = useState(String(type?.durationMinutes ?? 30));
  const [documents, setDocuments] = useState((type?.documents ?? []).join('\n'));
  const [active, setActive] = useState(type?.active ?? true);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const lines = documents
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const minutes = Number(duration);

  // Found as the person types (shown once they tried to save, or at once for a duration out of bounds).
  const live: Record<string, string> = {};
  if (!administrationId) live.administrationId = t('errors.fields.REQUIRED');
  if (subject.trim().length < 3) live.subject = t('schedules.types.subjectTooShort');
  if (subject.trim().length > MAX_TEXT) live.subject = t('errors.fields.TOO_LONG');
  if (duration.trim() === '' || !Number.isInteger(minutes) || minutes < DURATION.min || minutes > DURATION.max) live.durationMinutes = t('schedules.types.durationBounds', DURATION);
  if (lines.length > MAX_DOCUMENTS) live.documents = t('schedules.types.tooManyDocuments', { max: MAX_DOCUMENTS });
  else if (lines.some((l) => l.length > MAX_TEXT)) live.documents = t('schedules.types.documentTooLong', { max: MAX_TEXT });
  const immediate = duration.trim() !== '' ? ['durationMinutes', 'documents'] : ['documents'];
  const visible = Object.fromEntries(Object.entries(live).filter(([field]) => touched || immediate.includes(field)));
  const fields: Record<string, string> = { ...serverFields(error), ...visible };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(live).length > 0) {
      setError({ summary: t('scheduling.errors.summary'), fields: {} });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { subject: subject.trim(), durationMinutes: minutes, documents: lines };
      const saved = type ? await updateConsultationType(type.id, { ...body, active }) : await createConsultationType({ ...body, administrationId });
      onSaved(t(type ? 'schedules.types.updated' : 'schedules.types.created', { subject: saved.subject }));
    } catch (err) {
      setError(describeError(t, err, 'schedules.fieldNames'));
    } finally {
      setBusy(false);
    }
  };

  const administrationName = administrations.find((a) => a.id === administrationId)?.name ?? '';
  return (
    <section className="fr-p-3w fr-mb-3w fr-background-alt--blue-france" aria-labelledby="type-form-title">
      <h2 id="type-form-title" className="fr-h4" ref={heading} tabIndex={-1}>
        {type ? t('schedules.types.editHeading', { subject: type.subject }) : t('schedules.types.new')}
      </h2>
      <ErrorSummary message={error?.summary ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        {type ? (
          <p>
            {t('scheduling.fields.administration')} : <strong>{administrationName}</strong>
          </p>
        ) : (
          <ChoiceField
            label={t('scheduling.fields.administration')}
            value={administrationId}
            onChange={setAdministrationId}
            options={administrations.map((a) => ({ id: a.id, label: a.name }))}
            emptyLabel={t('scheduling.fields.choose')}
            error={fields.administrationId}
            required
          />
        )}
        <Input
          label={`${t('schedules.types.subject')} *`}
          hintText={t('schedules.types.subjectHint')}
          nativeInputProps={{ value: subject, required: true, maxLength: 250, onChange: (e) => setSubject(e.target.value) }}
          state={fieldState(fields.subject)}
          stateRelatedMessage={fields.subject}
        />
        <Input
          label={`${t('schedules.types.durationField')} *`}
          hintText={t('schedules.types.durationHint', DURATION)}
          nativeInputProps={{ type: 'number', inputMode: 'numeric', min: DURATION.min, max: DURATION.max, step: 5, value: duration, required: true, onChange: (e) => setDuration(e.target.value) }}
          state={fieldState(fields.durationMinutes)}
          stateRelatedMessage={fields.durationMinutes}
        />
        <Input
          textArea
          label={t('schedules.types.documents')}
          hintText={t('schedules.types.documentsHint', { max: MAX_DOCUMENTS })}
          nativeTextAreaProps={{ value: documents, rows: 4, onChange: (e) => setDocuments(e.target.value) }}
          state={fieldState(fields.documents)}
          stateRelatedMessage={fields.documents}
        />
        {type && (
          <Checkbox
            options={[
              {
                label: t('schedules.types.activeField'),
                hintText: t('schedules.types.activeHint'),
                nativeInputProps: { checked: active, onChange: (e) => setActive(e.target.checked) },
              },
            ]}
          />
        )}
        <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
          <li>
            <Button type="submit" disabled={busy}>
              {type ? t('schedules.types.save') : t('schedules.types.create')}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" onClick={onCancel}>
              {t('schedules.types.cancel')}
            </Button>
          </li>
        </ul>
      </form>
    </section>
  );
}

/** The server's refusals under the form's fields; documents.<i> under the one list. */
function serverFields(error: ShownError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error?.fields ?? {})) out[path.startsWith('documents') ? 'documents' : path] = message;
  return out;
}
