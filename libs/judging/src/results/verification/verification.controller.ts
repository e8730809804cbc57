import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Roles } from '@lc/identity';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '@lc/platform';
import { DecideVerification } from './decide-verification';
import { PayoutExport } from './payout-export';
import {
  DisclosureRequestDto,
  PayoutExportRequestDto,
  VerificationOutcomeDto,
  VerificationRequestDto,
  WinnerIdentityDto,
  WinnersListDto,
} from './verification.dto';
import { WinnerIdentities } from './winner-identities';

/**
 * Winner verification before prizes are paid. Disclosures are POSTs: each is an audited
 * act with a reason, never a cacheable read. Rate-limited per user: checking a list of
 * winners takes a few views a minute, harvesting identities would take many.
 */
@ApiTags('results')
@ApiBearerAuth()
@Controller('rounds/:id/winners')
@Roles('organiser', 'judge', 'admin')
export class VerificationController {
  constructor(
    private readonly identities: WinnerIdentities,
    private readonly decisions: DecideVerification,
    private readonly payout: PayoutExport,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prize winners with their verification (phones and national IDs masked)' })
  @ApiOkResponse({ type: WinnersListDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.identities.list(actor, id);
  }

  @Post(':userId/identity')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: "Organisers of the organisation: a winner's full identity for verification, audited with the reason" })
  @ApiOkResponse({ type: WinnerIdentityDto })
  identity(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: DisclosureRequestDto,
  ) {
    return this.identities.disclose(actor, id, userId, dto.reason);
  }

  @Post(':userId/verification')
  @HttpCode(200)
  @ApiOperation({ summary: 'Organisers of the organisation: mark a winner verified, or disqualified with a reason (the prize passes on by the rules)' })
  @ApiOkResponse({ type: VerificationOutcomeDto })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: VerificationRequestDto,
  ) {
    return this.decisions.execute(actor, id, userId, dto.status, dto.reason);
  }

  @Post('payout-export')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ ip: true, account: true })
  @Throttle({ user: { limit: 10, ttl: 60_000 } })
  @ApiOperation({ summary: 'Organisers of the organisation: the winners with full contact details for paying prizes (XLSX / CSV), audited with the reason' })
  @ApiFileResponse('The file, as an attachment', XLSX_MEDIA_TYPE, 'text/csv')
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PayoutExportRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const f = await this.payout.execute(actor, id, dto.format, dto.reason);
    void reply
      .header('content-type', f.contentType)
      .header('content-disposition', `attachment; filename="${f.fileName}"`)
      .header('access-control-expose-headers', 'content-disposition')
      .header('cache-control', 'no-store');
    return new StreamableFile(f.stream);
  }
}
