import type { LiveFinalEvents } from './live-finals.types';

/** The live final's server → client events on /live (SPEC "Live finals"), added to the transport's map. */
declare module '@lc/realtime' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation: the interface gains these members
  interface LiveEvents extends LiveFinalEvents {}
}

export {};
