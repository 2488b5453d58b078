import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../../lib/use-api';
import { describeError } from '../../../lib/api-errors';
import { listConsultationTypes } from '../../../lib/directory';
import { searchSlots } from '../api/search-slots';
import { SlotSearchResult } from '../api/types';
import { addDays, dateOf, dayLabel, parisInstant, parisNextDay, timeOf, todayInParis, whenLabel } from '../../../lib/paris-time';
import { BookingForm } from './BookingForm';
import { SlipLink } from './SlipLink';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { FacilitatorNav } from '../../../components/facilitator-nav';
import { ErrorSummary, StatusMessage } from '../../../components/error-summary';
import { SlotCriteria, SlotSearchForm } from './SlotSearchForm';

type Slot = SlotSearchResult['slots'][number];

interface Props {
  /** Set for a facilitator: their MSAP, fixed. */
  fixedSiteId?: string | null;
  boardPath?: string | null;
}

/** Free slots for the criteria, then the booking form for the one chosen ("Réserver"). */
export function SlotSearchPage({ fixedSiteId = null, boardPath = '/coordination/planning' }: Props) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const today = todayInParis();
  const [criteria, setCriteria] = useState<SlotCriteria>({
    administrationId: params.get('administrationId') ?? '',
    consultationTypeId: params.get('consultationTypeId') ?? '',
    agentId: params.get('agentId') ?? '',
    msapSiteId: fixedSiteId ?? params.get('msapSiteId') ?? '',
    boothId: params.get('boothId') ?? '',
    from: params.get('from') ?? today,
    to: params.get('to') ?? addDays(today, 6),
  });
  const types = useApi(() => listConsultationTypes(), []);
  const [result, setResult] = useState<SlotSearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ summary: string; fields: Record<string, string> } | null>(null);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The booking just made, for its printed slip. */
  const [booked, setBooked] = useState<{ id: string; citizen: string } | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultsHeading.current?.focus();
  }, [result]);

  const search = async () => {
    const fields: Record<string, string> = {};
    if (!criteria.consultationTypeId) fields.consultationTypeId = t('slots.needType');
    if (!criteria.msapSiteId && !criteria.boothId) fields.msapSiteId = t('scheduling.errors.required');
    if (!criteria.from) fields.from = t('scheduling.errors.required');
    if (!criteria.to) fields.to = t('scheduling.errors.required');
    if (Object.keys(fields).length > 0) {
      setError({ summary: t('scheduling.errors.summary'), fields });
      return;
    }
    setBusy(true);
    setError(null);
    setChosen(null);
    // Stale slots must not stay on screen (and be booked) while the new search runs.
    setResult(null);
    try {
      setResult(
        await searchSlots({
          consultationTypeId: criteria.consultationTypeId,
          administrationId: criteria.administrationId || undefined,
          agentId: criteria.agentId || undefined,
          msapSiteId: criteria.boothId ? undefined : criteria.msapSiteId,
          boothId: criteria.boothId || undefined,
          from: parisInstant(criteria.from),
          to: parisNextDay(criteria.to),
          limit: 300,
        }),
      );
    } catch (err) {
      setResult(null);
      setError(describeError(t, err));
    } finally {
      setBusy(false);
    }
  };

  const byDay = new Map<string, Slot[]>();
  for (const slot of result?.slots ?? []) {
    const day = dateOf(slot.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const type = types.data?.find((ty) => ty.id === result?.consultationTypeId);

  return (
    <div className="fr-container fr-my-4w">
      <h1>{fixedSiteId ? t('slots.titleFacilitator') : t('slots.title')}</h1>
      {fixedSiteId ? <FacilitatorNav /> : <CoordinatorNav />}
      <p>{t('slots.intro')}</p>
      <StatusMessage message={done} testId="booking-done" focus />
      {done && (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left fr-mb-3w">
          {booked && (
            <li>
              <SlipLink consultationId={booked.id} citizenName={booked.citizen} />
            </li>
          )}
          {boardPath && (
            <li>
              <Link className="fr-btn fr-btn--secondary" to={boardPath}>
                {t('booking.seeBoard')}
              </Link>
            </li>
          )}
        </ul>
      )}
      <ErrorSummary message={error?.summary ?? null} />
      <SlotSearchForm
        value={criteria}
        onChange={setCriteria}
        onSubmit={() => void search()}
        fixedSiteId={fixedSiteId}
        fieldErrors={error?.fields ?? {}}
        busy={busy}
      />

      {chosen && result && (
        <div className="fr-mt-4w">
          <BookingForm
            key={chosen.startsAt}
            slot={chosen}
            result={result}
            type={type}
            onBack={() => setChosen(null)}
            onRefresh={() => void search()}
            onBooked={(c, labels) => {
              setChosen(null);
              setResult(null);
              setDone(t('booking.done', { name: c.citizen.name, when: whenLabel(c.startsAt), ...labels }));
              setBooked({ id: c.id, citizen: c.citizen.name });
            }}
          />
        </div>
      )}

      {/* The live region stays mounted so the count is announced; it is named by its heading once there is one. */}
      <section className="fr-mt-4w" aria-labelledby={result ? 'slot-results' : undefined}>
        <div role="status" aria-live="polite">
          {result && (
            <h2 id="slot-results" className="fr-h4" ref={resultsHeading} tabIndex={-1}>
              {result.slots.length === 0
                ? t('slots.none')
                : t(result.truncated ? 'slots.resultsTruncated' : 'slots.results', { count: result.slots.length })}
            </h2>
          )}
        </div>
        {result &&
          [...byDay.entries()].map(([day, slots]) => (
            <div key={day} className="fr-table fr-mb-3w">
              <table>
                <caption>{t('slots.day', { day: dayLabel(day) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('slots.table.time')}</th>
                    <th scope="col">{t('slots.table.agents')}</th>
                    <th scope="col">{t('slots.table.booths')}</th>
                    <th scope="col">{t('slots.table.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {slots.map((slot) => (
                    <tr key={slot.startsAt}>
                      <th scope="row">
                        {timeOf(slot.startsAt)} – {timeOf(slot.endsAt)}
                      </th>
                      <td>{slot.agents.map((i) => result.agents[i]!.displayName).join(', ')}</td>
                      <td>{slot.booths.map((i) => result.booths[i]!.name).join(', ')}</td>
                      <td>
                        <Button
                          size="small"
                          onClick={() => {
                            setDone(null);
                            setChosen(slot);
                          }}
                          nativeButtonProps={{ 'aria-label': t('slots.bookLabel', { when: whenLabel(slot.startsAt) }) }}
                        >
                          {t('slots.book')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
    </div>
  );
}
