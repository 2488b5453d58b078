import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { MediaModule } from '../../media/src/nest/media.module';
import { AuditModule } from './audit/audit.module';
import { ConsultationAuditModule } from './audit/consultation-audit';
import { AuthModule } from './auth/auth.module';
import { ChecklistModule } from './checklist/checklist.module';
import { CitizenLinkModule } from './citizen-link/citizen-link.module';
import { withoutLinkTokens } from './citizen-link/citizen-links';
import { errorForLog } from './common/errors/error-log';
import { appConfig, AppConfig, configurations, mediaConfig, MediaConfig } from './config/configuration';
import { ConsultationsModule } from './consultations/consultations.module';
import { typeormOptions } from './database/typeorm-options';
import { DeskModule } from './desk/desk.module';
import { DevicesModule } from './devices/devices.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RetentionModule } from './retention/retention.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { SeedModule } from './seed/seed.module';
import { SignallingModule } from './signalling/signalling.module';
import { StatsModule } from './stats/stats.module';
import { SurveyModule } from './survey/survey.module';
import { withoutSurveyToken } from './survey/survey-tokens';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  /** Resolved by the caller: DATABASE_URL, or the embedded server it started. */
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configurations }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              // One stream for request logs and every other log line (nestjs-pino makes a second logger
              // otherwise, with a stream of its own): lines leave in the order they were written.
              stream: pino.destination({ dest: 1, sync: false }),
              level: config.logLevel,
              // Assigned by the first middleware (app.setup.ts), which reuses a sane proxy-given id.
              genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
              redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/metrics' },
              serializers: {
                // A failed query's parameters may name a citizen: never logged (error-log.ts).
                err: errorForLog,
                // The page behind a one-time password link carries its token in the path: never logged (nor a citizen's link, nor a survey's, nor which consultation's survey is opened).
                req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: withoutSurveyToken(withoutLinkTokens(req.url.replace(/^\/mot-de-passe\/[^/?#]+/, '/mot-de-passe/…'))) }),
              },
            },
          }),
        }),
        TypeOrmModule.forRoot(typeormOptions(options.databaseUrl)),
        MediaModule.forRootAsync({
          inject: [mediaConfig.KEY],
          useFactory: (config: MediaConfig) => ({ size: config.workers, logLevel: config.logLevel, workerBin: config.workerBin, webRtc: config.webRtc }),
        }),
        AuditModule,
        ConsultationAuditModule,
        AuthModule,
        UsersModule,
        DirectoryModule,
        DevicesModule,
        ConsultationsModule,
        SchedulingModule,
        DocumentsModule,
        ChecklistModule,
        DeskModule,
        NotificationsModule,
        CitizenLinkModule,
        RetentionModule,
        HealthModule,
        SeedModule,
        SignallingModule,
        SurveyModule,
        StatsModule,
      ],
    };
  }
}
