/**
 * The first half of a cluster node's push latency, from its own `gws_event_delivery_seconds` histogram (GET
 * /metrics): T-Server event timestamp → the notification handed to the user's CometD sessions, after the append to
 * Redis and the pub/sub round. What follows (the long poll reply through nginx to the browser) is the rest of the
 * bench's latency. A node observes only what it delivered itself, so the nodes' histograms add up to every event.
 */
/** Cumulative counts by upper bound in ms (`Infinity`: every observation). */
export type DeliveryHistogram = ReadonlyMap<number, number>;

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

const BUCKET = /^gws_event_delivery_seconds_bucket\{le="([^"]+)"\} (\d+(?:\.\d+)?)$/;

/** The node's histogram now; undefined when it does not answer (a killed node). */
export async function scrapeDelivery(nodeUrl: string): Promise<DeliveryHistogram | undefined> {
  try {
    const response = await fetch(`${nodeUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    const buckets = new Map<number, number>();
    for (const line of (await response.text()).split('\n')) {
      const match = BUCKET.exec(line);
      if (match) buckets.set(match[1] === '+Inf' ? Infinity : Number(match[1]) * 1000, Number(match[2]));
    }
    return buckets;
  } catch {
    return undefined;
  }
}

/** What the nodes observed between two scrapes, summed; nodes missing from either scrape are left out. */
export function deliveredBetween(
  before: readonly (DeliveryHistogram | undefined)[],
  after: readonly (DeliveryHistogram | undefined)[],
): DeliveryHistogram {
  const sum = new Map<number, number>();
  after.forEach((histogram, node) => {
    const earlier = before[node];
    if (histogram === undefined || earlier === undefined) return;
    for (const [le, count] of histogram) sum.set(le, (sum.get(le) ?? 0) + count - (earlier.get(le) ?? 0));
  });
  return sum;
}

/**
 * The share of events handed over within each bound, and the bound the median and the 99th percentile fall under
 * (null: above the largest bound).
 */
export function deliverySummary(histogram: DeliveryHistogram): Record<string, unknown> {
  const count = histogram.get(Infinity) ?? 0;
  const bounds = [...histogram.keys()].filter((le) => le !== Infinity).sort((a, b) => a - b);
  const within = (share: number): number | null =>
    bounds.find((le) => (histogram.get(le) ?? 0) >= share * count) ?? null;
  return {
    count,
    shareWithinMs: Object.fromEntries(
      bounds.map((le) => [String(le), count === 0 ? null : round3((histogram.get(le) ?? 0) / count)]),
    ),
    p50AtMostMs: count === 0 ? null : within(0.5),
    p99AtMostMs: count === 0 ? null : within(0.99),
  };
}
