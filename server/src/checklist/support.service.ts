import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Principal, UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { FieldErrors } from '../common/errors/error-codes';
import { toParisIso } from '../common/time/paris-time';
import { ConsultationEvent, ConsultationEvents } from '../consultations/consultation-events';
import { ConsultationForCall, ConsultationReader } from '../consultations/consultation.reader';
import { notifyDesk } from '../desk/desk-channel';
import {
  ChecklistItem,
  CONSENT_KINDS,
  CONSENT_TEXTS,
  ConsentKind,
  ItemAnswer,
  summarizeSupport,
  SUPPORT_FIELDS,
  SupportField,
  SUPPORT_THEME_OF,
  SupportSummary,
  SupportTheme,
} from '../../../shared/support/support';
import { ChecklistRepository, ConsentRow, SupportFields, SupportRow } from './checklist.repository';
import { GiveConsentDto, PatchSupportDto } from './dto/checklist.dto';
import { SupportView } from './dto/checklist.view';
import { EffectiveTemplate, TemplatesService } from './templates.service';

type Access = 'edit' | 'read';

/**
 * Who reads and fills a consultation's support record (notes about a person: need to know only):
 * the facilitators of its France Services fill it, its agent reads it. Coordinators and admins see
 * the activity in aggregate (the export, statistics), not the records.
 */
export function supportAccess(principal: Principal, c: Pick<ConsultationForCall, 'msapSiteId' | 'agentUserId'>): Access | null {
  if (principal.kind === 'device') return null;
  switch (principal.role) {
    case 'facilitator':
      return principal.msapSiteId === c.msapSiteId ? 'edit' : null;
    case 'agent':
      return principal.userId === c.agentUserId ? 'read' : null;
    case 'coordinator':
    case 'admin':
      return null;
  }
}


const EMPTY: SupportFields = { answers: {}, facilitatorPresent: null, autonomy: null, equipment: [], themes: [], redirection: null, notes: '' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]) => same([...a].sort(), [...b].sort());

/** The digital-support record of each consultation: checklist answers, presence, consents. */
@Injectable()
export class SupportService implements OnModuleInit {
  constructor(
    private readonly repository: ChecklistRepository,
    private readonly templates: TemplatesService,
    private readonly consultations: ConsultationReader,
    private readonly events: ConsultationEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // The notes and comments are free text about the citizen: they go when the citizen's data goes.
    this.events.subscribe({
      onConsultationEvent: async (tx: EntityManager, event: ConsultationEvent) => {
        if (event.type === 'citizen_erased') await this.repository.eraseFreeText(tx, event.consultationIds);
      },
    });
  }

  async get(principal: Principal, consultationId: string): Promise<SupportView> {
    const { consultation, access } = await this.open(principal, consultationId);
    return this.view(consultation, access);
  }

  async patch(user: UserPrincipal, consultationId: string, dto: PatchSupportDto, ip: string | null): Promise<SupportView> {
    const consultation = await this.editable(user, consultationId);
    const effective = consultation.consultationTypeId ? await this.templateOf(consultation.consultationTypeId) : null;
    const saved = await this.repository
      .transaction(async (tx) => {
        // The first write pins the checklist to the template's version (the default is saved as version 1).
        const pin = effective ? { typeId: effective.typeId, version: await this.pinnable(tx, effective) } : null;
        const row = await this.repository.lockSupport(tx, consultationId, pin, defaultThemes(effective));
        // Read in the transaction: the pinned version may have been written by it (the default, saved as version 1).
        const items = await this.itemsOf(row, tx);
        const next = this.apply(row, dto, items, consultation.citizenErased || row.notesErasedAt !== null);
        // Nothing new (a retry): roll back, so that an empty record pins no template version.
        if (next.changed.length === 0) throw new NothingChanged(row.revision);
        next.row.revision = row.revision + 1;
        for (const key of next.changed) next.row.fieldRevisions[key] = next.row.revision;
        await this.repository.saveSupport(tx, next.row, user.userId);
        await this.audit.record(
          {
            action: 'support.updated',
            actorUserId: user.userId,
            subjectType: 'consultation',
            subjectId: consultationId,
            ip,
            // Free text (notes, comments) is named, never copied into the audit log.
            details: { revision: next.row.revision, fields: next.changed, changes: next.audited },
          },
          tx,
        );
        await notifyDesk(tx, { siteId: consultation.msapSiteId, kind: 'support', consultationId: consultation.id });
        return next.row.revision;
      })
      .catch((error: unknown) => {
        if (error instanceof NothingChanged) return error.revision;
        throw error;
      });
    // NOTE: the view is read after the commit and may hold a later change from another device;
    // `savedRevision` is what this request wrote, the base of what the sender goes on typing.
    return { ...(await this.view(consultation, 'edit')), savedRevision: saved };
  }

  async giveConsent(user: UserPrincipal, consultationId: string, dto: GiveConsentDto, ip: string | null): Promise<SupportView> {
    const consultation = await this.editable(user, consultationId);
    const current = CONSENT_TEXTS[dto.kind];
    if (dto.textVersion !== current.version) {
      throw new DomainError('CONSENT_TEXT_STALE', `The ${dto.kind} consent text is now version ${current.version}; show it again.`, {
        textVersion: ['NOT_ALLOWED'],
      });
    }
    await this.repository.transaction(async (tx) => {
      const granted = await this.repository.grantConsent(tx, consultationId, dto.kind, dto.textVersion, { id: user.userId, name: user.displayName });
      if (!granted) return; // already standing: the same consent twice is one consent
      await this.audit.record(
        { action: 'consent.given', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId, ip, details: { kind: dto.kind, textVersion: dto.textVersion } },
        tx,
      );
      await notifyDesk(tx, { siteId: consultation.msapSiteId, kind: 'support', consultationId: consultation.id });
    });
    return this.view(consultation, 'edit');
  }

  async revokeConsent(user: UserPrincipal, consultationId: string, kind: ConsentKind, ip: string | null): Promise<SupportView> {
    const consultation = await this.editable(user, consultationId, { allowClosed: true });
    await this.repository.transaction(async (tx) => {
      if (!(await this.repository.revokeConsent(tx, consultationId, kind, user.displayName))) {
        throw new DomainError('NOT_FOUND', 'No standing consent of this kind.');
      }
      await this.audit.record({ action: 'consent.revoked', actorUserId: user.userId, subjectType: 'consultation', subjectId: consultationId, ip, details: { kind } }, tx);
      await notifyDesk(tx, { siteId: consultation.msapSiteId, kind: 'support', consultationId: consultation.id });
    });
    return this.view(consultation, 'edit');
  }

  /** The one-line state of several consultations' support (the desk): same definition as the agent's. */
  async summaries(consultations: ReadonlyArray<{ id: string; consultationTypeId: string | null }>): Promise<Map<string, SupportSummary>> {
    const ids = consultations.map((c) => c.id);
    const [rows, consents] = await Promise.all([this.repository.supports(ids), this.repository.standingConsents(ids)]);
    // A day has a few types and template versions for many consultations: each is read once.
    const read = new Map<string, Promise<ChecklistItem[]>>();
    const once = (key: string, load: () => Promise<ChecklistItem[]>) => read.get(key) ?? read.set(key, load()).get(key)!;
    const itemsFor = (c: (typeof consultations)[number], row: SupportRow | undefined): Promise<ChecklistItem[]> => {
      if (row?.templateVersion) return once(`${row.templateTypeId}@${row.templateVersion}`, () => this.itemsOf(row));
      if (c.consultationTypeId) return once(c.consultationTypeId, async () => (await this.templateOf(c.consultationTypeId!)).items);
      return Promise.resolve([]);
    };
    const items = await Promise.all(consultations.map((c) => itemsFor(c, rows.get(c.id))));
    return new Map(
      consultations.map((c, i) => [c.id, this.summaryOf(items[i]!, rows.get(c.id) ?? null, (consents.get(c.id) ?? []).map((kind) => ({ kind, revokedAt: null })))]),
    );
  }

  /** The support of several consultations as the activity export reads it. */
  async records(ids: readonly string[]): Promise<Map<string, SupportRow>> {
    return this.repository.supports(ids);
  }

  private summaryOf(items: ChecklistItem[], row: SupportRow | null, consents: Array<{ kind: ConsentKind; revokedAt: string | null }>): SupportSummary {
    const answers = row?.answers ?? {};
    return summarizeSupport({
      items: items.map((item) => ({ ...item, answer: answers[item.id] ?? null })),
      consents,
      facilitatorPresent: row?.facilitatorPresent ?? null,
    });
  }

  /**
   * The patch applied to a copy of the record, or a 409 naming every field someone else changed
   * since `base` (nothing written). A value equal to the stored one is no change and no conflict:
   * a retry after a lost answer succeeds.
   */
  private apply(row: SupportRow, dto: PatchSupportDto, items: ChecklistItem[], freeTextErased: boolean): { row: SupportRow; changed: string[]; audited: Record<string, unknown> } {
    const next: SupportRow = { ...row, answers: { ...row.answers }, fieldRevisions: { ...row.fieldRevisions } };
    const changed: string[] = [];
    const audited: Record<string, unknown> = {};
    const conflicts: FieldErrors = {};
    const answerConflicts: FieldErrors = {};
    const unknown: FieldErrors = {};
    const stale = (key: string) => (row.fieldRevisions[key] ?? 0) > dto.base;

    const known = new Set(items.map((item) => item.id));
    (dto.answers ?? []).forEach((answer, i) => {
      if (!known.has(answer.itemId)) {
        unknown[String(i)] = { itemId: ['UNKNOWN_ITEM'] };
        return;
      }
      const value: ItemAnswer = { state: answer.state, comment: (answer.comment ?? '').trim() };
      const key = `answers.${answer.itemId}`;
      if (same(row.answers[answer.itemId] ?? { state: 'not_done', comment: '' }, value)) return;
      if (stale(key)) {
        answerConflicts[answer.itemId] = ['CHANGED_ELSEWHERE'];
        return;
      }
      next.answers[answer.itemId] = value;
      changed.push(key);
      audited[key] = { from: row.answers[answer.itemId]?.state ?? 'not_done', to: value.state };
    });
    if (Object.keys(unknown).length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Some items are not in this checklist.', { answers: unknown });
    }
    // The citizen's data was erased (retention): free text about them cannot come back, even from a
    // device that kept it while offline.
    if (freeTextErased) {
      const refused: FieldErrors = {};
      if (dto.notes) refused.notes = ['NOT_ALLOWED'];
      const comments = Object.fromEntries((dto.answers ?? []).flatMap((a, i) => (a.comment?.trim() ? [[String(i), { comment: ['NOT_ALLOWED'] }]] : [])));
      if (Object.keys(comments).length > 0) refused.answers = comments as FieldErrors;
      if (Object.keys(refused).length > 0) throw new DomainError('VALIDATION_FAILED', 'The citizen’s data was erased: no notes or comments any more.', refused);
    }

    for (const field of SUPPORT_FIELDS) {
      const value = dto[field];
      if (value === undefined) continue;
      const normalized = field === 'notes' ? (value as string).replace(/\r\n/g, '\n') : value;
      const unchanged = Array.isArray(normalized) ? sameSet(normalized, row[field] as string[]) : same(normalized, row[field]);
      if (unchanged) continue;
      if (stale(field)) {
        conflicts[field] = ['CHANGED_ELSEWHERE'];
        continue;
      }
      (next as unknown as Record<SupportField, unknown>)[field] = normalized;
      changed.push(field);
      audited[field] = field === 'notes' ? { length: (normalized as string).length } : { from: row[field], to: normalized };
    }

    if (Object.keys(answerConflicts).length > 0) conflicts.answers = answerConflicts;
    if (Object.keys(conflicts).length > 0) {
      throw new DomainError('EDIT_CONFLICT', 'Changed on another device since you read it: read it again.', conflicts);
    }
    return { row: next, changed, audited };
  }

  private async view(consultation: ConsultationForCall, access: Access): Promise<SupportView> {
    const [row, consents] = await Promise.all([this.repository.support(consultation.id), this.repository.consents(consultation.id)]);
    const effective = row?.templateVersion ? null : consultation.consultationTypeId ? await this.templateOf(consultation.consultationTypeId) : null;
    const items = row?.templateVersion ? await this.itemsOf(row) : (effective?.items ?? []);
    const fields: SupportFields = row ?? { ...EMPTY, themes: defaultThemes(effective) };
    const consentViews = consents.map(toConsentView);
    return {
      consultationId: consultation.id,
      templateVersion: row?.templateVersion ?? effective?.version ?? null,
      items: items.map((item) => ({ ...item, state: fields.answers[item.id]?.state ?? 'not_done', comment: fields.answers[item.id]?.comment ?? '' })),
      facilitatorPresent: fields.facilitatorPresent,
      autonomy: fields.autonomy,
      equipment: fields.equipment,
      themes: fields.themes,
      redirection: fields.redirection,
      notes: fields.notes,
      notesErased: row?.notesErasedAt != null,
      consents: consentViews,
      consentTexts: CONSENT_KINDS.map((kind) => ({ kind, ...CONSENT_TEXTS[kind] })),
      revision: row?.revision ?? 0,
      fieldRevisions: row?.fieldRevisions ?? {},
      updatedAt: row ? toParisIso(row.updatedAt) : null,
      updatedBy: row?.updatedByName ?? null,
      summary: this.summaryOf(items, row ?? null, consentViews),
      canEdit: access === 'edit',
      savedRevision: null,
    };
  }

  private async itemsOf(row: SupportRow, tx?: EntityManager): Promise<ChecklistItem[]> {
    if (!row.templateTypeId || !row.templateVersion) return [];
    return (await this.repository.template(row.templateTypeId, row.templateVersion, tx))?.items ?? [];
  }

  private async templateOf(typeId: string): Promise<EffectiveTemplate> {
    const type = await this.repository.type(typeId);
    if (!type) throw new Error(`consultation type ${typeId} is missing`);
    return this.templates.effective(type);
  }

  /**
   * The version a new record is pinned to: the latest, read under the template's lock (a reset or a
   * save meanwhile is seen), or version 1 made of the default when the type never had one.
   */
  private async pinnable(tx: EntityManager, effective: EffectiveTemplate): Promise<number> {
    await this.repository.lockTemplates(tx, effective.typeId);
    const latest = await this.repository.latestTemplate(effective.typeId, tx);
    if (latest) return latest.version;
    await this.repository.insertTemplate(tx, effective.typeId, 1, effective.theme, effective.items, null);
    return 1;
  }

  private async open(principal: Principal, consultationId: string): Promise<{ consultation: ConsultationForCall; access: Access }> {
    const consultation = await this.consultations.findForCall(consultationId);
    if (!consultation) throw new DomainError('NOT_FOUND', 'No such consultation.');
    const access = supportAccess(principal, consultation);
    if (!access) throw new DomainError('FORBIDDEN', 'This consultation is outside your scope.');
    return { consultation, access };
  }

  /** Facilitators of the site fill it, until the consultation is cancelled (a revocation stays possible). */
  private async editable(user: UserPrincipal, consultationId: string, options: { allowClosed?: boolean } = {}): Promise<ConsultationForCall> {
    const { consultation, access } = await this.open(user, consultationId);
    if (access !== 'edit') throw new DomainError('FORBIDDEN', 'Only the facilitators of this France Services fill its checklists.');
    if (consultation.status === 'cancelled' && !options.allowClosed) throw new DomainError('CONSULTATION_CANCELLED', 'This consultation was cancelled.');
    return consultation;
  }
}

/** A new record starts with the theme of its checklist (the facilitator corrects it if need be). */
function defaultThemes(template: EffectiveTemplate | null): SupportTheme[] {
  return template ? [SUPPORT_THEME_OF[template.theme]] : [];
}

/** Thrown inside a patch's transaction when it changes nothing, to roll back the record's creation. */
class NothingChanged extends Error {
  constructor(readonly revision: number) {
    super('nothing changed');
  }
}

function toConsentView(row: ConsentRow) {
  return {
    kind: row.kind,
    textVersion: row.textVersion,
    grantedAt: toParisIso(row.grantedAt),
    collectedBy: row.collectedByName,
    revokedAt: row.revokedAt ? toParisIso(row.revokedAt) : null,
    revokedBy: row.revokedByName,
  };
}
