import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/**
 * Every Redis key is built here so one prefix isolates a deployment or a test run.
 * Keys for one attempt share a {hash tag} so a Lua script can touch them on Redis Cluster.
 */
@Injectable()
export class RedisKeys {
  readonly prefix: string;
  constructor(config: AppConfig) {
    this.prefix = config.redisPrefix;
  }
  key(...parts: (string | number)[]): string {
    return `${this.prefix}:${parts.join(':')}`;
  }
}
