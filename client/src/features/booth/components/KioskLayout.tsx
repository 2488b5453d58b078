import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../../lib/session';
import { usePageTitle } from '../../../lib/use-page-title';
import { BoothLinkProvider, useBoothLink } from '../hooks/use-booth-link';
import { useFullscreenOnFirstGesture } from '../hooks/use-fullscreen';
import { BOOTH_WELCOME } from '../lib/privacy-wipe';
import { ConnectionLost } from './ConnectionLost';
import { FacilitatorCorner } from './FacilitatorCorner';
import { IdleReset } from './IdleReset';
import '../i18n';
import '../kiosk.css';

/** The call (lobby, live, its end screen): its own reconnection display and its own way home. */
const inCall = (pathname: string) => matchPath('/borne/consultation/:id', pathname) !== null;

/**
 * The booth's frame: the State's mark and the service's name, not links; nothing a citizen could
 * press by mistake to leave the service (no site links, no footer, no sign-out); the facilitator's
 * corner; the connection-lost screen and the idle countdown where they apply.
 */
export function KioskLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('kiosk');
  const app = useTranslation().t;
  const main = useRef<HTMLElement>(null);
  usePageTitle(main, app('app.name'));
  const { principal } = useSession();
  const paired = principal?.kind === 'device';
  useFullscreenOnFirstGesture(true);
  const navigate = useNavigate();
  return (
    <BoothLinkProvider>
      <div className="kiosk">
        <SkipLinks links={[{ anchor: '#contenu', label: app('app.skip') }]} />
        <header className="kiosk-bar" aria-label={t('topBar')}>
          <p className="fr-logo kiosk-bar__logo">
            République
            <br />
            française
          </p>
          <p className="kiosk-bar__service">{app('app.name')}</p>
          {paired && <FacilitatorCorner onCheck={() => navigate('/borne/verification')} />}
        </header>
        <KioskMain main={main} paired={paired}>
          {children}
        </KioskMain>
      </div>
    </BoothLinkProvider>
  );
}

function KioskMain({ main, paired, children }: { main: RefObject<HTMLElement | null>; paired: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  const { lost } = useBoothLink();
  const call = inCall(pathname);
  const showLost = paired && lost && !call;
  // The welcome screen is where the booth rests; the call and the pairing page have their own course.
  const watchIdle = paired && !call && pathname !== BOOTH_WELCOME && pathname !== '/borne/appairage';
  return (
    <>
      {/* Hidden, not unmounted: the page below comes back as it was once the link is back. */}
      <main id="contenu" role="main" tabIndex={-1} ref={main} className="kiosk-main" hidden={showLost}>
        {children}
      </main>
      {showLost && <ConnectionLost />}
      {watchIdle && <IdleReset key={pathname} />}
    </>
  );
}
