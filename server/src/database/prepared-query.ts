import type { Pool, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A named prepared statement on the pool behind TypeORM: PostgreSQL plans it once per connection
 * instead of once per call. For the few large read queries on hot paths (booking context, slot
 * search), whose planning cost more than their execution. Outside a transaction only: the statement
 * runs on whichever pooled connection is free.
 */
export async function preparedQuery<T extends QueryResultRow>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query<T>({ name, text, values });
  return result.rows;
}
