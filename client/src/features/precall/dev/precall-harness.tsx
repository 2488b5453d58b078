/**
 * Test page for the pre-call check outside the app's routes, with the same DSFR and i18n setup as
 * main.tsx. Built by build-harness.mjs for test/e2e/precall.e2e-spec.ts; under `npm run dev:client`
 * it is also at /src/features/precall/dev/precall-harness.html, where StrictMode's double mount
 * exercises the cleanup; the test's production build checks it with the unmount button instead.
 */
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router-dom';
import { PreCallCheck } from '../components/PreCallCheck';
import type { PreCallReport } from '../report';

startReactDsfr({ defaultColorScheme: 'system', Link });

function Harness() {
  const [mounted, setMounted] = useState(true);
  // The test reads the report handed to onDone from here.
  const done = (report: PreCallReport) => {
    (window as unknown as { precallReport?: PreCallReport }).precallReport = report;
  };
  return (
    <main id="contenu">
      {mounted && <PreCallCheck onDone={done} />}
      <div className="fr-container fr-mb-4w">
        <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => setMounted((m) => !m)}>
          {mounted ? 'Démonter (banc d’essai)' : 'Remonter (banc d’essai)'}
        </button>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
