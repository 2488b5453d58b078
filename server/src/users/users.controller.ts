import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './dto/user.view';
import { requestOrigin } from './request-origin';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@Allow('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserView] })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  /** Invites the person by e-mail to choose a password (or, given `password`, creates the account active). */
  @Post()
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateUserDto, @Req() req: Request): Promise<UserView> {
    return this.users.create(actor, dto, requestOrigin(req));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  update(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }

  /** The role alone (PATCH /api/users/:id does the same with the attachments). */
  @Patch(':id/role')
  @ApiOkResponse({ type: UserView })
  changeRole(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ChangeRoleDto): Promise<UserView> {
    return this.users.update(actor, id, { role: dto.role });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  disable(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string): Promise<UserView> {
    return this.users.disable(actor, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  enable(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string): Promise<UserView> {
    return this.users.enable(actor, id);
  }

  /** A new invitation e-mail; the previous link stops working. */
  @Post(':id/invitation')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  resendInvitation(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Req() req: Request): Promise<UserView> {
    return this.users.resendInvitation(actor, id, requestOrigin(req));
  }

  /** An e-mail with a link to choose a new password. */
  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  sendPasswordReset(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Req() req: Request): Promise<UserView> {
    return this.users.sendPasswordReset(actor, id, requestOrigin(req));
  }
}
