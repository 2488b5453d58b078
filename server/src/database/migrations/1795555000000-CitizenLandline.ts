import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's landline (issue 13), apart from the mobile: a number staff call when the citizen has
 * neither mobile nor e-mail (often the elderly), never sent an SMS. Erased with the other citizen
 * data by retention.
 */
export class CitizenLandline1795555000000 implements MigrationInterface {
  name = 'CitizenLandline1795555000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" ADD "citizen_landline" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" DROP COLUMN "citizen_landline"`);
  }
}
