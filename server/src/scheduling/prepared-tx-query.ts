import type { PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * A named prepared statement inside a transaction, on its connection: planned once per connection
 * instead of on every call (TypeORM's `query` sends unnamed statements, planned each time). For the
 * few statements of the booking path. Errors are pg's own (code, constraint), as translateWriteError
 * expects. Rows only: not for UPDATE/DELETE, whose counts TypeORM's `query` would also return.
 */
export async function preparedTxQuery<T extends QueryResultRow>(tx: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = tx.queryRunner as PostgresQueryRunner | undefined;
  if (!runner?.isTransactionActive) return (await tx.query(text, values)) as T[];
  // connect() hands back the transaction's own connection, already open.
  const client = (await runner.connect()) as PoolClient;
  return (await client.query<T>({ name, text, values })).rows;
}
