export * from './realtime.module';
export * from './live.service';
export * from './live-events';
export * from './live-socket';
export { LiveAuth } from './live.gateway';
export { LiveIoAdapter } from './live-io.adapter';
export { userRoom } from './rooms';
