import { Histogram, Registry } from 'prom-client';
import { TallyHistogram } from './tally-histogram';

const BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Bounds themselves (a value equal to a bound is in that bucket), between them, above all, zero. */
const VALUES = [0, 0.001, 0.0015, 0.002, 0.003, 0.01, 0.049, 0.1, 0.3, 1, 2.5, 2.6, 7, 0.001, 0.0004];

function pair(): { ours: Registry; theirs: Registry; tally: TallyHistogram; histogram: Histogram } {
  const ours = new Registry();
  const theirs = new Registry();
  const config = { name: 'gws_event_delivery_seconds', help: 'From the event to the hand-over' };
  const tally = new TallyHistogram({ ...config, buckets: BUCKETS, registers: [ours] });
  const histogram = new Histogram({ ...config, buckets: BUCKETS, registers: [theirs] });
  return { ours, theirs, tally, histogram };
}

describe('TallyHistogram', () => {
  it('exports what prom-client Histogram exports for the same observations, text and JSON', async () => {
    const { ours, theirs, tally, histogram } = pair();
    expect(await ours.metrics()).toBe(await theirs.metrics());
    for (const value of VALUES) {
      tally.record(value);
      histogram.observe(value);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    expect(await ours.metrics()).toContain(`gws_event_delivery_seconds_count ${VALUES.length}`);
  });

  it('exports nothing after reset until the next observation, as prom-client does', async () => {
    const { ours, theirs, tally, histogram } = pair();
    tally.record(0.3);
    histogram.observe(0.3);
    ours.resetMetrics();
    theirs.resetMetrics();
    expect(await ours.metrics()).toBe(await theirs.metrics());
    tally.record(0.004);
    histogram.observe(0.004);
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it("refuses values that are not numbers, and prom-client's observe (which it would not export)", () => {
    const { tally } = pair();
    expect(() => tally.record(Number.NaN)).toThrow(TypeError);
    expect(() => tally.observe(0.1)).toThrow(TypeError);
  });
});
