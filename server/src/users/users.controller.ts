import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/decorators/allow.decorator';
import { CurrentUser } from '../auth/decorators/principal.decorator';
import { UserPrincipal } from '../auth/principal';
import { uuidParam } from '../common/http/uuid-param';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { toUserView, UserView } from './dto/user.view';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@Allow('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  @Post()
  @ApiCreatedResponse({ type: UserView })
  async create(@CurrentUser() actor: UserPrincipal, @Body() dto: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(actor, dto));
  }

  @Patch(':id/role')
  @ApiOkResponse({ type: UserView })
  async changeRole(@CurrentUser() actor: UserPrincipal, @Param('id', uuidParam('id')) id: string, @Body() dto: ChangeRoleDto): Promise<UserView> {
    return toUserView(await this.users.changeRole(actor, id, dto.role));
  }
}
