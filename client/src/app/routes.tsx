import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { lazyPage, lazyPart } from './lazy';
import { Authorization } from '../features/auth/components/Authorization';
import { useSession } from '../lib/session';
import type { CallContextSlot, CallDocumentsSlot } from '../features/call/components/CallPage';
import { BoothPresence } from '../features/booth/components/BoothPresence';
import { reportCheck } from '../features/booth/api/booth-status';
import { CoordinatorNav } from '../components/coordinator-nav';
import { FacilitatorNav } from '../components/facilitator-nav';

const AdminHome = lazyPage(() => import('../features/admin/components/AdminHome'), 'AdminHome');
const AuditPage = lazyPage(() => import('../features/audit/components/AuditPage'), 'AuditPage');
const AgentHome = lazyPage(() => import('../features/agent/components/AgentHome'), 'AgentHome');
const LoginPage = lazyPage(() => import('../features/auth/components/LoginPage'), 'LoginPage');
const BoothCallEnd = lazyPart(() => import('../features/booth/components/BoothCallEnd'), 'BoothCallEnd');
const BoothCheckPage = lazyPage(() => import('../features/booth/components/BoothCheckPage'), 'BoothCheckPage');
const BoothHome = lazyPage(() => import('../features/booth/components/BoothHome'), 'BoothHome');
const AgentCallEnd = lazyPart(() => import('../features/agent/components/AgentCallEnd'), 'AgentCallEnd');
const FacilitatorCallEnd = lazyPart(() => import('../features/facilitator/components/FacilitatorCallEnd'), 'FacilitatorCallEnd');
const OutcomePage = lazyPage(() => import('../features/agent/components/OutcomePage'), 'OutcomePage');
const PairingPage = lazyPage(() => import('../features/booth/components/PairingPage'), 'PairingPage');
const CallPage = lazyPage(() => import('../features/call/components/CallPage'), 'CallPage');
const BoothDocuments = lazyPart(() => import('../features/documents/components/BoothDocuments'), 'BoothDocuments');
const DocumentsPanel = lazyPart(() => import('../features/documents/components/DocumentsPanel'), 'DocumentsPanel');
/** The SFU probe needs mediasoup-client: loaded with the check that runs it, not with the app. */
const probeSfu: typeof import('../features/call/media/sfu-probe').probeSfu = (...args) =>
  import('../features/call/media/sfu-probe').then((module) => module.probeSfu(...args));
const PreCallCheck = lazyPage(() => import('../features/precall/components/PreCallCheck'), 'PreCallCheck');
const CoordinatorHome = lazyPage(() => import('../features/coordinator/components/CoordinatorHome'), 'CoordinatorHome');
const BoothPairing = lazyPart(() => import('../features/facilitator/components/BoothPairing'), 'BoothPairing');
const DeskPage = lazyPage(() => import('../features/facilitator/components/DeskPage'), 'DeskPage');
const SupportLine = lazyPart(() => import('../features/support/components/SupportLine'), 'SupportLine');
const SupportPage = lazyPage(() => import('../features/support/components/SupportPage'), 'SupportPage');
const AgentAgenda = lazyPage(() => import('../features/agent/components/AgentAgenda'), 'AgentAgenda');
const WeekBoard = lazyPage(() => import('../features/scheduling/components/WeekBoard'), 'WeekBoard');
const SlotSearchPage = lazyPage(() => import('../features/scheduling/components/SlotSearchPage'), 'SlotSearchPage');
const AbsencePage = lazyPage(() => import('../features/scheduling/components/AbsencePage'), 'AbsencePage');
const MassCancellationWizard = lazyPage(() => import('../features/mass-cancellation/components/MassCancellationWizard'), 'MassCancellationWizard');
const OutboxPage = lazyPage(() => import('../features/outbox/components/OutboxPage'), 'OutboxPage');
const ToCallPage = lazyPage(() => import('../features/to-call/components/ToCallPage'), 'ToCallPage');
const TemplateEditorPage = lazyPage(() => import('../features/checklist-templates/components/TemplateEditorPage'), 'TemplateEditorPage');
const DirectoryPage = lazyPage(() => import('../features/directory/components/DirectoryPage'), 'DirectoryPage');
const MyBoothsPage = lazyPage(() => import('../features/directory/components/MyBoothsPage'), 'MyBoothsPage');
const OpeningHoursPage = lazyPage(() => import('../features/schedules/components/OpeningHoursPage'), 'OpeningHoursPage');
const AvailabilityPage = lazyPage(() => import('../features/schedules/components/AvailabilityPage'), 'AvailabilityPage');
const ConsultationTypesPage = lazyPage(() => import('../features/schedules/components/ConsultationTypesPage'), 'ConsultationTypesPage');
const AccountsPage = lazyPage(() => import('../features/accounts/components/AccountsPage'), 'AccountsPage');
const ForgotPasswordPage = lazyPage(() => import('../features/accounts/components/ForgotPasswordPage'), 'ForgotPasswordPage');
const MyAccountPage = lazyPage(() => import('../features/accounts/components/MyAccountPage'), 'MyAccountPage');
const SetPasswordPage = lazyPage(() => import('../features/accounts/components/SetPasswordPage'), 'SetPasswordPage');
const CitizenAppointmentPage = lazyPage(() => import('../features/citizen-link/components/CitizenAppointmentPage'), 'CitizenAppointmentPage');
const CallbackRequests = lazyPart(() => import('../features/callback-requests/components/CallbackRequests'), 'CallbackRequests');
const LegalNoticePage = lazyPage(() => import('../features/legal/components/LegalNoticePage'), 'LegalNoticePage');
const PersonalDataPage = lazyPage(() => import('../features/legal/components/PersonalDataPage'), 'PersonalDataPage');
const AccessibilityPage = lazyPage(() => import('../features/legal/components/AccessibilityPage'), 'AccessibilityPage');
// The statistics' pages carry the chart library (recharts): loaded with them only, never with the booth's or other pages.
const StatsPage = lazyPage(() => import('../features/stats/components/StatsPage'), 'StatsPage');
const PublicStatsPage = lazyPage(() => import('../features/stats/components/PublicStatsPage'), 'PublicStatsPage');
const PublicStatsList = lazyPage(() => import('../features/stats/components/PublicStatsList'), 'PublicStatsList');

const HOME = { admin: '/admin', coordinator: '/coordination', agent: '/agent', facilitator: '/animation' } as const;

function Home() {
  const { principal } = useSession();
  if (!principal) return <Navigate to="/connexion" replace />;
  return <Navigate to={principal.kind === 'device' ? '/borne' : HOME[principal.role]} replace />;
}

/** A facilitator books for a citizen at their own MSAP: the slot search is fixed to it. */
function FacilitatorBooking() {
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  return <SlotSearchPage fixedSiteId={siteId} boardPath="/animation/planning" />;
}

/** The week of the facilitator's MSAP: its booths, to move or cancel at the citizen's request. */
function FacilitatorBoard() {
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  return <WeekBoard fixedSiteId={siteId ?? ''} slotSearchPath="/animation/reserver" />;
}

/** The call at the office: after it, the agent records the outcome, both say what went wrong. */
function StaffCallPage() {
  const { principal } = useSession();
  const isAgent = principal?.kind === 'user' && principal.role === 'agent';
  return <CallPage endScreen={isAgent ? (end) => <AgentCallEnd {...end} /> : (end) => <FacilitatorCallEnd {...end} />} documents={staffDocuments} context={agentContext} />;
}

/** The documents beside the call: photographed and received at the booth, listed and sent at the office. */
const boothDocuments = (slot: CallDocumentsSlot) => (
  <BoothDocuments consultationId={slot.consultationId} version={slot.version} stream={slot.localStream} cameraOn={slot.cameraOn} onAttention={slot.onAttention} />
);
const staffDocuments = (slot: CallDocumentsSlot) => <DocumentsPanel consultationId={slot.consultationId} version={slot.version} />;
/** The agent's view of the facilitator's checklist: one line in the lobby banner, a box beside the video. */
const agentContext = (slot: CallContextSlot) => <SupportLine consultationId={slot.consultationId} version={slot.version} place={slot.place} />;

/** The booth's pre-call check: the citizen sees it, its result goes to the facilitator's desk. */
function BoothCheck() {
  return <PreCallCheck plain probeMedia={probeSfu} onSettled={(digest) => void reportCheck(digest).catch(() => undefined)} />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="fr-container fr-my-6w">
      <h1>{t('notFound.title')}</h1>
      <a className="fr-link" href="/">
        {t('notFound.back')}
      </a>
    </div>
  );
}

export function AppRoutes() {
  const { status } = useSession();
  if (status === 'loading') return null;
  return (
    <Routes>
      <Route path="/" element={<Home />} />
      <Route path="/connexion" element={<LoginPage />} />
      <Route path="/mot-de-passe-oublie" element={<ForgotPasswordPage />} />
      <Route path="/mot-de-passe/:token" element={<SetPasswordPage />} />
      <Route path="/mon-compte" element={<Authorization allow={['admin', 'coordinator', 'agent', 'facilitator']}><MyAccountPage /></Authorization>} />
      <Route path="/borne/appairage" element={<PairingPage />} />
      <Route path="/borne" element={<Authorization allow={['device']}><BoothPresence><BoothHome /></BoothPresence></Authorization>} />
      <Route path="/borne/verification" element={<Authorization allow={['device']}><BoothPresence><BoothCheckPage><BoothCheck /></BoothCheckPage></BoothPresence></Authorization>} />
      <Route path="/verification" element={<Authorization allow={['agent', 'facilitator']}><div className="fr-container fr-my-4w"><PreCallCheck probeMedia={probeSfu} /></div></Authorization>} />
      <Route path="/borne/consultation/:id" element={<Authorization allow={['device']}><BoothPresence><CallPage endScreen={(end) => <BoothCallEnd {...end} />} documents={boothDocuments} /></BoothPresence></Authorization>} />
      <Route path="/consultation/:id" element={<Authorization allow={['agent', 'facilitator']}><StaffCallPage /></Authorization>} />
      <Route path="/consultation/:id/resultat" element={<Authorization allow={['agent']}><OutcomePage /></Authorization>} />
      <Route path="/agent" element={<Authorization allow={['agent']}><AgentHome /></Authorization>} />
      <Route path="/coordination" element={<Authorization allow={['coordinator', 'admin']}><CoordinatorHome requests={<CallbackRequests />} /></Authorization>} />
      <Route path="/animation" element={<Authorization allow={['facilitator']}><DeskPage requests={<CallbackRequests />} /></Authorization>} />
      <Route path="/animation/accompagnement/:id" element={<Authorization allow={['facilitator']}><SupportPage /></Authorization>} />
      <Route path="/agent/agenda" element={<Authorization allow={['agent']}><AgentAgenda /></Authorization>} />
      <Route path="/coordination/planning" element={<Authorization allow={['coordinator', 'admin']}><WeekBoard /></Authorization>} />
      <Route path="/coordination/creneaux" element={<Authorization allow={['coordinator', 'admin']}><SlotSearchPage /></Authorization>} />
      <Route path="/coordination/absences" element={<Authorization allow={['coordinator', 'admin']}><AbsencePage /></Authorization>} />
      <Route path="/coordination/annulation-groupee" element={<Authorization allow={['coordinator']}><MassCancellationWizard /></Authorization>} />
      <Route path="/coordination/messages" element={<Authorization allow={['coordinator', 'admin']}><OutboxPage /></Authorization>} />
      <Route path="/coordination/a-appeler" element={<Authorization allow={['coordinator', 'admin']}><ToCallPage nav={<CoordinatorNav />} /></Authorization>} />
      <Route path="/animation/a-appeler" element={<Authorization allow={['facilitator']}><ToCallPage nav={<FacilitatorNav />} /></Authorization>} />
      <Route path="/coordination/annuaire" element={<Authorization allow={['coordinator', 'admin']}><DirectoryPage /></Authorization>} />
      <Route path="/coordination/fiches" element={<Authorization allow={['coordinator', 'admin']}><TemplateEditorPage /></Authorization>} />
      <Route path="/coordination/horaires" element={<Authorization allow={['coordinator', 'admin']}><OpeningHoursPage /></Authorization>} />
      <Route path="/coordination/disponibilites" element={<Authorization allow={['coordinator', 'admin']}><AvailabilityPage /></Authorization>} />
      <Route path="/coordination/types" element={<Authorization allow={['coordinator', 'admin']}><ConsultationTypesPage /></Authorization>} />
      <Route path="/coordination/statistiques" element={<Authorization allow={['coordinator', 'admin']}><StatsPage nav={<CoordinatorNav />} /></Authorization>} />
      <Route path="/animation/statistiques" element={<Authorization allow={['facilitator']}><StatsPage nav={<FacilitatorNav />} /></Authorization>} />
      <Route path="/agent/statistiques" element={<Authorization allow={['agent']}><StatsPage /></Authorization>} />
      <Route path="/animation/reserver" element={<Authorization allow={['facilitator']}><FacilitatorBooking /></Authorization>} />
      <Route path="/animation/planning" element={<Authorization allow={['facilitator']}><FacilitatorBoard /></Authorization>} />
      <Route path="/animation/cabines" element={<Authorization allow={['facilitator']}><MyBoothsPage><BoothPairing /></MyBoothsPage></Authorization>} />
      <Route path="/admin" element={<Authorization allow={['admin']}><AdminHome /></Authorization>} />
      <Route path="/admin/comptes" element={<Authorization allow={['admin']}><AccountsPage /></Authorization>} />
      <Route path="/admin/journal" element={<Authorization allow={['admin']}><AuditPage /></Authorization>} />
      {/* Public: the citizen's personal link (no account), and the footer's legal pages. */}
      <Route path="/rdv/:token" element={<CitizenAppointmentPage />} />
      <Route path="/mentions-legales" element={<LegalNoticePage />} />
      <Route path="/donnees-personnelles" element={<PersonalDataPage />} />
      <Route path="/accessibilite" element={<AccessibilityPage />} />
      {/* Public: the départements' published statistics (aggregated, small counts withheld). */}
      <Route path="/statistiques" element={<PublicStatsList />} />
      <Route path="/statistiques/departement/:departement" element={<PublicStatsPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
