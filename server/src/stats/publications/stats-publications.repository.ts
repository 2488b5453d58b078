import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface PublicationRow {
  departement: string;
  publishedAt: Date;
}

/** The stats_publications table: the départements whose aggregated figures are public. */
@Injectable()
export class StatsPublicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<PublicationRow[]> {
    return this.dataSource.query(`SELECT departement, published_at AS "publishedAt" FROM stats_publications ORDER BY departement`);
  }

  async find(departement: string): Promise<PublicationRow | null> {
    const rows: PublicationRow[] = await this.dataSource.query(`SELECT departement, published_at AS "publishedAt" FROM stats_publications WHERE departement = $1`, [departement]);
    return rows[0] ?? null;
  }

  /** Whether the département has a France Services site: only those can be published. */
  async hasSites(departement: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM msap_sites WHERE departement = $1) AS "has"`, [departement]);
    return row.has === true;
  }

  /** Publishes (keeping the first date when already published) or withdraws; answers whether it changed anything. */
  async set(manager: EntityManager, departement: string, published: boolean, userId: string): Promise<{ changed: boolean; row: PublicationRow | null }> {
    if (published) {
      const inserted: PublicationRow[] = await manager.query(
        `INSERT INTO stats_publications (departement, published_by_id) VALUES ($1, $2) ON CONFLICT (departement) DO NOTHING
         RETURNING departement, published_at AS "publishedAt"`,
        [departement, userId],
      );
      if (inserted[0]) return { changed: true, row: inserted[0] };
      const [row] = (await manager.query(`SELECT departement, published_at AS "publishedAt" FROM stats_publications WHERE departement = $1`, [departement])) as PublicationRow[];
      return { changed: false, row: row ?? null };
    }
    // TypeORM answers a DELETE with [rows, affected count].
    const [, deleted] = (await manager.query(`DELETE FROM stats_publications WHERE departement = $1`, [departement])) as [unknown, number];
    return { changed: deleted > 0, row: null };
  }
}
