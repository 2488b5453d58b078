import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM's messages through the application's logger (JSON lines, LOG_LEVEL), not the console.
 * NOTE: a failed query is logged at debug level only: the expected ones (an exclusion constraint
 * refusing a double booking, a unique key refusing a duplicate message) are answered as domain
 * errors, and unexpected ones reach the exception filter, which logs them with the request.
 */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query: query.slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _queryRunner?: QueryRunner): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
