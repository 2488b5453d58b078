import './app/dsfr-styles';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router-dom';
import { Layout } from './app/Layout';
import { AppRoutes } from './app/routes';
import { SessionProvider } from './lib/session';
import './i18n';

startReactDsfr({ defaultColorScheme: 'system', Link });

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <Layout>
          {/* Each page is its own chunk (app/routes.tsx). One boundary for them all: on navigation the page
              shown stays until the next one has arrived, rather than blanking for a moment. */}
          <Suspense fallback={null}>
            <AppRoutes />
          </Suspense>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
