import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/use-api';
import { describeError } from '../../../lib/api-errors';
import { listConsultations, STATUS_SEVERITY } from '../../../lib/consultations';
import { ConsultationAction } from './ConsultationAction';
import { useJoinWindow } from '../hooks/use-join-window';
import { ErrorSummary } from '../../../components/error-summary';
import { addDays, dateOf, dayLabel, mondayOf, parisInstant, timeOf, todayInParis } from '../../../lib/paris-time';
import { IcsFeed } from './IcsFeed';

type Span = 'day' | 'week';

/** The agent's own consultations, one day or one week (Paris), with the link to join each call. */
export function AgentAgenda() {
  const { t } = useTranslation();
  const join = useJoinWindow();
  const [span, setSpan] = useState<Span>('week');
  const [anchor, setAnchor] = useState(todayInParis());
  const first = span === 'day' ? anchor : mondayOf(anchor);
  const length = span === 'day' ? 1 : 7;
  const days = Array.from({ length }, (_, i) => addDays(first, i));
  const agenda = useApi(() => listConsultations(parisInstant(first), parisInstant(addDays(first, length))), [first, length]);
  const items = agenda.data ?? [];

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('agenda.title')}</h1>
      <SegmentedControl
        legend={t('agenda.view')}
        segments={[
          { label: t('agenda.day'), nativeInputProps: { checked: span === 'day', onChange: () => setSpan('day') } },
          { label: t('agenda.week'), nativeInputProps: { checked: span === 'week', onChange: () => setSpan('week') } },
        ]}
      />
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-2w">
        <li>
          <Button size="small" priority="secondary" onClick={() => setAnchor(addDays(anchor, -length))}>
            {t('agenda.previous')}
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => setAnchor(todayInParis())}>
            {t('agenda.today')}
          </Button>
        </li>
        <li>
          <Button size="small" priority="secondary" onClick={() => setAnchor(addDays(anchor, length))}>
            {t('agenda.next')}
          </Button>
        </li>
      </ul>
      {agenda.error ? <ErrorSummary message={describeError(t, agenda.error).summary} /> : null}
      <div aria-live="polite">
        {agenda.data && items.length === 0 && <p>{t('agenda.none')}</p>}
        {days.map((day) => {
          const here = items.filter((c) => dateOf(c.startsAt) === day);
          if (here.length === 0) return null;
          return (
            <section key={day} className="fr-mb-3w" aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} className="fr-h5">
                {dayLabel(day)}
              </h2>
              <ul className="fr-raw-list" data-testid="agenda-day">
                {here.map((c) => (
                  <li key={c.id} className="fr-mb-2w">
                    <strong>
                      {timeOf(c.startsAt)} – {timeOf(c.endsAt)}
                    </strong>{' '}
                    {c.citizen.name} · {c.subject ?? c.administrationName} · {t('agenda.at', { booth: c.boothName, msap: c.msapSiteName })}{' '}
                    <Badge severity={STATUS_SEVERITY[c.status]} small noIcon>
                      {t(`consultation.status.${c.status}`)}
                    </Badge>{' '}
                    <ConsultationAction consultation={c} joinWindow={join.window} joinFailed={join.failed} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <IcsFeed />
    </div>
  );
}
