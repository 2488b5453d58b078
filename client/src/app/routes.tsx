import { Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AdminHome } from '../features/admin/components/AdminHome';
import { AuditPage } from '../features/audit/components/AuditPage';
import { AgentHome } from '../features/agent/components/AgentHome';
import { Authorization } from '../features/auth/components/Authorization';
import { LoginPage } from '../features/auth/components/LoginPage';
import { useSession } from '../lib/session';
import { BoothCallEnd } from '../features/booth/components/BoothCallEnd';
import { BoothCheckPage } from '../features/booth/components/BoothCheckPage';
import { BoothHome } from '../features/booth/components/BoothHome';
import { AgentCallEnd } from '../features/agent/components/AgentCallEnd';
import { OutcomePage } from '../features/agent/components/OutcomePage';
import { PairingPage } from '../features/booth/components/PairingPage';
import { CallPage, type CallContextSlot, type CallDocumentsSlot } from '../features/call/components/CallPage';
import { BoothDocuments } from '../features/documents/components/BoothDocuments';
import { DocumentsPanel } from '../features/documents/components/DocumentsPanel';
import { probeSfu } from '../features/call/media/sfu-probe';
import { PreCallCheck } from '../features/precall/components/PreCallCheck';
import { CoordinatorHome } from '../features/coordinator/components/CoordinatorHome';
import { BoothPairing } from '../features/facilitator/components/BoothPairing';
import { DeskPage } from '../features/facilitator/components/DeskPage';
import { BoothPresence } from '../features/booth/components/BoothPresence';
import { reportCheck } from '../features/booth/api/booth-status';
import { SupportLine } from '../features/support/components/SupportLine';
import { SupportPage } from '../features/support/components/SupportPage';
import { AgentAgenda } from '../features/agent/components/AgentAgenda';
import { WeekBoard } from '../features/scheduling/components/WeekBoard';
import { SlotSearchPage } from '../features/scheduling/components/SlotSearchPage';
import { AbsencePage } from '../features/scheduling/components/AbsencePage';
import { MassCancellationWizard } from '../features/mass-cancellation/components/MassCancellationWizard';
import { OutboxPage } from '../features/outbox/components/OutboxPage';
import { ToCallPage } from '../features/to-call/components/ToCallPage';
import { CoordinatorNav } from '../components/coordinator-nav';
import { FacilitatorNav } from '../components/facilitator-nav';
import { TemplateEditorPage } from '../features/checklist-templates/components/TemplateEditorPage';
import { DirectoryPage } from '../features/directory/components/DirectoryPage';
import { MyBoothsPage } from '../features/directory/components/MyBoothsPage';
import { OpeningHoursPage } from '../features/schedules/components/OpeningHoursPage';
import { AvailabilityPage } from '../features/schedules/components/AvailabilityPage';
import { ConsultationTypesPage } from '../features/schedules/components/ConsultationTypesPage';
import { AccountsPage } from '../features/accounts/components/AccountsPage';
import { ForgotPasswordPage } from '../features/accounts/components/ForgotPasswordPage';
import { MyAccountPage } from '../features/accounts/components/MyAccountPage';
import { SetPasswordPage } from '../features/accounts/components/SetPasswordPage';
import { CitizenAppointmentPage } from '../features/citizen-link/components/CitizenAppointmentPage';
import { CallbackRequests } from '../features/callback-requests/components/CallbackRequests';
import { LegalNoticePage } from '../features/legal/components/LegalNoticePage';
import { PersonalDataPage } from '../features/legal/components/PersonalDataPage';
import { AccessibilityPage } from '../features/legal/components/AccessibilityPage';

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

/** The call at the office: the agent records the outcome after it; a facilitator just sees it end. */
function StaffCallPage() {
  const { principal } = useSession();
  const isAgent = principal?.kind === 'user' && principal.role === 'agent';
  return <CallPage endScreen={isAgent ? (end) => <AgentCallEnd {...end} /> : undefined} documents={staffDocuments} context={agentContext} />;
}

/** The documents beside the call: photographed and received at the booth, listed and sent at the office. */
const boothDocuments = (slot: CallDocumentsSlot) => (
  <BoothDocuments consultationId={slot.consultationId} version={slot.version} stream={slot.localStream} cameraOn={slot.cameraOn} />
);
const staffDocuments = (slot: CallDocumentsSlot) => <DocumentsPanel consultationId={slot.consultationId} version={slot.version} />;
/** The agent's view of the facilitator's checklist: one line in the lobby banner, a box beside the video. */
const agentContext = (slot: CallContextSlot) => <SupportLine consultationId={slot.consultationId} version={slot.version} place={slot.place} />;

/** The booth's pre-call check: the citizen sees it, its result goes to the facilitator's desk. */
function BoothCheck() {
  return <PreCallCheck probeMedia={probeSfu} onSettled={(digest) => void reportCheck(digest).catch(() => undefined)} />;
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
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
