/**
 * Preloaded into the GWS node processes of `bench:events -- --nodes N --redis` (NODE_OPTIONS=--require): on SIGUSR2
 * the process runs a full GC and writes `bench-heap-settled <count>` to stderr. The bench settles every process's
 * heap right before a measured drive (events-usage.ts); its IPC children do it on `usage`, and a node started as
 * `npm run start:node` runs it has no IPC, so a signal does it. Plain CommonJS, as it loads before tsx does (an
 * ES module preload, --import, would make Node load the node's TypeScript entry as an ES module too, and fail).
 *
 * With BENCH_CPU_PROF_DIR set it also profiles the process (V8's sampling profiler through node:inspector, as Node
 * refuses --cpu-prof in NODE_OPTIONS), cut at every settle: `<GWS_NODE_ID>.<count>.cpuprofile` covers the span
 * that ends at settle <count>, so 1 is start-up and logins and 2 the first drive. What follows the last settle is
 * not written.
 */
'use strict';
const { setFlagsFromString } = process.getBuiltinModule('node:v8');
const { runInNewContext } = process.getBuiltinModule('node:vm');
const { Session } = process.getBuiltinModule('node:inspector');
const { writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
const profileDir = process.env.BENCH_CPU_PROF_DIR;
const profiler = profileDir === undefined ? undefined : new Session();
if (profiler !== undefined) {
  profiler.connect();
  profiler.post('Profiler.enable');
  profiler.post('Profiler.start');
}

/** Writes the profile since the previous cut and starts the next (a same-thread session answers synchronously). */
function cutProfile(count) {
  profiler.post('Profiler.stop', (error, result) => {
    if (error) process.stderr.write(`bench-cpu-profile ${count} failed: ${error.message}\n`);
    else
      writeFileSync(join(profileDir, `${process.env.GWS_NODE_ID}.${count}.cpuprofile`), JSON.stringify(result.profile));
  });
  profiler.post('Profiler.start');
}

let settled = 0;
process.on('SIGUSR2', () => {
  settled++;
  if (profiler !== undefined) cutProfile(settled);
  collectGarbage();
  process.stderr.write(`bench-heap-settled ${settled}\n`);
});
