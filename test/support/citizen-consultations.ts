import { DataSource } from 'typeorm';

export interface SeriesOptions {
  count: number;
  boothId: string;
  agentUserEmail: string;
  /** Start of the first consultation; the next ones follow back to back. */
  firstStart: Date;
  durationMinutes?: number;
  /**
   * Contact pattern by index i (0-based) done in SQL so that 10,000 rows insert in one statement:
   * 'phone' everywhere, 'mixed' = phone, e-mail, both, none in turn.
   */
  contacts?: 'phone' | 'email' | 'both' | 'none' | 'mixed';
}

/**
 * Scheduled consultations with citizens, inserted in one statement (booth and agent taken once per
 * slot, so the exclusion constraints hold). Returns their ids in time order.
 */
export async function insertCitizenConsultations(dataSource: DataSource, o: SeriesOptions): Promise<string[]> {
  const [agent] = await dataSource.query(
    `SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`,
    [o.agentUserEmail],
  );
  const [type] = await dataSource.query(`SELECT id FROM consultation_types WHERE administration_id = $1 LIMIT 1`, [agent.administration_id]);
  const contacts = o.contacts ?? 'mixed';
  const phone = { phone: 'true', email: 'false', both: 'true', none: 'false', mixed: 'i % 4 IN (0, 2)' }[contacts];
  const email = { phone: 'false', email: 'true', both: 'true', none: 'false', mixed: 'i % 4 IN (1, 2)' }[contacts];
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO consultations (booth_id, agent_id, administration_id, consultation_type_id, starts_at, ends_at,
                                citizen_name, citizen_phone, citizen_email)
     SELECT $1, $2, $3, $4,
            $5::timestamptz + make_interval(mins => i * $6),
            $5::timestamptz + make_interval(mins => (i + 1) * $6),
            'Usager ' || i,
            CASE WHEN ${phone} THEN '+3361' || lpad(i::text, 7, '0') END,
            CASE WHEN ${email} THEN 'usager' || i || '@example.fr' END
       FROM generate_series(0, $7 - 1) AS i
     RETURNING id`,
    [o.boothId, agent.id, agent.administration_id, type?.id ?? null, o.firstStart.toISOString(), o.durationMinutes ?? 20, o.count],
  );
  return rows.map((r) => r.id);
}
