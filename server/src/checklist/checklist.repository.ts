import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Autonomy, ChecklistItem, ConsentKind, Equipment, ItemAnswer, Redirection, SupportTheme, TemplateTheme } from '../../../shared/support/support';

export interface TemplateRow {
  consultationTypeId: string;
  version: number;
  theme: TemplateTheme;
  items: ChecklistItem[];
  createdAt: Date;
  createdByName: string | null;
}

/** What a support record holds: each field a facilitator fills, under one name (also its revision key). */
export interface SupportFields {
  answers: Record<string, ItemAnswer>;
  facilitatorPresent: boolean | null;
  autonomy: Autonomy | null;
  equipment: Equipment[];
  themes: SupportTheme[];
  redirection: Redirection | null;
  notes: string;
}

export interface SupportRow extends SupportFields {
  consultationId: string;
  templateTypeId: string | null;
  templateVersion: number | null;
  revision: number;
  /** Field key (`notes`, `answers.<item id>`…) → the revision that last changed it. */
  fieldRevisions: Record<string, number>;
  updatedAt: Date;
  updatedByName: string | null;
  notesErasedAt: Date | null;
}

export interface ConsentRow {
  id: string;
  kind: ConsentKind;
  textVersion: string;
  grantedAt: Date;
  collectedByName: string;
  revokedAt: Date | null;
  revokedByName: string | null;
}

/** A consultation type with what its template's access and default depend on. */
export interface TypeRow {
  id: string;
  subject: string;
  administrationName: string;
  departement: string;
}

const TEMPLATE_COLUMNS = `t.consultation_type_id AS "consultationTypeId", t.version, t.theme, t.items, t.created_at AS "createdAt",
  u.display_name AS "createdByName"`;

const SUPPORT_COLUMNS = `s.consultation_id AS "consultationId", s.template_type_id AS "templateTypeId", s.template_version AS "templateVersion",
  s.answers, s.facilitator_present AS "facilitatorPresent", s.autonomy, s.equipment, s.themes, s.redirection, s.notes,
  s.revision, s.field_revisions AS "fieldRevisions", s.updated_at AS "updatedAt", u.display_name AS "updatedByName",
  s.notes_erased_at AS "notesErasedAt"`;

/** The only code that touches `checklist_templates`, `consultation_support` and `consultation_consents`. */
@Injectable()
export class ChecklistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async type(id: string): Promise<TypeRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT t.id, t.subject, ad.name AS "administrationName", ad.departement
         FROM consultation_types t JOIN administrations ad ON ad.id = t.administration_id WHERE t.id = $1`,
      [id],
    )) as TypeRow[];
    return row;
  }

  async latestTemplate(typeId: string, tx: EntityManager | DataSource = this.dataSource): Promise<TemplateRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM checklist_templates t LEFT JOIN users u ON u.id = t.created_by_id
        WHERE t.consultation_type_id = $1 ORDER BY t.version DESC LIMIT 1`,
      [typeId],
    )) as TemplateRow[];
    return row;
  }

  async template(typeId: string, version: number, tx: EntityManager | DataSource = this.dataSource): Promise<TemplateRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM checklist_templates t LEFT JOIN users u ON u.id = t.created_by_id
        WHERE t.consultation_type_id = $1 AND t.version = $2`,
      [typeId, version],
    )) as TemplateRow[];
    return row;
  }

  /** False when this version exists already (someone saved meanwhile): versions are never rewritten. */
  async insertTemplate(tx: EntityManager, typeId: string, version: number, theme: TemplateTheme, items: ChecklistItem[], userId: string | null): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO checklist_templates (consultation_type_id, version, theme, items, created_by_id)
       VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING RETURNING version`,
      [typeId, version, theme, JSON.stringify(items), userId],
    )) as unknown[];
    return rows.length === 1;
  }

  async templateInUse(typeId: string, tx: EntityManager | DataSource = this.dataSource): Promise<number> {
    const [{ n }] = (await tx.query(`SELECT count(*)::int AS n FROM consultation_support WHERE template_type_id = $1`, [typeId])) as [{ n: number }];
    return n;
  }

  /** Locks the type's templates (every version) while the caller decides on them. */
  async lockTemplates(tx: EntityManager, typeId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('checklist_template:' || $1))`, [typeId]);
  }

  async deleteTemplates(tx: EntityManager, typeId: string): Promise<number> {
    const [, count] = (await tx.query(`DELETE FROM checklist_templates WHERE consultation_type_id = $1 RETURNING version`, [typeId])) as [unknown, number];
    return count;
  }

  async support(consultationId: string, tx: EntityManager | DataSource = this.dataSource): Promise<SupportRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${SUPPORT_COLUMNS} FROM consultation_support s LEFT JOIN users u ON u.id = s.updated_by_id WHERE s.consultation_id = $1`,
      [consultationId],
    )) as SupportRow[];
    return row;
  }

  /** The support records of several consultations (the desk), keyed by consultation. */
  async supports(consultationIds: readonly string[]): Promise<Map<string, SupportRow>> {
    if (consultationIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT ${SUPPORT_COLUMNS} FROM consultation_support s LEFT JOIN users u ON u.id = s.updated_by_id WHERE s.consultation_id = ANY($1::uuid[])`,
      [consultationIds],
    )) as SupportRow[];
    return new Map(rows.map((r) => [r.consultationId, r]));
  }

  /** The record, created empty (pinned to `template`) if it did not exist, locked until the transaction ends. */
  async lockSupport(tx: EntityManager, consultationId: string, template: { typeId: string; version: number } | null, themes: readonly SupportTheme[]): Promise<SupportRow> {
    await tx.query(
      `INSERT INTO consultation_support (consultation_id, template_type_id, template_version, themes) VALUES ($1, $2, $3, $4::text[]) ON CONFLICT DO NOTHING`,
      [consultationId, template?.typeId ?? null, template?.version ?? null, themes],
    );
    await tx.query(`SELECT 1 FROM consultation_support WHERE consultation_id = $1 FOR UPDATE`, [consultationId]);
    const row = await this.support(consultationId, tx);
    if (!row) throw new Error('support record vanished inside its transaction');
    return row;
  }

  async saveSupport(tx: EntityManager, row: SupportRow, userId: string): Promise<void> {
    await tx.query(
      `UPDATE consultation_support
          SET answers = $2::jsonb, facilitator_present = $3, autonomy = $4, equipment = $5::text[], themes = $6::text[],
              redirection = $7, notes = $8, revision = $9, field_revisions = $10::jsonb, updated_at = now(), updated_by_id = $11
        WHERE consultation_id = $1`,
      [
        row.consultationId,
        JSON.stringify(row.answers),
        row.facilitatorPresent,
        row.autonomy,
        row.equipment,
        row.themes,
        row.redirection,
        row.notes,
        row.revision,
        JSON.stringify(row.fieldRevisions),
        userId,
      ],
    );
  }

  /** Retention: the free text of these consultations' support goes with the citizen's data. */
  async eraseFreeText(tx: EntityManager, consultationIds: readonly string[]): Promise<void> {
    await tx.query(
      `UPDATE consultation_support
          SET notes = '', notes_erased_at = now(),
              answers = COALESCE((SELECT jsonb_object_agg(key, jsonb_set(value, '{comment}', '""')) FROM jsonb_each(answers)), '{}'::jsonb)
        WHERE consultation_id = ANY($1::uuid[]) AND notes_erased_at IS NULL`,
      [consultationIds],
    );
  }

  async consents(consultationId: string, tx: EntityManager | DataSource = this.dataSource): Promise<ConsentRow[]> {
    return tx.query(
      `SELECT id, kind, text_version AS "textVersion", granted_at AS "grantedAt", collected_by_name AS "collectedByName",
              revoked_at AS "revokedAt", revoked_by_name AS "revokedByName"
         FROM consultation_consents WHERE consultation_id = $1 ORDER BY granted_at, id`,
      [consultationId],
    );
  }

  /** The standing consents of several consultations (the desk, the export). */
  async standingConsents(consultationIds: readonly string[]): Promise<Map<string, ConsentKind[]>> {
    const out = new Map<string, ConsentKind[]>();
    if (consultationIds.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT consultation_id AS "consultationId", kind FROM consultation_consents WHERE consultation_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
      [consultationIds],
    )) as Array<{ consultationId: string; kind: ConsentKind }>;
    for (const r of rows) out.set(r.consultationId, [...(out.get(r.consultationId) ?? []), r.kind]);
    return out;
  }

  /** False when a consent of this kind already stands (nothing to record). */
  async grantConsent(tx: EntityManager, consultationId: string, kind: ConsentKind, textVersion: string, user: { id: string; name: string }): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO consultation_consents (consultation_id, kind, text_version, collected_by_id, collected_by_name)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consultation_id, kind) WHERE revoked_at IS NULL DO NOTHING RETURNING id`,
      [consultationId, kind, textVersion, user.id, user.name],
    )) as unknown[];
    return rows.length === 1;
  }

  /** False when no consent of this kind stands. */
  async revokeConsent(tx: EntityManager, consultationId: string, kind: ConsentKind, byName: string): Promise<boolean> {
    const [, count] = (await tx.query(
      `UPDATE consultation_consents SET revoked_at = now(), revoked_by_name = $3
        WHERE consultation_id = $1 AND kind = $2 AND revoked_at IS NULL`,
      [consultationId, kind, byName],
    )) as [unknown, number];
    return count === 1;
  }
}
