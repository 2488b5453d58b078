import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/error-summary';
import { ApiError } from '../../../lib/api';
import { openingHoursImpact } from '../api/opening-hours-impact';
import { saveOpeningHours } from '../api/save-opening-hours';
import type { WeeklyRange } from '../api/types';
import { useFocusLater } from '../hooks/use-focus-later';
import { useGuardedChange } from '../hooks/use-guarded-change';
import { rangeLines, refusalSummary } from '../range-summary';
import { draftProblems, fromApi, isUnsaved, serverProblems, toApi, type DraftProblems, type DraftRange } from '../weekly-draft';
import { ImpactReview } from './AffectedBookings';
import { ProblemSummary, type SummaryLine } from './ProblemSummary';
import { WeeklyRangesEditor } from './WeeklyRangesEditor';

interface Props {
  siteId: string;
  siteName: string;
  saved: WeeklyRange[];
  /** The hours as stored after a save (the bookings they leave outside are the page's to list). */
  onSaved(ranges: WeeklyRange[]): void;
  draft: DraftRange[];
  onDraft(draft: DraftRange[]): void;
}

const EDITOR = 'opening';

/**
 * An MSAP's weekly opening hours. Mistakes show as they are typed (a range that overlaps another,
 * ends before it starts); on "Enregistrer", the server checks again and lists the bookings the new
 * hours would leave outside before anything is saved.
 */
export function OpeningHoursSection({ siteId, siteName, saved, onSaved, draft, onDraft }: Props) {
  const { t } = useTranslation();
  const guarded = useGuardedChange();
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<DraftProblems>({});
  const [summary, setSummary] = useState<{ lead: string; lines: SummaryLine[] } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const focusLater = useFocusLater();

  const live = draftProblems(draft);
  // A time still to type is only an error once the person tried to save.
  const shown: DraftProblems = { ...server, ...Object.fromEntries(Object.entries(live).filter(([, p]) => submitted || p.code !== 'REQUIRED')) };
  const unsaved = isUnsaved(draft, saved);

  const edit = (next: DraftRange[]) => {
    onDraft(next);
    setServer({});
    setSummary(null);
    setDone(null);
    if (guarded.step.kind === 'review' || guarded.step.kind === 'saved') guarded.reset();
  };

  const fail = (err: unknown) => {
    setServer(serverProblems(draft, err instanceof ApiError ? err.fields : undefined));
    setSummary(refusalSummary(t, EDITOR, draft, err));
    setAttempt((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setDone(null);
    setAttempt((n) => n + 1);
    const problems = Object.keys(live).length;
    if (problems > 0) {
      setSummary({ lead: t('schedules.editor.toFix', { count: problems }), lines: rangeLines(t, EDITOR, draft, live) });
      return;
    }
    setSummary(null);
    const ranges = toApi(draft);
    try {
      await guarded.submit(
        () => openingHoursImpact(siteId, ranges),
        async () => {
          const stored = await saveOpeningHours(siteId, ranges);
          onDraft(fromApi(stored));
          setSubmitted(false);
          setDone(t('schedules.hours.saved', { site: siteName }));
          onSaved(stored);
        },
      );
    } catch (err) {
      fail(err);
    }
  };

  const confirm = () => void guarded.confirm().catch(fail);
  const step = guarded.step;

  return (
    <section aria-labelledby="opening-hours-title" className="fr-mt-4w fr-mb-6w">
      <h2 id="opening-hours-title">{t('schedules.hours.heading')}</h2>
      <p>{t('schedules.hours.hint')}</p>
      <ProblemSummary lead={summary?.lead ?? null} lines={summary?.lines ?? []} attempt={attempt} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <WeeklyRangesEditor id={EDITOR} draft={draft} onChange={edit} problems={shown} emptyDay={t('schedules.hours.closedDay')} />
        <ul className="fr-btns-group fr-btns-group--inline fr-mt-3w">
          <li>
            <Button type="submit" disabled={step.kind === 'busy' || step.kind === 'review'} nativeButtonProps={{ id: `${EDITOR}-save` }}>
              {t('schedules.hours.save')}
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" disabled={!unsaved || step.kind === 'busy'} onClick={() => edit(fromApi(saved))}>
              {t('schedules.editor.revert')}
            </Button>
          </li>
        </ul>
        {unsaved && <p className="fr-text--sm fr-mb-0" data-testid="unsaved">{t('schedules.editor.unsaved')}</p>}
      </form>
      {step.kind === 'review' && (
        <ImpactReview
          impact={step.impact}
          question={t('schedules.hours.reviewQuestion', { count: step.impact.total })}
          onConfirm={confirm}
          onCancel={() => {
            guarded.reset();
            focusLater(`${EDITOR}-save`);
          }}
          busy={false}
        />
      )}
      <StatusMessage message={done} testId="hours-saved" />
    </section>
  );
}
