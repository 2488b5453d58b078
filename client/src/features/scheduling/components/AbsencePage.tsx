import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '../../../lib/use-directory';
import { CoordinatorNav } from '../../../components/coordinator-nav';
import type { AbsenceImpact } from '../api/declare-absence';
import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';
import { AffectedBookings } from './AffectedBookings';

/**
 * The agents' absences: declare one (whole days or part of a day), then settle each booking it hits
 * (a free colleague, another slot, or cancellation); below, the absences of a period, to review,
 * settle later or delete.
 */
export function AbsencePage() {
  const { t } = useTranslation();
  const dir = useDirectory('', '');
  const [impact, setImpact] = useState<AbsenceImpact | null>(null);
  const [version, setVersion] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // The answer replaces nothing on screen: focus goes to it so it is read next.
  useEffect(() => {
    if (impact) resultHeading.current?.focus();
  }, [impact]);

  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('absences.title')}</h1>
      <CoordinatorNav />
      <p>{t('absences.intro')}</p>
      <AbsenceForm
        agents={dir.agents}
        onSubmit={() => setImpact(null)}
        onDeclared={(declared) => {
          setImpact(declared);
          setVersion((v) => v + 1);
        }}
      />
      {impact && (
        <section className="fr-mb-6w" aria-labelledby="absence-result">
          <h2 id="absence-result" className="fr-h4" ref={resultHeading} tabIndex={-1}>
            {t('absences.declared', { count: impact.affected.length })}
          </h2>
          <AffectedBookings key={impact.absence.id} affected={impact.affected} onSettled={() => setVersion((v) => v + 1)} />
        </section>
      )}
      <AbsenceList agents={dir.agents} version={version} />
    </div>
  );
}
