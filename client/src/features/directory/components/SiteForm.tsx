import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import { classifyPhone, displayPhone, normalizePhone } from '@shared/sms/phone';
import { fieldMessage, type ShownError } from '../../../lib/api-errors';
import { SiteInput } from '../api/types';
import { readPosition, showCoordinate } from '../coordinates';
import { describeDirectoryError, missingFieldsError } from '../directory-errors';
import { CoordinateFields } from './CoordinateFields';

const FIELDS = ['name', 'address', 'postalCode', 'city', 'departement'] as const;
/** The form's text boxes: the phone and the position are optional (empty: none), the others required. */
type Values = Record<(typeof FIELDS)[number] | 'phone' | 'latitude' | 'longitude', string>;
const EMPTY: Values = { name: '', address: '', postalCode: '', city: '', departement: '', phone: '', latitude: '', longitude: '' };
const POSITION = ['latitude', 'longitude'] as const;

/**
 * Creates or edits an MSAP site. A coordinator's département is fixed (`fixedDepartement`): they
 * manage the sites of theirs only. Required fields are checked here first, the server checks again.
 */
export function SiteForm({
  initial,
  fixedDepartement,
  submitLabel,
  save,
  onCancel,
  idPrefix,
}: {
  initial?: SiteInput;
  fixedDepartement: string | null;
  submitLabel: string;
  save(input: SiteInput): Promise<void>;
  onCancel?: () => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const start: Values = initial
    ? { ...initial, phone: initial.phone ? displayPhone(initial.phone) : '', latitude: showCoordinate(initial.latitude), longitude: showCoordinate(initial.longitude) }
    : { ...EMPTY, departement: fixedDepartement ?? '' };
  const [values, setValues] = useState<Values>(start);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = FIELDS.filter((f) => !values[f].trim());
    if (missing.length > 0) {
      setError(missingFieldsError(t, missing));
      return;
    }
    const phone = values.phone.trim();
    if (phone && classifyPhone(normalizePhone(phone)) === 'invalid') {
      const message = fieldMessage(t, 'INVALID_PHONE');
      setError({ summary: `${t('errors.codes.VALIDATION_FAILED')} ${t('directory.fields.phone')} : ${message}.`, fields: { phone: message } });
      return;
    }
    const read = readPosition(t, POSITION, [values.latitude, values.longitude]);
    if ('error' in read) {
      setError(read.error);
      return;
    }
    const [latitude, longitude] = read.position;
    setBusy(true);
    setError(null);
    try {
      const trimmed = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim()])) as unknown as SiteInput;
      // Emptied: the number is removed (the SMS then say nothing of it).
      await save({ ...trimmed, phone: phone || null, latitude, longitude });
      if (!initial) setValues({ ...EMPTY, departement: fixedDepartement ?? '' });
    } catch (err) {
      setError(describeDirectoryError(t, err));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof Values, extra: { hint?: string; inputMode?: 'numeric' | 'tel'; autoComplete?: string; disabled?: boolean; optional?: boolean } = {}) => (
    <Input
      label={extra.optional ? t(`directory.fields.${name}`) : `${t(`directory.fields.${name}`)} *`}
      hintText={extra.hint}
      disabled={extra.disabled}
      nativeInputProps={{
        id: `${idPrefix}-${name}`,
        value: values[name],
        required: !extra.optional,
        type: name === 'phone' ? 'tel' : undefined,
        inputMode: extra.inputMode,
        autoComplete: extra.autoComplete ?? 'off',
        onChange: set(name),
      }}
      state={fieldState(error?.fields[name])}
      stateRelatedMessage={error?.fields[name]}
    />
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary message={error?.summary ?? null} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">{field('name')}</div>
        <div className="fr-col-12 fr-col-md-6">{field('address', { autoComplete: 'street-address' })}</div>
        <div className="fr-col-6 fr-col-md-3">{field('postalCode', { inputMode: 'numeric', autoComplete: 'postal-code' })}</div>
        <div className="fr-col-6 fr-col-md-5">{field('city', { autoComplete: 'address-level2' })}</div>
        <div className="fr-col-12 fr-col-md-4">{field('departement', { hint: t('directory.fields.departementHint'), disabled: fixedDepartement !== null })}</div>
        <div className="fr-col-12 fr-col-md-6">{field('phone', { hint: t('directory.fields.phoneHint'), inputMode: 'tel', autoComplete: 'tel', optional: true })}</div>
        <CoordinateFields
          idPrefix={idPrefix}
          fields={POSITION}
          values={[values.latitude, values.longitude]}
          onChange={([latitude, longitude]) => setValues((v) => ({ ...v, latitude, longitude }))}
          errors={error?.fields}
        />
        <p className="fr-col-12 fr-hint-text fr-mb-0">{t('directory.position.hint')}</p>
      </div>
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <Button type="submit" size="small" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" size="small" priority="secondary" onClick={onCancel}>
            {t('directory.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
