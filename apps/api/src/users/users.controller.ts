import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/pagination.dto';
import { CreateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users 用户')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'county_hr')
  create(@CurrentUser() auth: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(auth, dto);
  }

  @Get()
  @Roles('admin', 'county_hr')
  list(@CurrentUser() auth: AuthUser, @Query() query: PageQueryDto) {
    return this.users.list(auth, query);
  }
}
