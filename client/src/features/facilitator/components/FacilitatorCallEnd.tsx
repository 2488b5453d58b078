import { Button } from '@codegouvfr/react-dsfr/Button';
import { CALL_FEEDBACK_NOTE_MAX } from '@shared/survey/call-feedback';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CallProblemsFields, callFeedbackBody, callProblemsTooLong, NO_CALL_PROBLEMS } from '../../../components/call-problems';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import type { CallEndReason } from '@shared/signalling/protocol';
import { describeError } from '../../../lib/api-errors';
import { callEndMessage } from '../../call/end-message';
import { recordCallFeedback } from '../../../lib/call-feedback';

/**
 * After a call the facilitator followed: once it ended, a short word on its problems (the same as
 * the agent's), kept per consultation; a call left or refused just says so, as before.
 */
export function FacilitatorCallEnd({ consultationId, status, reason }: { consultationId: string; status: 'ended' | 'refused'; reason: CallEndReason | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(NO_CALL_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  const held = status === 'ended' && reason === 'ended';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (callProblemsTooLong(value)) return setError(t('callFeedback.tooLong', { max: CALL_FEEDBACK_NOTE_MAX }));
    setBusy(true);
    setError(null);
    recordCallFeedback(consultationId, callFeedbackBody(value))
      .then(() => setSaved(true))
      .catch((err: unknown) => setError(describeError(t, err).summary))
      .finally(() => setBusy(false));
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{held ? t('callFeedback.facilitatorTitle') : callEndMessage(t, status, reason)}</h1>
      <StatusMessage message={saved ? t('callFeedback.saved') : null} testId="call-feedback-saved" focus />
      {held && !saved && (
        <form onSubmit={submit} noValidate>
          <p>{t('callFeedback.facilitatorIntro')}</p>
          <ErrorSummary message={error} />
          <CallProblemsFields value={value} onChange={setValue} />
          <Button type="submit" disabled={busy}>
            {t('callFeedback.submit')}
          </Button>
        </form>
      )}
      <p className="fr-mt-4w">
        <Link className={held && !saved ? 'fr-link' : 'fr-btn'} to="/">
          {t('callFeedback.back')}
        </Link>
      </p>
    </div>
  );
}
