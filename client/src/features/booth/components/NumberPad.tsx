import { useTranslation } from 'react-i18next';
import '../i18n';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface NumberPadProps {
  value: string;
  onChange: (value: string) => void;
  /** Digits beyond this are not added (the pairing code has 8). */
  maxDigits: number;
  /** What « Valider » does, read after it by screen readers (it submits the form around the pad). */
  submitHint: string;
}

/**
 * Large keys 0–9, « Effacer » and « Valider » under the code field: a booth without a keyboard is
 * paired by touch alone; each key is a button, so the keyboard works too (as does typing in the field).
 */
export function NumberPad({ value, onChange, maxDigits, submitHint }: NumberPadProps) {
  const { t } = useTranslation('kiosk');
  const press = (digit: string) => {
    if (value.replace(/\D/g, '').length < maxDigits) onChange(value + digit);
  };
  const key = (digit: string) => (
    <button key={digit} type="button" className="kiosk-key" onClick={() => press(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="kiosk-keypad" role="group" aria-label={t('keypad.label')}>
      {DIGITS.map(key)}
      <button type="button" className="kiosk-key kiosk-key--word" aria-label={t('keypad.clearLabel')} onClick={() => onChange(value.trimEnd().slice(0, -1))}>
        {t('keypad.clear')}
      </button>
      {key('0')}
      <button type="submit" className="kiosk-key kiosk-key--word kiosk-key--submit">
        {t('keypad.submit')}
        <span className="fr-sr-only"> : {submitHint}</span>
      </button>
    </div>
  );
}
