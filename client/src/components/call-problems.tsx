import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { CALL_FEEDBACK_NOTE_MAX, CALL_PROBLEMS, type CallProblem } from '@shared/survey/call-feedback';
import { useTranslation } from 'react-i18next';

export interface CallProblemsValue {
  problems: CallProblem[];
  note: string;
}

export const NO_CALL_PROBLEMS: CallProblemsValue = { problems: [], note: '' };
export const callProblemsTooLong = (v: CallProblemsValue) => v.note.length > CALL_FEEDBACK_NOTE_MAX;

/** "Problèmes pendant l'appel": the agent's end form and the facilitator's end screen share it. */
export function CallProblemsFields({ value, onChange }: { value: CallProblemsValue; onChange: (v: CallProblemsValue) => void }) {
  const { t } = useTranslation();
  const tooLong = callProblemsTooLong(value);
  const toggle = (p: CallProblem, on: boolean) => onChange({ ...value, problems: on ? [...value.problems, p] : value.problems.filter((x) => x !== p) });
  return (
    <>
      <Checkbox
        legend={t('callFeedback.legend')}
        hintText={t('callFeedback.hint')}
        orientation="horizontal"
        options={CALL_PROBLEMS.map((p) => ({
          label: t(`callFeedback.problems.${p}`),
          nativeInputProps: { name: 'call-problems', value: p, checked: value.problems.includes(p), onChange: (e) => toggle(p, e.target.checked) },
        }))}
      />
      <Input
        label={t('callFeedback.note')}
        hintText={t('callFeedback.noteHint', { max: CALL_FEEDBACK_NOTE_MAX })}
        state={tooLong ? 'error' : 'default'}
        stateRelatedMessage={tooLong ? t('callFeedback.tooLong', { max: CALL_FEEDBACK_NOTE_MAX }) : undefined}
        nativeInputProps={{ value: value.note, onChange: (e) => onChange({ ...value, note: e.target.value }) }}
      />
    </>
  );
}

/** The form's value as the API takes it (no empty note). */
export const callFeedbackBody = (v: CallProblemsValue) => ({ problems: v.problems, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
