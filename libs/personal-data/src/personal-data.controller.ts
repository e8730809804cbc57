import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@lc/platform';
import { type Actor, clearPageSessionCookie, CurrentActor, Roles } from '@lc/identity';
import { AccountErasureService } from './account-erasure.service';
import { DeleteAccountDto, PersonalDataExportDto } from './personal-data.dto';
import { PersonalDataExport } from './personal-data-export';
import { PersonalDataExportService } from './personal-data-export.service';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('me')
export class PersonalDataController {
  constructor(
    private readonly data: PersonalDataExportService,
    private readonly erasure: AccountErasureService,
    private readonly config: AppConfig,
  ) {}

  @Get('data')
  @ApiOperation({
    summary:
      'Download everything kept about you (JSON): profile unmasked, consents, registrations, attempts with answers, judged entries, published results, audit entries',
  })
  @ApiOkResponse({ type: PersonalDataExportDto })
  export(@CurrentActor() actor: Actor): Promise<PersonalDataExport> {
    return this.data.export(actor);
  }

  /** Residents only: staff accounts are closed by an admin (DELETE /users/:id). */
  @Delete()
  @Roles('resident')
  // A stolen access token must not become a password oracle.
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 10, ttl: 60_000 } })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account anonymised; results kept without your identity' })
  @ApiOperation({ summary: 'Delete your account: anonymised, hand-ins and their files erased, sign-in, tokens and sockets ended, scores kept anonymously' })
  async remove(
    @CurrentActor() actor: Actor,
    @Body() dto: DeleteAccountDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.erasure.eraseOwn(actor, dto.password);
    clearPageSessionCookie(req, reply, this.config.appBaseUrl);
  }
}

/** An admin erases an account: here, above the feature modules, so it erases what DELETE /me does. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class AccountErasureController {
  constructor(private readonly erasure: AccountErasureService) {}

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Account anonymised; results kept without its identity' })
  @ApiOperation({
    summary: "Erase an account as DELETE /me does (anonymised, registration answers, IPs and devices, hand-ins erased, sessions ended); audited as the admin's",
  })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.erasure.eraseAccount(actor, id);
  }
}
