import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ShownError } from '../../../lib/api-errors';
import { ErrorSummary } from '../../../components/error-summary';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { addDays, parisInstant, parisNextDay, todayInParis } from '../../../lib/paris-time';
import { createMassCancellation } from '../api/create-mass-cancellation';
import { getMassCancellation } from '../api/get-mass-cancellation';
import { getMassCancellationReport } from '../api/get-mass-cancellation-report';
import { previewMassCancellation } from '../api/preview-mass-cancellation';
import { MassCancellationCriteria, MassCancellationJob, MassCancellationPreview, MassCancellationReport } from '../api/types';
import { MessageStep } from './MessageStep';
import { PreviewTable } from './PreviewTable';
import { ReportView } from './ReportView';
import { Selection, SelectionStep } from './SelectionStep';

const POLL_MS = 1000;

/**
 * Selection → preview → message → confirmation → progress and report. Each step's heading takes the
 * focus so the change of step is announced; nothing is cancelled before the explicit confirmation.
 */
export function MassCancellationWizard() {
  const { t } = useTranslation();
  const steps = t('massCancel.steps', { returnObjects: true }) as string[];
  const today = todayInParis();
  const [step, setStep] = useState(1);
  const [selection, setSelection] = useState<Selection>({ by: 'agent', agentId: '', administrationId: '', msapSiteId: '', from: today, to: addDays(today, 13) });
  const [preview, setPreview] = useState<MassCancellationPreview | null>(null);
  const [message, setMessage] = useState(t('massCancel.defaultMessage'));
  const [job, setJob] = useState<MassCancellationJob | null>(null);
  const [report, setReport] = useState<MassCancellationReport | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const stepper = useRef<HTMLDivElement>(null);

  // The stepper's own heading ("Étape 2 sur 5 — Aperçu") takes the focus at each step, so the change is read.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    const title = stepper.current?.querySelector<HTMLElement>('h2');
    if (!title) return;
    title.tabIndex = -1;
    title.focus();
  }, [step]);

  const criteria = (): MassCancellationCriteria => ({
    agentId: selection.by === 'agent' ? selection.agentId || undefined : undefined,
    administrationId: selection.by === 'administration' ? selection.administrationId || undefined : undefined,
    msapSiteId: selection.msapSiteId || undefined,
    from: parisInstant(selection.from),
    to: parisNextDay(selection.to),
  });

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  const loadPreview = () =>
    run(async () => {
      const p = await previewMassCancellation(criteria());
      setPreview(p);
      if (p.total > 0) setStep(2);
    });

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await createMassCancellation(criteria(), message));
      setStep(5);
    } catch (err) {
      const shown = describeError(t, err);
      setError(shown);
      // A refused message is corrected where it is written.
      if (shown.fields.message) setStep(3);
    } finally {
      setBusy(false);
    }
  };

  // Progress: poll the job until it is done and every message has left (or failed), then the report.
  const jobId = job?.id;
  const finished = job !== null && job.state === 'completed' && job.pending === 0;
  useEffect(() => {
    if (!jobId || finished) return;
    const timer = setInterval(() => {
      getMassCancellation(jobId)
        .then(setJob)
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, finished]);
  useEffect(() => {
    if (jobId && finished) void getMassCancellationReport(jobId).then(setReport);
  }, [jobId, finished]);

  const restart = () => {
    setStep(1);
    setPreview(null);
    setJob(null);
    setReport(null);
    setError(null);
  };

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('massCancel.title')}</h1>
      <CoordinatorNav />
      <div ref={stepper}>
        <Stepper currentStep={step} stepCount={steps.length} title={steps[step - 1]!} nextTitle={steps[step]} />
      </div>
      <ErrorSummary message={error?.summary ?? null} />

      {step === 1 && (
        <>
          <SelectionStep value={selection} onChange={setSelection} fieldErrors={error?.fields ?? {}} busy={busy} onSubmit={() => void loadPreview()} />
          {preview && preview.total === 0 && (
            <p role="status" className="fr-mt-2w">
              {t('massCancel.noneFound')}
            </p>
          )}
        </>
      )}

      {step === 2 && preview && (
        <>
          <p role="status" data-testid="mass-preview-count">
            <strong>{t('massCancel.count', { count: preview.total })}</strong>{' '}
            {preview.withoutContact > 0 && t('massCancel.withoutContact', { count: preview.withoutContact })}
          </p>
          <PreviewTable preview={preview} />
          <StepButtons onPrevious={() => setStep(1)} onNext={() => setStep(3)} />
        </>
      )}

      {step === 3 && preview && (
        <>
          <MessageStep value={message} onChange={setMessage} sample={preview.items[0]} fieldError={error?.fields.message} />
          <StepButtons onPrevious={() => setStep(2)} onNext={() => setStep(4)} />
        </>
      )}

      {step === 4 && preview && (
        <div className="fr-callout">
          <h3 className="fr-callout__title">{t('massCancel.confirmTitle')}</h3>
          <p className="fr-callout__text">{t('massCancel.confirmText', { count: preview.total })}</p>
          <blockquote className="fr-p-2w fr-background-alt--grey" style={{ whiteSpace: 'pre-wrap' }}>
            {message}
          </blockquote>
          <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
            <li>
              <Button priority="secondary" onClick={() => setStep(3)}>
                {t('massCancel.previous')}
              </Button>
            </li>
            <li>
              <Button disabled={busy} onClick={() => void confirm()}>
                {t('massCancel.confirm', { count: preview.total })}
              </Button>
            </li>
          </ul>
        </div>
      )}

      {step === 5 && job && <ReportView job={job} report={report} onRestart={restart} />}
    </div>
  );
}

function StepButtons({ onPrevious, onNext }: { onPrevious(): void; onNext(): void }) {
  const { t } = useTranslation();
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
      <li>
        <Button priority="secondary" onClick={onPrevious}>
          {t('massCancel.previous')}
        </Button>
      </li>
      <li>
        <Button onClick={onNext}>{t('massCancel.next')}</Button>
      </li>
    </ul>
  );
}
