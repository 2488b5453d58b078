import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@Controller('api/users')
@Allow('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Post()
  create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id/role')
  changeRole(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ChangeRoleDto) {
    return this.users.changeRole(actor, id, dto.role);
  }
}
