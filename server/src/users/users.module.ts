import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AccountViews } from './account-views';
import { AccountTokenEntity } from './entities/account-token.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordLinks } from './password-links.service';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Accounts: administrators run them (invitations, roles, disabling); their holders set their passwords. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, AccountTokenEntity]), AuthModule, AuditModule, NotificationsModule],
  controllers: [UsersController, PasswordsController],
  providers: [UsersService, PasswordsService, PasswordLinks, AccountViews],
})
export class UsersModule {}
