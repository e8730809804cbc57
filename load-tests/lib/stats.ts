/** Latencies and counts per endpoint, reported as p50/p95/p99 in milliseconds. */
export class Stats {
  private readonly lat = new Map<string, number[]>();
  private readonly errs = new Map<string, Map<string, number>>();

  add(endpoint: string, ms: number): void {
    let a = this.lat.get(endpoint);
    if (!a) this.lat.set(endpoint, (a = []));
    a.push(ms);
  }

  error(endpoint: string, kind: string): void {
    let m = this.errs.get(endpoint);
    if (!m) this.errs.set(endpoint, (m = new Map()));
    m.set(kind, (m.get(kind) ?? 0) + 1);
  }

  get requests(): number {
    let n = 0;
    for (const a of this.lat.values()) n += a.length;
    for (const m of this.errs.values()) for (const v of m.values()) n += v;
    return n;
  }

  get errors(): number {
    let n = 0;
    for (const m of this.errs.values()) for (const v of m.values()) n += v;
    return n;
  }

  report(): Record<string, { count: number; errors: number; errorKinds?: Record<string, number>; p50: number; p95: number; p99: number; max: number }> {
    const out: ReturnType<Stats['report']> = {};
    const names = new Set([...this.lat.keys(), ...this.errs.keys()]);
    for (const name of [...names].sort()) {
      const a = this.lat.get(name) ?? [];
      const e = this.errs.get(name);
      const errors = e ? [...e.values()].reduce((x, y) => x + y, 0) : 0;
      out[name] = { count: a.length + errors, errors, ...(e ? { errorKinds: Object.fromEntries(e) } : {}), ...percentiles(a) };
    }
    return out;
  }
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  if (!values.length) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const s = Float64Array.from(values).sort();
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(s[s.length - 1]) };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
