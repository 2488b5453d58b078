import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DeviceEntity } from '../devices/entities/device.entity';
import { UserEntity } from '../users/entities/user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionEntity } from './entities/session.entity';
import { AuthGuard } from './guards/auth.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { PasswordService } from './password.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, DeviceEntity]), AuditModule],
  controllers: [AuthController, OidcController],
  providers: [AuthService, PasswordService, OidcService, LoginRateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordService, LoginRateLimiter],
})
export class AuthModule {}
