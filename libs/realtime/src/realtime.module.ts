import { Module } from '@nestjs/common';
import { LiveGateway, LiveAuth } from './live.gateway';
import { LiveRelay } from './live-relay.service';
import { LiveService } from './live.service';
import { SocketQuota } from './socket-quota';

/** The live emitter for any process (api, worker, CLIs): `LiveService`. Needs PlatformModule. */
@Module({ providers: [LiveService], exports: [LiveService] })
export class RealtimeModule {}

/**
 * The api side: the /live namespace's transport gateway (handshake, user rooms, limits,
 * time:sync) and the relay. Every feature with socket events imports it; Nest builds it once,
 * so the namespace has one auth middleware however many gateways share it.
 */
@Module({
  imports: [RealtimeModule],
  providers: [LiveGateway, LiveRelay, SocketQuota, LiveAuth],
  exports: [RealtimeModule, LiveAuth],
})
export class RealtimeApiModule {}
