import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process. Features add their gauges through `gauge()`. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly sockets = new Gauge({ name: 'socket_connections', help: 'Open Socket.IO connections on this instance', registers: [this.registry] });
  private readonly gauges = new Map<string, Gauge>();
  private readonly counters = new Map<string, Counter>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  gauge(name: string, help: string, labelNames: string[] = [], collect?: (g: Gauge) => Promise<void> | void): Gauge {
    let g = this.gauges.get(name);
    if (!g) {
      g = new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect: collect
          ? function (this: Gauge) {
              return collect(this);
            }
          : undefined,
      });
      this.gauges.set(name, g);
    }
    return g;
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter {
    let c = this.counters.get(name);
    if (!c) {
      c = new Counter({ name, help, labelNames, registers: [this.registry] });
      this.counters.set(name, c);
    }
    return c;
  }
}
