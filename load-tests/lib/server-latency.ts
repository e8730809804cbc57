import { request } from 'undici';
import { productionEnv } from './env';
import { round } from './stats';

/** Cumulative request counts per `le` bucket (seconds; Infinity last), per "METHOD route". */
export type Durations = Map<string, Map<number, number>>;

const BUCKET = /^http_request_duration_seconds_bucket\{([^}]*)\} (\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/;
const LABEL = /(\w+)="([^"]*)"/g;

/** The api instances' own request-duration histograms (Fastify's onResponse: parse to reply sent), summed over instances and statuses. */
export async function scrapeDurations(urls: string[]): Promise<Durations> {
  const out: Durations = new Map();
  for (const url of urls) {
    const res = await request(`${url}/metrics`, { headers: { authorization: `Bearer ${productionEnv().METRICS_TOKEN}` } });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET ${url}/metrics: ${res.statusCode}`);
    for (const line of text.split('\n')) {
      const m = BUCKET.exec(line);
      if (!m) continue;
      const labels = Object.fromEntries([...m[1].matchAll(LABEL)].map(([, k, v]) => [k, v]));
      const key = `${labels.method} ${labels.route}`;
      const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
      const buckets = out.get(key) ?? new Map<number, number>();
      buckets.set(le, (buckets.get(le) ?? 0) + Number(m[2]));
      out.set(key, buckets);
    }
  }
  return out;
}

/**
 * Per route with at least `minCount` requests between two scrapes: the count and the p50/p99
 * in ms as Prometheus's histogram_quantile reads them (linear inside the bucket; the buckets are
 * 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000 ms, so a figure is only as fine as its bucket;
 * beyond the last one it says "> 5000").
 */
export function serverSideLatency(
  before: Durations,
  after: Durations,
  minCount = 100,
): Record<string, { count: number; p50: number | string; p99: number | string }> {
  const out: Record<string, { count: number; p50: number | string; p99: number | string }> = {};
  for (const [key, buckets] of after) {
    const les = [...buckets.keys()].sort((a, b) => a - b);
    const counts = les.map((le) => buckets.get(le)! - (before.get(key)?.get(le) ?? 0));
    const total = counts[counts.length - 1];
    if (total < minCount) continue;
    const quantile = (q: number): number | string => {
      const rank = q * total;
      const i = counts.findIndex((c) => c >= rank);
      if (les[i] === Infinity) return `> ${les[i - 1] * 1000}`;
      const lo = i === 0 ? 0 : les[i - 1];
      const below = i === 0 ? 0 : counts[i - 1];
      const inBucket = counts[i] - below;
      return round((lo + (les[i] - lo) * (inBucket ? (rank - below) / inBucket : 1)) * 1000, 0);
    };
    out[key] = { count: total, p50: quantile(0.5), p99: quantile(0.99) };
  }
  return out;
}
