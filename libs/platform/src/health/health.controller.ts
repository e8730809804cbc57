import { Public } from '../http/public.decorator';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import { RedisClient } from '../redis/create-redis';
import { ReadReplica } from '../database/read-replica';
import { Queues } from '../queues/queue-names';
import { REDIS } from '../redis/redis.tokens';

const TIMEOUT_MS = 1500;

function within<T>(p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref())]);
}

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['up', 'down'] }, latencyMs: { type: 'number' } },
      additionalProperties: true,
    },
    description:
      'database, redis, queue: each up or down, with its latency (and error when down); replica: its state (off, up, lagging, down), lagMs and where the read paths go (serving)',
  })
  checks!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly typeorm: TypeOrmHealthIndicator,
    @Inject(REDIS) private readonly redis: RedisClient,
    @InjectQueue(Queues.answerWriteback) private readonly writeback: Queue,
    private readonly replica: ReadReplica,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Database, Redis and queue status; 503 with status "degraded" when any is down' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'Something is down: status degraded, Retry-After 5' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    try {
      const r = await this.health.check([
        () => this.typeorm.pingCheck('database', { timeout: TIMEOUT_MS }),
        () => this.probe('redis', async () => ({ ping: await this.redis.ping() })),
        () => this.probe('queue', async () => ({ waiting: await this.writeback.getWaitingCount() })),
        // Never "down": a lagging or dead replica only sends its reads to the primary.
        () => this.indicator.check('replica').up({ ...this.replica.status() }),
      ]);
      return { status: 'ok', checks: r.details, at: new Date().toISOString() };
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const r = e.getResponse() as { details?: Record<string, unknown> };
      void reply.status(503).header('Retry-After', '5');
      return { status: 'degraded', checks: r.details ?? {}, at: new Date().toISOString() };
    }
  }

  private async probe(key: string, fn: () => Promise<Record<string, unknown>>) {
    const session = this.indicator.check(key);
    const t0 = Date.now();
    try {
      const data = await within(fn());
      return session.up({ latencyMs: Date.now() - t0, ...data });
    } catch (e) {
      return session.down({ latencyMs: Date.now() - t0, error: (e as Error).message });
    }
  }
}
