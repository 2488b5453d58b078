import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorSummary } from '../../../components/error-summary';
import { describeError } from '../../../lib/api-errors';
import { getConsultation } from '../../../lib/consultations';
import { useApi } from '../../../lib/use-api';
import { OutcomeForm } from './OutcomeForm';

/** The outcome of a consultation recorded later (from the home page's reminder, or the agenda). */
export function OutcomePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error } = useApi(() => getConsultation(id), [id]);
  if (error) return <div className="fr-container fr-my-4w"><ErrorSummary message={describeError(t, error).summary} /></div>;
  if (!data) return null;
  // A call that started was held, unless the agent says otherwise; one that never started was not.
  return <OutcomeForm consultationId={id} initial={data.status === 'no_show' || (data.status !== 'done' && !data.callStartedAt) ? 'no_show' : 'done'} />;
}
