import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

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

/**
 * A named prepared statement inside a transaction, on its connection: planned once per connection
 * instead of on every call (TypeORM's `query` sends unnamed statements, planned each time). For the
 * few statements of the booking path and of the outbox it writes. Errors are pg's own (code, constraint), as translateWriteError
 * expects. Rows only: not for UPDATE/DELETE, whose counts TypeORM's `query` would also return.
 */
export async function preparedTxQuery<T extends QueryResultRow>(tx: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = tx.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive) return (await tx.query(text, values)) as T[];
  // connect() hands back the transaction's own connection, already open.
  const client = (await runner.connect()) as PoolClient;
  return (await client.query<T>({ name, text, values })).rows;
}
