import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserPrincipal } from '../auth/principal';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { toParisIso } from '../common/time/paris-time';
import { canManageAdministration } from '../scheduling/scheduling-access';
import { ChecklistItem, TEMPLATE_THEMES, TemplateTheme } from '../../../shared/support/support';
import { ChecklistRepository, TemplateRow, TypeRow } from './checklist.repository';
import { defaultItems, guessTheme } from './default-templates';
import { SaveTemplateDto } from './dto/checklist.dto';
import { ChecklistDefaultView, ChecklistTemplateView } from './dto/checklist.view';

/** A type's checklist as filled from now on: its latest saved version, or the default of its theme. */
export interface EffectiveTemplate {
  typeId: string;
  /** 0: the default, never saved. */
  version: number;
  theme: TemplateTheme;
  items: ChecklistItem[];
  saved: TemplateRow | null;
}

/**
 * Checklist templates, one per consultation type, edited by the coordinators of the type's
 * administration. Every save is a new version; a filled checklist keeps the version it was filled
 * with, so an edit never changes what was recorded.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly repository: ChecklistRepository,
    private readonly audit: AuditService,
  ) {}

  defaults(): ChecklistDefaultView[] {
    return TEMPLATE_THEMES.map((theme) => ({ theme, items: defaultItems(theme) }));
  }

  async get(user: UserPrincipal, typeId: string): Promise<ChecklistTemplateView> {
    const type = await this.manageable(user, typeId);
    const effective = await this.effective(type);
    const inUse = await this.repository.templateInUse(typeId);
    return this.toView(effective, inUse);
  }

  /** The template a new checklist of this type is filled with. */
  async effective(type: TypeRow): Promise<EffectiveTemplate> {
    const saved = (await this.repository.latestTemplate(type.id)) ?? null;
    if (saved) return { typeId: type.id, version: saved.version, theme: saved.theme, items: saved.items, saved };
    const theme = guessTheme(type.subject, type.administrationName);
    return { typeId: type.id, version: 0, theme, items: defaultItems(theme), saved: null };
  }

  async save(user: UserPrincipal, typeId: string, dto: SaveTemplateDto, ip: string | null): Promise<ChecklistTemplateView> {
    await this.manageable(user, typeId);
    const ids = dto.items.map((item) => item.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicates.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `Item ids must be unique: ${[...new Set(duplicates)].join(', ')}.`, {
        items: Object.fromEntries(dto.items.flatMap((item, i) => (duplicates.includes(item.id) ? [[String(i), { id: ['DUPLICATE'] }]] : []))),
      });
    }
    const items = dto.items.map((item) => ({ id: item.id, part: item.part, label: item.label.trim() }));
    const version = await this.repository.transaction(async (tx) => {
      await this.repository.lockTemplates(tx, typeId);
      const latest = await this.repository.latestTemplate(typeId, tx);
      if ((latest?.version ?? 0) !== dto.baseVersion) {
        throw new DomainError('TEMPLATE_VERSION_STALE', `Version ${latest?.version ?? 0} was saved meanwhile; reload it before saving.`);
      }
      const next = dto.baseVersion + 1;
      if (!(await this.repository.insertTemplate(tx, typeId, next, dto.theme, items, user.userId))) {
        throw new DomainError('TEMPLATE_VERSION_STALE', 'This template was saved meanwhile; reload it before saving.');
      }
      await this.audit.record(
        {
          action: 'checklist_template.saved',
          actorUserId: user.userId,
          subjectType: 'consultation_type',
          subjectId: typeId,
          ip,
          details: { version: next, theme: dto.theme, items: items.length, previous: latest ? { version: latest.version, items: latest.items.length } : null },
        },
        tx,
      );
      return next;
    });
    const saved = await this.repository.template(typeId, version);
    if (!saved) throw new Error('a saved template version is missing');
    const inUse = await this.repository.templateInUse(typeId);
    return this.toView({ typeId, version, theme: saved.theme, items: saved.items, saved }, inUse);
  }

  /**
   * Back to the default of the type's theme. Refused once a checklist was filled with one of its
   * versions: deleting them would orphan what was recorded (save a new version instead).
   */
  async reset(user: UserPrincipal, typeId: string, ip: string | null): Promise<void> {
    await this.manageable(user, typeId);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockTemplates(tx, typeId);
      const inUse = await this.repository.templateInUse(typeId, tx);
      if (inUse > 0) throw new DomainError('TEMPLATE_IN_USE', `${inUse} filled checklist(s) keep a version of this template; save a new version instead.`);
      const removed = await this.repository.deleteTemplates(tx, typeId);
      await this.audit.record({ action: 'checklist_template.deleted', actorUserId: user.userId, subjectType: 'consultation_type', subjectId: typeId, ip, details: { versions: removed } }, tx);
    });
  }

  private async manageable(user: UserPrincipal, typeId: string): Promise<TypeRow> {
    const type = await this.repository.type(typeId);
    if (!type) throw new DomainError('NOT_FOUND', 'No such consultation type.', fieldError('id', 'UNKNOWN'));
    if (!canManageAdministration(user, type)) throw new DomainError('FORBIDDEN', 'This consultation type is outside your scope.');
    return type;
  }

  private toView(t: EffectiveTemplate, inUse: number): ChecklistTemplateView {
    return {
      consultationTypeId: t.typeId,
      version: t.version,
      theme: t.theme,
      items: t.items,
      savedAt: t.saved ? toParisIso(t.saved.createdAt) : null,
      savedBy: t.saved?.createdByName ?? null,
      inUse,
    };
  }
}
