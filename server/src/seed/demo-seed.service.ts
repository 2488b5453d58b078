import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { Role } from '../auth/roles';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AgentEntity } from '../directory/entities/agent.entity';
import { BoothEntity } from '../directory/entities/booth.entity';
import { MsapSiteEntity } from '../directory/entities/msap-site.entity';
import { ConsultationTypeEntity } from '../scheduling/entities/consultation-type.entity';
import { AgentAvailabilityEntity, MsapOpeningHoursEntity } from '../scheduling/entities/weekly-range.entity';
import { UserEntity } from '../users/entities/user.entity';

/** Demo accounts, also listed in the README. For the embedded database or DEMO_SEED=1 only. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; password: string; role: Role; displayName: string }> = [
  { email: 'admin@demo.visio-msap.fr', password: 'demo-admin-2026', role: 'admin', displayName: 'Alice Admin' },
  { email: 'coordination@demo.visio-msap.fr', password: 'demo-coord-2026', role: 'coordinator', displayName: 'Camille Coordination' },
  { email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026', role: 'agent', displayName: 'Antoine Agent' },
  { email: 'animation@demo.visio-msap.fr', password: 'demo-anim-2026', role: 'facilitator', displayName: 'Fatou Animatrice' },
];

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  /** Seeds once: does nothing when any administration already exists. Returns whether it seeded. */
  async seed(): Promise<boolean> {
    const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => this.passwords.hash(a.password)));
    const seeded = await this.dataSource.transaction(async (tx) => {
      // Serialises concurrent starts on one database.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['visio-msap-demo-seed']);
      if ((await tx.count(AdministrationEntity)) > 0) return false;
      const [ddfip, prefecture] = await tx.save(AdministrationEntity, [
        // Offices in Orléans (place du Martroi, rue de Bourgogne), to about a hundred metres: the
        // travel avoided is counted from them.
        tx.create(AdministrationEntity, { name: 'DDFIP du Loiret', departement: '45', officeLatitude: 47.9029, officeLongitude: 1.9093 }),
        tx.create(AdministrationEntity, { name: 'Préfecture du Loiret', departement: '45', officeLatitude: 47.9017, officeLongitude: 1.9118 }),
      ]);
      const [pithiviers, sully] = await tx.save(MsapSiteEntity, [
        tx.create(MsapSiteEntity, {
          name: 'France Services de Pithiviers',
          address: '2 rue de la Couronne',
          postalCode: '45300',
          city: 'Pithiviers',
          departement: '45',
          latitude: 48.1719,
          longitude: 2.2519,
        }),
        tx.create(MsapSiteEntity, {
          name: 'France Services de Sully-sur-Loire',
          address: '5 place du Général de Gaulle',
          postalCode: '45600',
          city: 'Sully-sur-Loire',
          departement: '45',
          latitude: 47.7667,
          longitude: 2.375,
        }),
      ]);
      await tx.save(BoothEntity, [
        tx.create(BoothEntity, { msapSiteId: pithiviers!.id, name: 'Cabine 1' }),
        tx.create(BoothEntity, { msapSiteId: pithiviers!.id, name: 'Cabine 2' }),
        tx.create(BoothEntity, { msapSiteId: sully!.id, name: 'Cabine 1' }),
      ]);
      // Weekdays (ISO 1–5), local Paris time, in minutes: 09:00–12:30 and 13:30–17:30.
      const weekdays = (ranges: Array<[number, number]>) =>
        [1, 2, 3, 4, 5].flatMap((weekday) => ranges.map(([startMinute, endMinute]) => ({ weekday, startMinute, endMinute })));
      for (const site of [pithiviers!, sully!]) {
        await tx.insert(MsapOpeningHoursEntity, weekdays([[540, 750], [810, 1050]]).map((r) => ({ ...r, msapSiteId: site.id })));
      }
      await tx.insert(ConsultationTypeEntity, [
        { administrationId: ddfip!.id, subject: 'Impôt sur le revenu : déclaration, avis', durationMinutes: 30, documents: ["Pièce d'identité", "Dernier avis d'impôt"] },
        { administrationId: ddfip!.id, subject: 'Taxe foncière', durationMinutes: 20, documents: ["Pièce d'identité", 'Avis de taxe foncière'] },
        { administrationId: prefecture!.id, subject: 'Titre de séjour : renouvellement', durationMinutes: 45, documents: ['Titre de séjour actuel', 'Justificatif de domicile'] },
      ]);
      for (const [i, account] of DEMO_ACCOUNTS.entries()) {
        const user = await tx.save(
          tx.create(UserEntity, {
            email: account.email,
            displayName: account.displayName,
            passwordHash: hashes[i]!,
            role: account.role,
            departement: account.role === 'coordinator' ? '45' : null,
            msapSiteId: account.role === 'facilitator' ? pithiviers!.id : null,
            oidcSubject: null,
            disabledAt: null,
          }),
        );
        if (account.role === 'agent') {
          const agent = await tx.insert(AgentEntity, { userId: user.id, administrationId: ddfip!.id, title: 'Conseiller fiscal' });
          const agentId = (agent.identifiers[0] as { id: string }).id;
          await tx.insert(AgentAvailabilityEntity, weekdays([[540, 720], [810, 1020]]).map((r) => ({ ...r, agentId })));
        }
      }
      return true;
    });
    if (seeded) this.logger.log('demo data seeded');
    return seeded;
  }
}
