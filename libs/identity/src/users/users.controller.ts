import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, badRequest, Page, readUpload } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { StaffImportQuery, StaffImportReport, StaffTemplateQuery } from '../dto/staff-import.dto';
import {
  CreateStaffUserDto,
  PasswordResetView,
  ResetPasswordDto,
  StaffUserPage,
  StaffUserView,
  UpdateStaffUserDto,
  UserListQuery,
} from '../dto/staff-user.dto';
import { ImportStaff } from './staff-import/import-staff';
import { staffTemplate } from './staff-import/staff-template';
import { StaffAccountsService } from './staff-accounts.service';
import { UsersService } from './users.service';
import { UserResponse } from '../dto/responses';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly staff: StaffAccountsService,
    private readonly importer: ImportStaff,
    private readonly config: AppConfig,
  ) {}

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
  @Roles('admin', 'organiser')
  @ApiOperation({ summary: 'Accounts, searchable: admins any (staff by default); organisers the active judges of their organisation' })
  @ApiOkResponse({ type: StaffUserPage })
  list(@CurrentActor() actor: Actor, @Query() q: UserListQuery): Promise<Page<StaffUserView>> {
    return this.staff.list(actor, { role: q.role, organisationId: q.organisationId, q: q.q, active: q.active }, q.limit, q.offset);
  }

  @Get('users/import-template')
  @Roles('admin')
  @ApiOperation({ summary: 'The staff import template (XLSX with a guide sheet, or CSV)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(@Query() q: StaffTemplateQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await staffTemplate(q.format ?? 'xlsx');
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('access-control-expose-headers', 'content-disposition');
    return file.content;
  }

  @Post('users/import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create staff accounts from an XLSX or CSV, all or nothing (400 import_invalid lists every problem by row and column)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: StaffImportReport })
  async import(@CurrentActor() actor: Actor, @Query() q: StaffImportQuery, @Req() req: FastifyRequest): Promise<StaffImportReport> {
    const upload = await readUpload(req, this.config.importMaxBytes);
    const format = q.format ?? (/\.xlsx$/i.test(upload.filename) ? 'xlsx' : /\.csv$/i.test(upload.filename) ? 'csv' : null);
    if (!format) throw badRequest('unknown_format', 'Send an .xlsx or .csv file, or say which with ?format=xlsx|csv');
    return this.importer.execute(actor, format, upload.file, q.dryRun ?? false);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a staff account: name, role, organisation; active: false deactivates it (its sessions end), true reactivates' })
  @ApiOkResponse({ type: StaffUserView })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffUserDto): Promise<StaffUserView> {
    return this.staff.update(actor, id, dto);
  }

  @Post('users/:id/password-reset')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password, given or generated (returned once); every session of the account ends' })
  @ApiOkResponse({ type: PasswordResetView })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto): Promise<PasswordResetView> {
    return this.staff.resetPassword(actor, id, dto.password);
  }
}
