/**
 * Preloaded into the GWS node processes of `bench:events -- --nodes N --redis` (NODE_OPTIONS=--require): on SIGUSR2
 * the process runs a full GC and writes `bench-heap-settled <count>` to stderr. The bench settles every process's
 * heap right before a measured drive (events-usage.ts); its IPC children do it on `usage`, and a node started as
 * `npm run start:node` runs it has no IPC, so a signal does it. Plain CommonJS, as it loads before tsx does (an
 * ES module preload, --import, would make Node load the node's TypeScript entry as an ES module too, and fail).
 */
'use strict';
const { setFlagsFromString } = process.getBuiltinModule('node:v8');
const { runInNewContext } = process.getBuiltinModule('node:vm');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
let settled = 0;
process.on('SIGUSR2', () => {
  collectGarbage();
  process.stderr.write(`bench-heap-settled ${++settled}\n`);
});
