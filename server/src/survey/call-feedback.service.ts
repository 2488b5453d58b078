import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationEvent, ConsultationEvents, ConsultationEventSubscriber } from '../consultations/consultation-events';
import { ConsultationReader } from '../consultations/consultation.reader';
import { CallFeedbackDto, CallFeedbackView } from './dto/call-feedback.dto';

/**
 * The agent's and the facilitator's word on a call right after it: the problems they met (sound,
 * image, cuts, documents) for the quality follow-up, one row per consultation and author (sent again,
 * it replaces theirs). Its note may speak of the citizen: erased with the consultation's citizen data.
 */
@Injectable()
export class CallFeedbackService implements ConsultationEventSubscriber, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationReader,
    private readonly events: ConsultationEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  /** The consultation's agent, or a facilitator of its France Services, once its call has started. */
  async record(user: UserPrincipal, consultationId: string, dto: CallFeedbackDto): Promise<CallFeedbackView> {
    const c = await this.consultations.findForCall(consultationId);
    if (!c) throw new DomainError('NOT_FOUND', 'No such consultation.');
    const role = user.role === 'agent' && c.agentUserId === user.userId ? 'agent' : user.role === 'facilitator' && user.msapSiteId === c.msapSiteId ? 'facilitator' : null;
    if (!role) throw new DomainError('FORBIDDEN', 'Only the consultation’s agent and its France Services’ facilitators say how its call went.');
    if (c.status === 'cancelled') throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    if (c.status === 'scheduled') throw new DomainError('CONSULTATION_NOT_STARTED', 'Its call has not started.');
    if (c.citizenErased && dto.note) throw new DomainError('CONSULTATION_ENDED', 'This consultation’s free texts were erased: no note may be added.');
    const problems = [...new Set(dto.problems)];
    return this.dataSource.transaction(async (tx) => {
      // The retention sweep may erase the citizen's data between the check above and this write: the
      // statement checks again, on the consultation's row locked FOR SHARE (a sweep under way is
      // waited for and its erasure seen; one starting after waits for this write, then erases it).
      const rows = (await tx.query(
        `WITH c AS (SELECT citizen_erased_at IS NOT NULL AS erased FROM consultations WHERE id = $1 FOR SHARE)
         INSERT INTO call_feedback (consultation_id, author_role, user_id, problems, note)
         SELECT $1::uuid, $2::text, $3::uuid, $4::text[], CASE WHEN c.erased THEN NULL ELSE $5::text END FROM c
         ON CONFLICT (consultation_id, user_id) DO UPDATE SET problems = EXCLUDED.problems, note = EXCLUDED.note, updated_at = now()
         RETURNING note`,
        [consultationId, role, user.userId, problems, dto.note || null],
      )) as Array<{ note: string | null }>;
      const note = rows[0]?.note ?? null;
      // The note is free text (it may name the citizen): the trail says only that there was one.
      await this.audit.record(
        { action: 'consultation.call_feedback_recorded', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId, details: { role, problems, note: note !== null } },
        tx,
      );
      return { consultationId, authorRole: role, problems, note };
    });
  }

  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    if (event.type !== 'citizen_erased') return;
    await tx.query('UPDATE call_feedback SET note = NULL WHERE consultation_id = ANY($1::uuid[]) AND note IS NOT NULL', [event.consultationIds]);
  }
}
