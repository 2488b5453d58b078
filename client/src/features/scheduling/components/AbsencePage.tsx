import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ShownError } from '../../../lib/api-errors';
import { cancelConsultation } from '../api/cancel-consultation';
import { AbsenceImpact, declareAbsence } from '../api/declare-absence';
import { reassignConsultation } from '../api/reassign-consultation';
import { useDirectory } from '../../../lib/use-directory';
import { parisInstant, parisNextDay, todayInParis, whenLabel } from '../../../lib/paris-time';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { ChoiceField, DayField } from '../../../components/form-fields';

type Affected = AbsenceImpact['affected'][number];
/** Declares an agent absent, then settles each affected booking: a free colleague, or cancellation. */
export function AbsencePage() {
  const { t } = useTranslation();
  const dir = useDirectory('', '');
  const today = todayInParis();
  const [agentId, setAgentId] = useState('');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [impact, setImpact] = useState<AbsenceImpact | null>(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The answer replaces nothing on screen: focus goes to it so it is read next.
  useEffect(() => {
    if (impact) resultHeading.current?.focus();
  }, [impact]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!agentId) {
      setError({ summary: t('scheduling.errors.summary'), fields: { agentId: t('scheduling.errors.required') } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const declared = await declareAbsence(agentId, { startsAt: parisInstant(from), endsAt: parisNextDay(to), reason: reason.trim() || undefined });
      setImpact(declared);
    } catch (err) {
      // The API names startsAt/endsAt; the form shows them under "from" and "to".
      const shown = describeError(t, err);
      setError({ ...shown, fields: { ...shown.fields, from: shown.fields.startsAt ?? shown.fields.from, to: shown.fields.endsAt ?? shown.fields.to } });
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => error?.fields[field];

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('absence.title')}</h1>
      <CoordinatorNav />
      <p>{t('absence.intro')}</p>
      <ErrorSummary message={error?.summary ?? null} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <ChoiceField
              label={t('scheduling.fields.agent')}
              value={agentId}
              onChange={setAgentId}
              options={dir.agents.map((a) => ({ id: a.id, label: a.displayName }))}
              emptyLabel={t('scheduling.fields.choose')}
              error={err('agentId')}
              required
            />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <DayField label={t('absence.from')} value={from} onChange={setFrom} error={err('from')} />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <DayField label={t('absence.to')} value={to} onChange={setTo} error={err('to')} />
          </div>
          <div className="fr-col-12">
            <Input label={t('scheduling.fields.reason')} nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
          </div>
        </div>
        <Button type="submit" disabled={busy} className="fr-mt-2w">
          {t('absence.submit')}
        </Button>
      </form>

      {impact && (
        <section className="fr-mt-4w" aria-labelledby="absence-result">
          <h2 id="absence-result" className="fr-h4" ref={resultHeading} tabIndex={-1}>
            {t('absence.declared', { count: impact.affected.length })}
          </h2>
          {impact.affected.length === 0 ? (
            <p>{t('absence.none')}</p>
          ) : (
            <ul className="fr-raw-list">
              {impact.affected.map((a) => (
                <AffectedBooking key={a.consultation.id} affected={a} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function AffectedBooking({ affected }: { affected: Affected }) {
  const { t } = useTranslation();
  const c = affected.consultation;
  const [replacement, setReplacement] = useState(affected.replacements[0]?.agentId ?? '');
  const [reason, setReason] = useState(t('absence.cancelDefault'));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const run = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setDone(await action());
    } catch (err) {
      setError(describeError(t, err));
    }
  };
  const titleId = `affected-${c.id}`;
  return (
    <li className="fr-p-2w fr-mb-2w fr-background-alt--grey">
      <h3 id={titleId} className="fr-h6">
        {whenLabel(c.startsAt)} — {c.citizen.name}
      </h3>
      <p className="fr-text--sm fr-mb-1w" data-testid="affected-place">
        {t('absence.place', { subject: c.subject ?? c.administrationName, booth: c.boothName, msap: c.msapSiteName })}
      </p>
      <ErrorSummary message={error?.summary ?? null} />
      <StatusMessage message={done} />
      {!done && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            {affected.replacements.length === 0 ? (
              <p>{t('absence.noReplacement')}</p>
            ) : (
              <>
                <Select label={t('absence.reassignTo')} nativeSelectProps={{ value: replacement, onChange: (e) => setReplacement(e.target.value) }}>
                  {affected.replacements.map((r) => (
                    <option key={r.agentId} value={r.agentId}>
                      {r.displayName}
                    </option>
                  ))}
                </Select>
                <Button
                  size="small"
                  onClick={() =>
                    void run(async () => {
                      await reassignConsultation(c.id, replacement);
                      return t('absence.reassigned', { agent: affected.replacements.find((r) => r.agentId === replacement)?.displayName ?? '' });
                    })
                  }
                >
                  {t('absence.reassign')}
                </Button>
              </>
            )}
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label={t('absence.cancelReason')} nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value) }} />
            <Button
              size="small"
              priority="secondary"
              onClick={() =>
                void run(async () => {
                  await cancelConsultation(c.id, reason.trim());
                  return t('absence.cancelled');
                })
              }
            >
              {t('absence.cancel')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
