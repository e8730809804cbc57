import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../http/domain-error';
import { Public } from '../http/public.decorator';
import { MetricsService } from './metrics.service';

/** Open by default (scraped on the private network); METRICS_TOKEN makes it need that bearer token. */
@Public()
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const expected = this.config.metricsToken;
    if (expected !== undefined && !sameText(authorization ?? '', `Bearer ${expected}`))
      throw new DomainError('unauthorized', 401, 'The metrics token is missing or wrong');
    return this.metrics.registry.metrics();
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
