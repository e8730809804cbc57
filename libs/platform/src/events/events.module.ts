import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus';

/** One EventBus per process (api, worker, CLI, test app). */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventsModule {}
