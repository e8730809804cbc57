import { Injectable, OnModuleInit } from '@nestjs/common';
import { AdvancementService } from '@lc/attempts';
import { parseAdvancementRule, selectAdvancing } from '../../awards/advancement';

/**
 * Gives POST /rounds/:id/advance its quota mode: the attempts module ranks and enrols,
 * the judging core decides who fills each unit / group's places (ties at a boundary
 * advance together; buckets short of entrants are reported).
 */
@Injectable()
export class QuotaAdvancement implements OnModuleInit {
  constructor(private readonly advancement: AdvancementService) {}

  onModuleInit(): void {
    this.advancement.useQuotaSelector((ranking, rule) => {
      const parsed = parseAdvancementRule({ kind: 'quota', ...rule });
      return selectAdvancing(ranking, parsed);
    });
  }
}
