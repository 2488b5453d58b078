import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { SupportService } from '../checklist/support.service';
import { DomainError } from '../common/errors/domain.error';
import { toCsv } from '../common/http/csv';
import { parisDay, toParisIso } from '../common/time/paris-time';
import { ConsultationReader } from '../consultations/consultation.reader';
import { DeskService } from './desk.service';
import { ActivityQueryDto, ActivityRecordView } from './dto/activity.dto';

const MAX_DAYS = 366;
const MAX_RECORDS = 20_000;
/** Consultations that were held: the activity the facilitator supported. */
const HELD = new Set(['in_progress', 'ended', 'done']);

const CSV_COLUMNS: ReadonlyArray<keyof ActivityRecordView> = [
  'consultationId',
  'type',
  'date',
  'dureeMinutes',
  'typeLieu',
  'lieu',
  'codePostal',
  'commune',
  'autonomie',
  'materiel',
  'thematiques',
  'structureDeRedirection',
  'administration',
  'objet',
  'animateurPresent',
  'notes',
];

/** The site's support activity over a period, for the conseillers numériques' activity records. */
@Injectable()
export class ActivityExportService {
  constructor(
    private readonly desk: DeskService,
    private readonly consultations: ConsultationReader,
    private readonly support: SupportService,
    private readonly audit: AuditService,
  ) {}

  async records(user: UserPrincipal, query: ActivityQueryDto, ip: string | null): Promise<ActivityRecordView[]> {
    const first = parisDay(query.from);
    const last = parisDay(query.to);
    if (!first || !last) {
      throw new DomainError('VALIDATION_FAILED', 'from and to must be days of the calendar.', { ...(first ? {} : { from: ['INVALID_FORMAT'] }), ...(last ? {} : { to: ['INVALID_FORMAT'] }) });
    }
    if (last.from < first.from) throw new DomainError('VALIDATION_FAILED', 'to comes before from.', { to: ['END_BEFORE_START'] });
    if (last.from - first.from > MAX_DAYS * 86_400_000) throw new DomainError('VALIDATION_FAILED', `At most ${MAX_DAYS} days at once.`, { to: ['RANGE_TOO_LONG'] });
    const site = await this.desk.siteFor(user, query.siteId);
    const listed = await this.consultations.siteDay(site.id, new Date(first.from), new Date(last.to), MAX_RECORDS);
    // Never a partial export that looks whole.
    if (listed.length === MAX_RECORDS) throw new DomainError('VALIDATION_FAILED', `More than ${MAX_RECORDS} consultations in this period: export a shorter one.`, { to: ['RANGE_TOO_LONG'] });
    const rows = listed.filter((r) => HELD.has(r.status) && r.starts_at.getTime() >= first.from);
    const supports = await this.support.records(rows.map((r) => r.id));
    await this.audit.record({
      action: 'support.exported',
      actorUserId: user.userId,
      subjectType: 'msap_site',
      subjectId: site.id,
      ip,
      details: { from: query.from, to: query.to, records: rows.length, format: query.format ?? 'json' },
    });
    return rows.map((r) => {
      const s = supports.get(r.id);
      const held = r.call_started_at && r.call_ended_at ? r.call_ended_at.getTime() - r.call_started_at.getTime() : r.ends_at.getTime() - r.starts_at.getTime();
      return {
        consultationId: r.id,
        type: 'demarche',
        date: toParisIso(r.starts_at).slice(0, 10),
        dureeMinutes: Math.max(1, Math.round(held / 60_000)),
        typeLieu: 'lieu_activite',
        lieu: site.name,
        codePostal: site.postalCode,
        commune: site.city,
        autonomie: s?.autonomy ?? null,
        materiel: s?.equipment ?? [],
        thematiques: s?.themes ?? [],
        structureDeRedirection: s?.redirection ?? null,
        administration: r.administration_name,
        objet: r.subject,
        animateurPresent: s?.facilitatorPresent ?? null,
        notes: s?.notes ?? '',
      };
    });
  }

  csv(records: readonly ActivityRecordView[]): string {
    return toCsv(CSV_COLUMNS, records.map((r) => CSV_COLUMNS.map((c) => r[c])));
  }
}
