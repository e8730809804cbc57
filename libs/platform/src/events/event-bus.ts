import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../http/domain-error';
import type { AppEventName, AppEvents } from './app-events';

export type AppEventHandler<E extends AppEventName> = (payload: AppEvents[E]) => void | Promise<void>;

/** What an emit did: how many handlers ran, and what those that failed threw (already logged). */
export interface EmitOutcome {
  handlers: number;
  failures: unknown[];
}

interface Registered {
  label: string;
  run: (payload: unknown) => void | Promise<void>;
}

/**
 * A typed in-process event bus: lets a lower module tell higher ones something happened
 * without depending on them (see `AppEvents` for the list). Handlers register in their
 * `onModuleInit` with `bus.on(…)` and run one after another in registration order (a
 * module's dependencies initialise first, so contests' cache drops before leaderboard pushes).
 * A handler's failure is logged and collected, never thrown at the emitter: `emit` does not reject.
 * It is not a queue: nothing crosses processes, except the few `RELAYED_EVENTS` that libs/realtime's
 * live relay carries to every api instance (live pushes relay through Redis themselves).
 */
@Injectable()
export class EventBus {
  private readonly log = new Logger(EventBus.name);
  private readonly handlers = new Map<AppEventName, Registered[]>();

  /** Registers a handler; returns a function that removes it. `label` names it in logs. */
  on<E extends AppEventName>(event: E, label: string, handler: AppEventHandler<E>): () => void {
    const list = this.handlers.get(event) ?? [];
    const entry: Registered = { label, run: handler as (payload: unknown) => void | Promise<void> };
    this.handlers.set(event, [...list, entry]);
    return () =>
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== entry),
      );
  }

  async emit<E extends AppEventName>(event: E, payload: AppEvents[E]): Promise<EmitOutcome> {
    const list = this.handlers.get(event) ?? [];
    const failures: unknown[] = [];
    for (const h of list) {
      try {
        await h.run(payload);
      } catch (e) {
        failures.push(e);
        // A DomainError is a handler's answer (e.g. a refused attempt event), not a fault.
        if (e instanceof DomainError) this.log.debug(`${event} → ${h.label}: ${e.message}`);
        else this.log.warn(`${event} → ${h.label} failed: ${(e as Error)?.message ?? String(e)}`);
      }
    }
    return { handlers: list.length, failures };
  }
}
