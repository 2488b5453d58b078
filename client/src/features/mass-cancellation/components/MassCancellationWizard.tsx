import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ShownError } from '../../../lib/api-errors';
import { ErrorSummary } from '../../../components/error-summary';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { addDays, parisInstant, parisNextDay, todayInParis } from '../../../lib/paris-time';
import { createMassCancellation } from '../api/create-mass-cancellation';
import { getMassCancellation } from '../api/get-mass-cancellation';
import { getMassCancellationReport } from '../api/get-mass-cancellation-report';
import { previewMassCancellation } from '../api/preview-mass-cancellation';
import { previewMassCancellationMessages } from '../api/preview-mass-cancellation-messages';
import { MassCancellationCriteria, MassCancellationJob, MassCancellationMessages, MassCancellationPreview, MassCancellationReport } from '../api/types';
import { ExactMessages } from './ExactMessages';
import { localMessageError, MessageStep } from './MessageStep';
import { PreviewTable } from './PreviewTable';
import { ReportView } from './ReportView';
import { Selection, SelectionStep } from './SelectionStep';

const POLL_MS = 1000;
/** The live sample waits for a pause in the typing. */
const SAMPLE_DEBOUNCE_MS = 400;
/** Citizens whose exact messages the confirmation shows. */
const EXACT_COUNT = 5;

const criteriaOf = (selection: Selection): MassCancellationCriteria => ({
  agentId: selection.by === 'agent' ? selection.agentId || undefined : undefined,
  administrationId: selection.by === 'administration' ? selection.administrationId || undefined : undefined,
  msapSiteId: selection.msapSiteId || undefined,
  from: parisInstant(selection.from),
  to: parisNextDay(selection.to),
});

/**
 * Selection → preview → message → confirmation → progress and report. Each step's heading takes the
 * focus so the change of step is announced; nothing is cancelled before the explicit confirmation.
 * The message is checked by the server at its own step (an empty text or an unknown placeholder
 * stays there), and the confirmation shows exactly what the first citizens will receive.
 */
export function MassCancellationWizard() {
  const { t } = useTranslation();
  const steps = t('massCancel.steps', { returnObjects: true }) as string[];
  const today = todayInParis();
  const [step, setStep] = useState(1);
  const [selection, setSelection] = useState<Selection>({ by: 'agent', agentId: '', administrationId: '', msapSiteId: '', from: today, to: addDays(today, 13) });
  const [preview, setPreview] = useState<MassCancellationPreview | null>(null);
  const [message, setMessage] = useState(t('massCancel.defaultMessage'));
  const [live, setLive] = useState<{ message: string; value: MassCancellationMessages } | null>(null);
  const [exact, setExact] = useState<MassCancellationMessages | null>(null);
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

  const selected = useMemo(() => criteriaOf(selection), [selection]);

  // The message step's sample: the server renders the text for the first citizens once typing pauses.
  const localError = localMessageError(t, message);
  useEffect(() => {
    if (step !== 3 || localError || !message.trim()) return;
    let alive = true;
    const timer = setTimeout(() => {
      previewMassCancellationMessages(selected, message, 3).then(
        (value) => alive && setLive({ message, value }),
        () => undefined,
      );
    }, SAMPLE_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [step, message, selected, localError]);

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
      const p = await previewMassCancellation(selected);
      setPreview(p);
      if (p.total > 0) setStep(2);
    });

  /** "Suivant" on the message step: the server checks the message and renders it for the first citizens. */
  const checkMessage = () =>
    run(async () => {
      setExact(await previewMassCancellationMessages(selected, message, EXACT_COUNT));
      setStep(4);
    });

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      setJob(await createMassCancellation(selected, message));
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
    setExact(null);
    setLive(null);
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
          <MessageStep
            value={message}
            onChange={(value) => {
              setMessage(value);
              if (error) setError(null);
            }}
            fieldError={error?.fields.message}
            live={live?.message === message ? live.value : null}
          />
          <StepButtons onPrevious={() => setStep(2)} onNext={() => void checkMessage()} busy={busy} />
        </>
      )}

      {step === 4 && preview && exact && (
        <div className="fr-callout">
          <h3 className="fr-callout__title">{t('massCancel.confirmTitle')}</h3>
          <p className="fr-callout__text">{t('massCancel.confirmText', { count: preview.total })}</p>
          <ExactMessages messages={exact} typed={message} />
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

function StepButtons({ onPrevious, onNext, busy = false }: { onPrevious(): void; onNext(): void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
      <li>
        <Button priority="secondary" onClick={onPrevious}>
          {t('massCancel.previous')}
        </Button>
      </li>
      <li>
        <Button onClick={onNext} disabled={busy}>
          {t('massCancel.next')}
        </Button>
      </li>
    </ul>
  );
}
