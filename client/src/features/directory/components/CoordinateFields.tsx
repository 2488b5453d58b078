import { Input } from '@codegouvfr/react-dsfr/Input';
import { useTranslation } from 'react-i18next';
import { fieldState } from '../../../components/form-fields';
import { showCoordinate } from '../coordinates';

/**
 * The two optional boxes of a position (a site's booth, an administration's office), typed in
 * decimal degrees with a comma or a point. Both or neither: the server names the half missing.
 */
export function CoordinateFields({
  idPrefix,
  fields,
  values,
  onChange,
  errors,
  column = 'fr-col-6 fr-col-md-3',
}: {
  idPrefix: string;
  /** The grid column of each box (the form's row holds other fields beside them, or none). */
  column?: string;
  /** The API's names of the two halves (their labels are directory.fields.<name>). */
  fields: readonly [string, string];
  values: readonly [string, string];
  onChange(values: [string, string]): void;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const box = (i: 0 | 1) => {
    const name = fields[i];
    return (
      <Input
        label={t(`directory.fields.${name}`)}
        hintText={t(i === 0 ? 'directory.fields.latitudeHint' : 'directory.fields.longitudeHint')}
        nativeInputProps={{
          id: `${idPrefix}-${name}`,
          value: values[i],
          inputMode: 'decimal',
          autoComplete: 'off',
          onChange: (e) => onChange(i === 0 ? [e.target.value, values[1]] : [values[0], e.target.value]),
        }}
        state={fieldState(errors?.[name])}
        stateRelatedMessage={errors?.[name]}
      />
    );
  };
  return (
    <>
      <div className={column}>{box(0)}</div>
      <div className={column}>{box(1)}</div>
    </>
  );
}

/** "latitude 47,9029 · longitude 1,9093", or that none is given. */
export function PositionText({ latitude, longitude }: { latitude: number | null; longitude: number | null }) {
  const { t } = useTranslation();
  if (latitude === null || longitude === null) return <>{t('directory.position.none')}</>;
  return <>{t('directory.position.value', { latitude: showCoordinate(latitude), longitude: showCoordinate(longitude) })}</>;
}
