import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary';
import { fieldState } from '../../../components/form-fields';
import type { ShownError } from '../../../lib/api-errors';
import { describeDirectoryError, missingFieldsError } from '../directory-errors';

/**
 * One name to type and save, in place of the row it renames. The input takes the focus when it
 * opens; Escape or "Annuler" closes it (the caller puts the focus back on the control that opened it).
 */
export function InlineNameForm({
  label,
  initial,
  save,
  onCancel,
  testId,
}: {
  label: string;
  initial: string;
  save(name: string): Promise<void>;
  onCancel(): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(missingFieldsError(t, ['name']));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await save(name.trim());
    } catch (err) {
      setError(describeDirectoryError(t, err));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate data-testid={testId}>
      <ErrorSummary message={error?.summary ?? null} />
      <Input
        label={label}
        nativeInputProps={{ ref: input, value: name, required: true, autoComplete: 'off', onChange: (e) => setName(e.target.value) }}
        state={fieldState(error?.fields.name)}
        stateRelatedMessage={error?.fields.name}
      />
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
