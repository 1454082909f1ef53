/**
 * Node (V8) flags a GWS process is started with: `npm start`, the Dockerfile and the benchmarks' GWS child. They have
 * to be on the command line (V8 reads them at start-up; NODE_OPTIONS does not accept them).
 *
 * `--no-allocation-site-pretenuring`: during a login storm the long polls are parked for seconds, so V8 sees the
 * objects of the HTTP and CometD allocation sites survive and starts allocating them straight in the old generation.
 * Once calls flow those objects live a few milliseconds, but from the old generation they keep what they point to
 * alive through every scavenge until the next full GC: each scavenge promoted about 2.5 MB and paused 5-12 ms
 * (`--trace-gc-nvp`, 200 agents at 1,000 events/s). Without pretenuring it promoted about 0.5 MB and paused 2-6 ms.
 * Figures and runs: docs/bench-events.md.
 */
export const GWS_NODE_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/** The flags of {@link GWS_NODE_FLAGS} this process was not started with. */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return GWS_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
