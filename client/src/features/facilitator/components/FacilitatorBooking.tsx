import { useSession } from '../../auth/session-context';
import { SlotSearchPage } from '../../scheduling/components/SlotSearchPage';

/** A facilitator books for a citizen at their own MSAP: the slot search is fixed to it. */
export function FacilitatorBooking() {
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  return <SlotSearchPage fixedSiteId={siteId} boardPath={null} />;
}
