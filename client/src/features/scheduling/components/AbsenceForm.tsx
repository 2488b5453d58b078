import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { describeError, ShownError } from '../../../lib/api-errors';
import type { AgentSummary } from '../../../lib/directory';
import { todayInParis } from '../../../lib/paris-time';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceField, DayField, fieldState } from '../../../components/form-fields';
import { absenceInstants, AbsenceInput, periodLabel } from '../absence-period';
import { AbsenceImpact, declareAbsence } from '../api/declare-absence';
import { listAbsences } from '../api/list-absences';

/**
 * Declares an agent absent for whole days (the default) or part of a day, from a date and time to
 * another. A refusal says why in French, under the field to correct; an overlap names the absence
 * already declared. `onSubmit`: a new declaration starts (the page drops the previous answer).
 */
export function AbsenceForm({ agents, onSubmit, onDeclared }: { agents: AgentSummary[]; onSubmit(): void; onDeclared(impact: AbsenceImpact): void }) {
  const { t } = useTranslation();
  const today = todayInParis();
  const [agentId, setAgentId] = useState('');
  const [input, setInput] = useState<AbsenceInput>({ wholeDays: true, fromDate: today, toDate: today, fromTime: '09:00', toTime: '12:00' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<AbsenceInput>) => setInput((current) => ({ ...current, ...change }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
    const missing: Record<string, string> = {};
    if (!agentId) missing.agentId = t('scheduling.errors.required');
    if (!input.fromDate) missing.from = t('scheduling.errors.required');
    if (!input.toDate) missing.to = t('scheduling.errors.required');
    if (!input.wholeDays && !input.fromTime) missing.fromTime = t('scheduling.errors.required');
    if (!input.wholeDays && !input.toTime) missing.toTime = t('scheduling.errors.required');
    if (Object.keys(missing).length > 0) {
      setError({ summary: t('scheduling.errors.summary'), fields: missing });
      return;
    }
    const { startsAt, endsAt } = absenceInstants(input);
    setBusy(true);
    setError(null);
    try {
      onDeclared(await declareAbsence(agentId, { startsAt, endsAt, reason: reason.trim() || undefined }));
    } catch (err) {
      // The API names startsAt/endsAt; the form shows them under its start and end: within one day,
      // an end before the start is the end time's to correct.
      const shown = describeError(t, err);
      const endField = !input.wholeDays && input.fromDate === input.toDate ? 'toTime' : 'to';
      const fields = { ...shown.fields, from: shown.fields.startsAt ?? shown.fields.from, [endField]: shown.fields.endsAt ?? shown.fields[endField] };
      setError({ summary: `${shown.summary}${await overlapped(err, agentId, startsAt, endsAt)}`, fields });
    } finally {
      setBusy(false);
    }
  };

  /** For an overlap, the absence already there, found the way the list finds it. */
  const overlapped = async (err: unknown, agent: string, startsAt: string, endsAt: string): Promise<string> => {
    if (!(err instanceof ApiError) || err.code !== 'ABSENCE_OVERLAP') return '';
    const [existing] = await listAbsences({ from: startsAt, to: endsAt, agentId: agent }).catch(() => []);
    return existing ? ` ${t('absences.overlapWith', { period: periodLabel(t, existing.startsAt, existing.endsAt) })}` : '';
  };
  const err = (field: string) => error?.fields[field];

  return (
    <section className="fr-mb-6w" aria-labelledby="absence-declare">
      <h2 id="absence-declare" className="fr-h4">
        {t('absences.declareTitle')}
      </h2>
      <ErrorSummary message={error?.summary ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <ChoiceField
              label={t('scheduling.fields.agent')}
              value={agentId}
              onChange={setAgentId}
              options={agents.map((a) => ({ id: a.id, label: a.displayName }))}
              emptyLabel={t('scheduling.fields.choose')}
              error={err('agentId')}
              required
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              small
              options={[
                {
                  label: t('absences.wholeDays'),
                  hintText: t('absences.wholeDaysHint'),
                  nativeInputProps: { checked: input.wholeDays, onChange: (e) => set({ wholeDays: e.target.checked }) },
                },
              ]}
            />
          </div>
          {input.wholeDays ? (
            <>
              <div className="fr-col-6 fr-col-lg-3">
                <DayField label={t('absences.fromDay')} value={input.fromDate} onChange={(fromDate) => set({ fromDate })} error={err('from')} />
              </div>
              <div className="fr-col-6 fr-col-lg-3">
                <DayField label={t('absences.toDay')} value={input.toDate} onChange={(toDate) => set({ toDate })} error={err('to')} />
              </div>
            </>
          ) : (
            <>
              <div className="fr-col-6 fr-col-lg-3">
                <DayField label={t('absences.fromDate')} value={input.fromDate} onChange={(fromDate) => set({ fromDate })} error={err('from')} />
              </div>
              <div className="fr-col-6 fr-col-lg-3">
                <TimeField label={t('absences.fromTime')} value={input.fromTime} onChange={(fromTime) => set({ fromTime })} error={err('fromTime')} />
              </div>
              <div className="fr-col-6 fr-col-lg-3">
                <DayField label={t('absences.toDate')} value={input.toDate} onChange={(toDate) => set({ toDate })} error={err('to')} />
              </div>
              <div className="fr-col-6 fr-col-lg-3">
                <TimeField label={t('absences.toTime')} value={input.toTime} onChange={(toTime) => set({ toTime })} error={err('toTime')} />
              </div>
            </>
          )}
          <div className="fr-col-12">
            <Input label={t('scheduling.fields.reason')} nativeInputProps={{ value: reason, maxLength: 300, onChange: (e) => setReason(e.target.value) }} />
          </div>
        </div>
        <Button type="submit" disabled={busy} className="fr-mt-2w">
          {t('absences.submit')}
        </Button>
      </form>
    </section>
  );
}

function TimeField({ label, value, onChange, error }: { label: string; value: string; onChange(value: string): void; error?: string }) {
  return (
    <Input
      label={label}
      nativeInputProps={{ type: 'time', step: 300, value, required: true, onChange: (e) => onChange(e.target.value) }}
      state={fieldState(error)}
      stateRelatedMessage={error}
    />
  );
}
