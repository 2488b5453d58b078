import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';

/** DSFR field state from a field's error message: the message shows under the field, in words. */
export const fieldState = (message: string | undefined) => (message ? ('error' as const) : ('default' as const));

/** A labelled choice among `options`, with an empty first choice and the field's error under it. */
export function ChoiceField({
  label,
  value,
  onChange,
  options,
  emptyLabel,
  error,
  required = false,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  options: ReadonlyArray<{ id: string; label: string }>;
  emptyLabel: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <Select
      label={required ? `${label} *` : label}
      nativeSelectProps={{ value, required, onChange: (e) => onChange(e.target.value) }}
      state={fieldState(error)}
      stateRelatedMessage={error}
    >
      <option value="">{emptyLabel}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

/** A required calendar day (YYYY-MM-DD) with its error under it. */
export function DayField({ label, value, onChange, error }: { label: string; value: string; onChange(value: string): void; error?: string }) {
  return (
    <Input
      label={label}
      nativeInputProps={{ type: 'date', value, required: true, onChange: (e) => onChange(e.target.value) }}
      state={fieldState(error)}
      stateRelatedMessage={error}
    />
  );
}
