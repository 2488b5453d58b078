import { useSession } from '../../auth/session-context';
import { SlotSearchPage } from '../../scheduling/components/SlotSearchPage';
import { WeekBoard } from '../../scheduling/components/WeekBoard';

/** A facilitator books for a citizen at their own MSAP: the slot search is fixed to it. */
export function FacilitatorBooking() {
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  return <SlotSearchPage fixedSiteId={siteId} boardPath="/animation/planning" />;
}

/** The week of the facilitator's MSAP: its booths, to move or cancel at the citizen's request. */
export function FacilitatorBoard() {
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  return <WeekBoard fixedSiteId={siteId ?? ''} slotSearchPath="/animation/reserver" />;
}
