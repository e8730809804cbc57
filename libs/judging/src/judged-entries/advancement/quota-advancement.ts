import { Injectable, OnModuleInit } from '@nestjs/common';
import { AdvancementService } from '@lc/attempts';
import { parseAdvancementRule, selectAdvancing } from '../../awards/advancement';

/**
 * Gives POST /rounds/:id/advance (and its preview) the rule: the attempts module ranks and
 * enrols, the judging core decides who goes through — the top N, those above a score, each
 * unit / group's places, the judges' picks (ties at a boundary advance together; buckets
 * short of entrants are reported).
 */
@Injectable()
export class QuotaAdvancement implements OnModuleInit {
  constructor(private readonly advancement: AdvancementService) {}

  onModuleInit(): void {
    this.advancement.useSelector((ranking, rule, picked) => selectAdvancing(ranking, parseAdvancementRule(rule), picked));
  }
}
