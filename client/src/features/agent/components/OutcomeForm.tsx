import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { CALL_FEEDBACK_NOTE_MAX } from '@shared/survey/call-feedback';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CallProblemsFields, callFeedbackBody, callProblemsTooLong, NO_CALL_PROBLEMS } from '../../../components/call-problems';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { recordCallFeedback } from '../../../lib/call-feedback';
import { describeError } from '../../../lib/api-errors';
import { ConsultationOutcome, getConsultation, recordOutcome } from '../../../lib/consultations';
import { timeOf } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';

/** The same bound as the server's (OUTCOME_NOTE_MAX). */
export const OUTCOME_NOTE_MAX = 1000;

/**
 * What happened in a consultation, recorded by its agent right after the call (or later, from the
 * home page's reminder): held or citizen absent, with a short note; right after the call
 * (`withProblems`), also the problems met during it, for the quality follow-up.
 */
export function OutcomeForm({ consultationId, initial, withProblems = false }: { consultationId: string; initial: ConsultationOutcome; withProblems?: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ConsultationOutcome>(initial);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState(NO_CALL_PROBLEMS);
  const tooLong = note.length > OUTCOME_NOTE_MAX;
  const { data: c } = useApi(() => getConsultation(consultationId), [consultationId]);
  // Coming from the call, the page was scrolled to its controls.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (tooLong) return setError(t('outcome.tooLong', { max: OUTCOME_NOTE_MAX }));
    if (withProblems && callProblemsTooLong(problems)) return setError(t('callFeedback.tooLong', { max: CALL_FEEDBACK_NOTE_MAX }));
    setBusy(true);
    setError(null);
    // Both are idempotent: after a failure, sending again records each once.
    recordOutcome(consultationId, status, note)
      .then(() => (withProblems ? recordCallFeedback(consultationId, callFeedbackBody(problems)) : undefined))
      .then(() => setSaved(true))
      .catch((err: unknown) => setError(describeError(t, err).summary))
      .finally(() => setBusy(false));
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('outcome.title')}</h1>
      {c && (
        <p className="fr-text--lead" data-testid="outcome-consultation">
          {timeOf(c.startsAt)} – {timeOf(c.endsAt)} · {[c.citizen.name, c.subject ?? c.administrationName].filter(Boolean).join(' · ')}
        </p>
      )}
      <StatusMessage message={saved ? t('outcome.saved') : null} testId="outcome-saved" focus />
      {saved ? (
        <Link className="fr-btn" to="/agent">
          {t('outcome.back')}
        </Link>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('outcome.intro')}</p>
          <ErrorSummary message={error} />
          <RadioButtons
            legend={t('outcome.legend')}
            options={(['done', 'no_show'] as const).map((value) => ({
              label: t(`outcome.${value}`),
              nativeInputProps: { value, checked: status === value, onChange: () => setStatus(value) },
            }))}
          />
          <Input
            textArea
            label={t('outcome.note')}
            hintText={t('outcome.noteHint', { max: OUTCOME_NOTE_MAX })}
            state={tooLong ? 'error' : 'default'}
            stateRelatedMessage={tooLong ? t('outcome.tooLong', { max: OUTCOME_NOTE_MAX }) : undefined}
            nativeTextAreaProps={{ value: note, rows: 3, onChange: (e) => setNote(e.target.value) }}
          />
          {withProblems && <CallProblemsFields value={problems} onChange={setProblems} />}
          <Button type="submit" disabled={busy}>
            {t('outcome.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
