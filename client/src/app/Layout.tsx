import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { usePageTitle } from '../lib/use-page-title';
import { useSession } from '../lib/session';
import { KioskLayout } from '../features/booth/components/KioskLayout';

/** A booth screen (a paired terminal, or any /borne page) gets the kiosk frame; everyone else the site's. */
export function Layout({ children }: { children: ReactNode }) {
  const { principal } = useSession();
  const { pathname } = useLocation();
  const kiosk = principal?.kind === 'device' || pathname === '/borne' || pathname.startsWith('/borne/');
  return kiosk ? <KioskLayout>{children}</KioskLayout> : <SiteLayout>{children}</SiteLayout>;
}

function SiteLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { principal, logout } = useSession();
  const main = useRef<HTMLElement>(null);
  usePageTitle(main, t('app.name'));
  const { pathname } = useLocation();
  const citizenPage = pathname.startsWith('/rdv/');
  const who = principal?.kind === 'user' ? `${principal.displayName} · ${t(`roles.${principal.role}`)}` : principal ? t('roles.device') : null;
  return (
    <>
      <SkipLinks links={[{ anchor: '#contenu', label: t('app.skip') }]} />
      <Header
        brandTop={<>République<br />Française</>}
        // A citizen on their appointment page has no account: the logo leads back to that page, not to the staff's sign-in.
        homeLinkProps={citizenPage ? { href: pathname, title: `${t('app.name')} — ${t('citizen.title').toLowerCase()}` } : { href: '/', title: `${t('app.name')} — accueil` }}
        serviceTitle={t('app.name')}
        serviceTagline={t('app.tagline')}
        quickAccessItems={
          principal?.kind === 'user'
            ? [
                { iconId: 'fr-icon-account-circle-line', text: t('accounts.mine.headerLink', { who }), linkProps: { to: '/mon-compte' } },
                { iconId: 'fr-icon-logout-box-r-line', text: t('common.signOut'), buttonProps: { onClick: () => void logout() } },
              ]
            : []
        }
      />
      <main id="contenu" role="main" tabIndex={-1} ref={main}>
        {children}
      </main>
      <Footer
        accessibility="partially compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        termsLinkProps={{ to: '/mentions-legales' }}
        bottomItems={[{ text: t('legal.footer.personalData'), linkProps: { to: '/donnees-personnelles' } }]}
      />
    </>
  );
}
