import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { SessionEntity } from '../auth/entities/session.entity';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import { DeviceEntity } from '../devices/entities/device.entity';
import { PairingCodeEntity } from '../devices/entities/pairing-code.entity';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AgentEntity } from '../directory/entities/agent.entity';
import { BoothEntity } from '../directory/entities/booth.entity';
import { MsapSiteEntity } from '../directory/entities/msap-site.entity';
import { NOTIFICATION_ENTITIES } from '../notifications/entities';
import { ConsultationTypeEntity } from '../scheduling/entities/consultation-type.entity';
import { AgentAbsenceEntity, MsapClosureEntity } from '../scheduling/entities/unavailability.entity';
import { AgentAvailabilityEntity, MsapOpeningHoursEntity } from '../scheduling/entities/weekly-range.entity';
import { AccountTokenEntity } from '../users/entities/account-token.entity';
import { UserEntity } from '../users/entities/user.entity';

export const ENTITIES = [
  AdministrationEntity,
  MsapSiteEntity,
  BoothEntity,
  UserEntity,
  AccountTokenEntity,
  AgentEntity,
  ConsultationTypeEntity,
  ConsultationEntity,
  AgentAvailabilityEntity,
  MsapOpeningHoursEntity,
  AgentAbsenceEntity,
  MsapClosureEntity,
  SessionEntity,
  DeviceEntity,
  PairingCodeEntity,
  AuditEventEntity,
  ...NOTIFICATION_ENTITIES,
];
