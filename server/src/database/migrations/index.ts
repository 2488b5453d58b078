import { Initial1795430701781 } from './1795430701781-Initial';
import { Scheduling1795441100000 } from './1795441100000-Scheduling';
import { Notifications1795441231010 } from './1795441231010-Notifications';
import { Retention1795460000000 } from './1795460000000-Retention';
import { BoothRetirement1795500000000 } from './1795500000000-BoothRetirement';
import { RetentionFreeTextAndAccounts1795510000000 } from './1795510000000-RetentionFreeTextAndAccounts';
import { FailedAttempts1795512000000 } from './1795512000000-FailedAttempts';
import { ConsultationLifecycle1795520000000 } from './1795520000000-ConsultationLifecycle';
import { Documents1795530000000 } from './1795530000000-Documents';
import { FacilitatorDay1795540000000 } from './1795540000000-FacilitatorDay';
import { AuditTrail1795549000000 } from './1795549000000-AuditTrail';
import { Accounts1795550000000 } from './1795550000000-Accounts';
import { DocumentEmailCopy1795531000000 } from './1795531000000-DocumentEmailCopy';
import { AbsenceNoOverlap1795552000000 } from './1795552000000-AbsenceNoOverlap';
import { CitizenMessages1795553000000 } from './1795553000000-CitizenMessages';
import { CitizenLinks1795554000000 } from './1795554000000-CitizenLinks';
import { CitizenLandline1795555000000 } from './1795555000000-CitizenLandline';
import { Survey1795557000000 } from './1795557000000-Survey';
import { ConsultationChat1795556000000 } from './1795556000000-ConsultationChat';
import { Statistics1795558000000 } from './1795558000000-Statistics';
import { StatsIndexes1795558300000 } from './1795558300000-StatsIndexes';

/** Every migration, in order. The schema changes only through these (synchronize is off). */
export const MIGRATIONS = [
  Initial1795430701781,
  Scheduling1795441100000,
  Notifications1795441231010,
  Retention1795460000000,
  BoothRetirement1795500000000,
  RetentionFreeTextAndAccounts1795510000000,
  FailedAttempts1795512000000,
  ConsultationLifecycle1795520000000,
  Documents1795530000000,
  DocumentEmailCopy1795531000000,
  FacilitatorDay1795540000000,
  AuditTrail1795549000000,
  Accounts1795550000000,
  AbsenceNoOverlap1795552000000,
  CitizenMessages1795553000000,
  CitizenLinks1795554000000,
  CitizenLandline1795555000000,
  ConsultationChat1795556000000,
  Survey1795557000000,
  Statistics1795558000000,
  StatsIndexes1795558300000,
];
