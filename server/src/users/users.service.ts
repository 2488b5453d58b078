import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { UserPrincipal } from '../auth/principal';
import { Role } from '../auth/roles';
import { DomainError } from '../common/errors/domain.error';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AgentEntity } from '../directory/entities/agent.entity';
import { MsapSiteEntity } from '../directory/entities/msap-site.entity';
import { CreateUserDto } from './dto/create-user.dto';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  async create(actor: UserPrincipal, dto: CreateUserDto): Promise<UserEntity> {
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (tx) => {
      if (await tx.exists(UserEntity, { where: { email: dto.email } })) {
        throw new DomainError('EMAIL_TAKEN', `An account already uses ${dto.email}.`, { email: ['EMAIL_TAKEN'] });
      }
      if (dto.msapSiteId && !(await tx.exists(MsapSiteEntity, { where: { id: dto.msapSiteId } }))) {
        throw new DomainError('VALIDATION_FAILED', 'Unknown MSAP site.', { msapSiteId: ['UNKNOWN'] });
      }
      if (dto.administrationId && !(await tx.exists(AdministrationEntity, { where: { id: dto.administrationId } }))) {
        throw new DomainError('VALIDATION_FAILED', 'Unknown administration.', { administrationId: ['UNKNOWN'] });
      }
      const user = await tx.save(
        tx.create(UserEntity, {
          email: dto.email,
          displayName: dto.displayName,
          passwordHash,
          role: dto.role,
          departement: dto.departement ?? null,
          msapSiteId: dto.msapSiteId ?? null,
          oidcSubject: null,
          disabledAt: null,
        }),
      );
      if (dto.role === 'agent') {
        await tx.insert(AgentEntity, { userId: user.id, administrationId: dto.administrationId!, title: dto.agentTitle ?? '' });
      }
      await this.audit.record(
        { action: 'user.created', actorUserId: actor.userId, subjectType: 'user', subjectId: user.id, details: { role: dto.role } },
        tx,
      );
      delete (user as Partial<UserEntity>).passwordHash;
      return user;
    });
  }

  async changeRole(actor: UserPrincipal, userId: string, role: Role): Promise<UserEntity> {
    if (actor.userId === userId) {
      throw new DomainError('FORBIDDEN', 'You cannot change your own role.');
    }
    return this.dataSource.transaction(async (tx) => {
      const user = await tx.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('NOT_FOUND', 'No such account.');
      if (role === 'agent' && !(await tx.exists(AgentEntity, { where: { userId } }))) {
        throw new DomainError('VALIDATION_FAILED', 'An agent needs an administration: create the account as an agent.', {
          role: ['AGENT_NEEDS_ADMINISTRATION'],
        });
      }
      const previous = user.role;
      if (previous === role) return user;
      await tx.update(UserEntity, userId, { role });
      await this.audit.record(
        { action: 'user.role_changed', actorUserId: actor.userId, subjectType: 'user', subjectId: userId, details: { from: previous, to: role } },
        tx,
      );
      return { ...user, role };
    });
  }
}
