import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../../lib/use-api';
import { Consultation, listConsultations, STATUS_SEVERITY } from '../../../lib/consultations';
import { useDirectory } from '../../../lib/use-directory';
import { addDays, dateOf, dayLabel, mondayOf, parisInstant, shortDayLabel, timeOf, todayInParis } from '../../../lib/paris-time';
import { ConsultationPanel } from './ConsultationPanel';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import { FacilitatorNav } from '../../../components/facilitator-nav';
import { StatusMessage } from '../../../components/error-summary';

type View = 'msap' | 'agent';

interface Row {
  id: string;
  label: string;
  /** Query of the slot search opened from a free cell of this row; null: nothing can be booked there. */
  search: Record<string, string> | null;
  matches(c: Consultation): boolean;
}

/**
 * The week (Monday–Saturday, Paris) as a table: one row per booth of an MSAP, or per agent. A table
 * of buttons rather than drag and drop: every action is reachable with Tab and Enter, and read in
 * order by screen readers; moving is a form in the panel.
 */
export function WeekBoard({ fixedSiteId = null, slotSearchPath = '/coordination/creneaux' }: { fixedSiteId?: string | null; slotSearchPath?: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // A facilitator sees their own MSAP's booths only.
  const view: View = !fixedSiteId && params.get('vue') === 'agent' ? 'agent' : 'msap';
  const monday = mondayOf(params.get('semaine') ?? todayInParis());
  const siteId = fixedSiteId ?? params.get('site') ?? '';
  const administrationId = params.get('administration') ?? '';
  const dir = useDirectory(administrationId, siteId);
  const days = [0, 1, 2, 3, 4, 5].map((i) => addDays(monday, i));
  const [selected, setSelected] = useState<Consultation | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const ready = view === 'agent' || siteId !== '';
  const board = useApi(
    () =>
      ready
        ? listConsultations(parisInstant(monday), parisInstant(addDays(monday, 7)), view === 'msap' ? { msapSiteId: siteId } : { administrationId: administrationId || undefined })
        : Promise.resolve([] as Consultation[]),
    [monday, view, siteId, administrationId, ready],
  );

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
    setSelected(null);
  };

  const consultations = board.data ?? [];
  // Opened from the facilitator's desk (an alert's "Déplacer"): that consultation's panel is open.
  const wanted = params.get('rendezvous');
  useEffect(() => {
    const found = wanted ? board.data?.find((c) => c.id === wanted) : undefined;
    if (found) setSelected(found);
  }, [wanted, board.data]);
  // Booths in service, and any retired one that still holds consultations this week (its history).
  const booths = [...dir.booths.map((b) => ({ id: b.id, name: b.name, retired: false }))];
  for (const c of consultations) if (!booths.some((b) => b.id === c.boothId)) booths.push({ id: c.boothId, name: c.boothName, retired: true });
  const rows: Row[] =
    view === 'msap'
      ? booths.map((b) => ({
          id: b.id,
          label: b.retired ? t('board.retiredBooth', { name: b.name }) : b.name,
          search: b.retired ? null : { msapSiteId: siteId, boothId: b.id },
          matches: (c) => c.boothId === b.id,
        }))
      : dir.agents.map((a) => ({
          id: a.id,
          label: a.displayName,
          search: { administrationId: a.administrationId, agentId: a.id },
          matches: (c) => c.agentId === a.id,
        }));

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('board.title')}</h1>
      {fixedSiteId ? <FacilitatorNav /> : <CoordinatorNav />}
      <p>{t('board.intro')}</p>
      {!fixedSiteId && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <RadioButtons
              legend={t('board.view')}
              options={[
                { label: t('board.byMsap'), nativeInputProps: { checked: view === 'msap', onChange: () => update({ vue: 'msap' }) } },
                { label: t('board.byAgent'), nativeInputProps: { checked: view === 'agent', onChange: () => update({ vue: 'agent' }) } },
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            {view === 'msap' ? (
              <Select label={t('scheduling.fields.msap')} nativeSelectProps={{ value: siteId, onChange: (e) => update({ site: e.target.value }) }}>
                <option value="">{t('scheduling.fields.choose')}</option>
                {dir.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            ) : (
              <Select
                label={t('scheduling.fields.administration')}
                nativeSelectProps={{ value: administrationId, onChange: (e) => update({ administration: e.target.value }) }}
              >
                <option value="">{t('scheduling.fields.any')}</option>
                {dir.administrations.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            )}
          </div>
        </div>
      )}

      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
        <li>
          <Button size="small" priority="secondary" onClick={() => update({ semaine: addDays(monday, -7) })}>
            <span aria-hidden="true">←</span> {t('board.previous')}
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => update({ semaine: '' })}>
            {t('board.thisWeek')}
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => update({ semaine: addDays(monday, 7) })}>
            {t('board.next')} <span aria-hidden="true">→</span>
          </Button>
        </li>
      </ul>

      <StatusMessage message={message} testId="board-message" focus />
      <p role="status" aria-live="polite" className="fr-sr-only">
        {board.data ? t('board.loaded', { count: consultations.filter((c) => days.includes(dateOf(c.startsAt))).length }) : ''}
      </p>

      {!ready ? (
        <p>{t('board.pickSite')}</p>
      ) : (
        <div className="fr-table fr-table--bordered">
          <table data-testid="week-board">
            <caption>{t('board.caption', { from: dayLabel(days[0]!), to: dayLabel(days[5]!) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('board.rowHeader')}</th>
                {days.map((d) => (
                  <th scope="col" key={d}>
                    {shortDayLabel(d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {days.map((day) => {
                    const here = consultations.filter((c) => row.matches(c) && dateOf(c.startsAt) === day);
                    const search = row.search;
                    return (
                      <td key={day} style={{ verticalAlign: 'top', minWidth: '9rem' }}>
                        <ul className="fr-raw-list">
                          {here.map((c) => (
                            <li key={c.id} className="fr-mb-1w">
                              <button
                                type="button"
                                className="fr-btn fr-btn--sm fr-btn--tertiary"
                                style={c.status === 'cancelled' ? { textDecoration: 'line-through' } : undefined}
                                aria-expanded={selected?.id === c.id}
                                onClick={() => {
                                  setMessage(null);
                                  setSelected(c);
                                }}
                              >
                                {timeOf(c.startsAt)}–{timeOf(c.endsAt)} {c.citizen.name}
                                {view === 'msap' ? ` · ${c.agentName}` : ` · ${c.boothName}`}
                              </button>{' '}
                              <Badge severity={STATUS_SEVERITY[c.status]} small noIcon>
                                {t(`consultation.status.${c.status}`)}
                              </Badge>
                            </li>
                          ))}
                        </ul>
                        {search && (
                          <Link
                            className="fr-link fr-text--sm"
                            to={`${slotSearchPath}?${new URLSearchParams({ ...search, from: day, to: day }).toString()}`}
                            aria-label={t('board.createLabel', { row: row.label, day: dayLabel(day) })}
                          >
                            + {t('board.create')}
                          </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {selected && (
        <ConsultationPanel
          key={selected.id}
          consultation={selected}
          onClose={() => setSelected(null)}
          onChanged={(msg) => {
            setSelected(null);
            setMessage(msg);
            board.reload();
          }}
        />
      )}
    </div>
  );
}
