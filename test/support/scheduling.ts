import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { SignedIn } from './session';

export const PARIS = 'Europe/Paris';

/** Monday 00:00 (Paris) `weeks` weeks after this one: always in the future, always a known weekday. */
export function mondayIn(weeks: number): DateTime {
  return DateTime.now().setZone(PARIS).startOf('week').plus({ weeks });
}

/** A local Paris time on a day, as ISO 8601 with its offset. */
export function at(day: DateTime, hhmm: string): string {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

export interface SchedulingIds {
  ddfipId: string;
  prefectureId: string;
  /** "Impôt sur le revenu", 30 minutes, DDFIP. */
  incomeTaxTypeId: string;
  demoAgentId: string;
}

export async function schedulingIds(dataSource: DataSource): Promise<SchedulingIds> {
  const [ddfip] = await dataSource.query(`SELECT id FROM administrations WHERE name = 'DDFIP du Loiret'`);
  const [prefecture] = await dataSource.query(`SELECT id FROM administrations WHERE name = 'Préfecture du Loiret'`);
  const [type] = await dataSource.query(`SELECT id FROM consultation_types WHERE administration_id = $1 AND duration_minutes = 30`, [ddfip.id]);
  const [agent] = await dataSource.query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = 'agent@demo.visio-msap.fr'`);
  return { ddfipId: ddfip.id, prefectureId: prefecture.id, incomeTaxTypeId: type.id, demoAgentId: agent.id };
}

/** Creates an agent account through the API and returns its agent id. */
export async function createAgent(admin: SignedIn, dataSource: DataSource, email: string, administrationId: string): Promise<string> {
  await admin.agent
    .post('/api/users')
    .set('X-CSRF-Token', admin.csrf)
    .send({ email, displayName: email.split('@')[0], role: 'agent', administrationId, password: 'un-mot-de-passe-long' })
    .expect(201);
  const [row] = await dataSource.query(`SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`, [email]);
  return row.id as string;
}

/** Every day of the week, one range (local time). */
export const everyDay = (start: string, end: string) => ({ ranges: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end })) });

export async function putWeekly(caller: SignedIn, path: string, body: object): Promise<void> {
  await caller.agent.put(path).set('X-CSRF-Token', caller.csrf).send(body).expect(200);
}
