import { Input } from '@codegouvfr/react-dsfr/Input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shared/accounts/accounts';
import { useTranslation } from 'react-i18next';
import { fieldState } from '../../../components/form-fields';

/** A new password and its confirmation, with the rule said before typing and each field's error under it. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
  field = 'newPassword',
}: {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  errors?: Record<string, string>;
  /** The API's name of the field, for its error ("password" through a link, "newPassword" in "Mon compte"). */
  field?: 'password' | 'newPassword';
}) {
  const { t } = useTranslation();
  return (
    <>
      <Input
        label={`${t('accounts.fields.newPassword')} *`}
        hintText={t('accounts.password.hint')}
        nativeInputProps={{
          type: 'password',
          autoComplete: 'new-password',
          required: true,
          minLength: PASSWORD_MIN_LENGTH,
          maxLength: PASSWORD_MAX_LENGTH,
          value: password,
          onChange: (e) => onPassword(e.target.value),
        }}
        state={fieldState(errors?.[field])}
        stateRelatedMessage={errors?.[field]}
      />
      <Input
        label={`${t('accounts.fields.confirmPassword')} *`}
        nativeInputProps={{ type: 'password', autoComplete: 'new-password', required: true, maxLength: PASSWORD_MAX_LENGTH, value: confirm, onChange: (e) => onConfirm(e.target.value) }}
        state={fieldState(errors?.confirmPassword)}
        stateRelatedMessage={errors?.confirmPassword}
      />
    </>
  );
}
