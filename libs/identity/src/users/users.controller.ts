import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Page, PageOf, PagingQuery } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { CreateStaffUserDto } from '../dto/staff-user.dto';
import { ROLES } from './user.entity';
import { UsersService } from './users.service';
import { UserResponse } from '../dto/responses';

class UserListQuery extends PagingQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user (personal data masked)' })
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.me(actor);
  }

  @Post('users')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a staff account (organiser, judge or admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffUserDto): Promise<UserResponse> {
    return this.users.createStaff(actor, dto);
  }

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: PageOf(UserResponse) })
  list(@Query() q: UserListQuery): Promise<Page<UserResponse>> {
    return this.users.list({ role: q.role, organisationId: q.organisationId }, q.limit, q.offset);
  }

  @Delete('users/:id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.users.delete(actor, id, null);
  }
}
