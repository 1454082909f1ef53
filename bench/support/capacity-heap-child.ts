/**
 * Summarises a GWS heap snapshot for `bench/capacity.bench.ts`, in its own process so that parsing a few GB of
 * snapshot weighs on neither the bench nor GWS: `<snapshot file> <sessions> [class,class,...]` (the classes whose
 * retained size to report). Forked with IPC, it answers `summary` (or `failed`); run by hand
 * (`npx tsx bench/support/capacity-heap-child.ts <file> <sessions>`), it prints the summary as JSON.
 */
import { failChild } from './bench-child';
import { readHeapSnapshot } from './capacity-heap-snapshot';
import { summariseHeap, type HeapSummaryMessage } from './capacity-heap-summary';

/** The classes GWS holds per session or per event, whose retained size the summary reports by default. */
const DEFAULT_RETAINED_CLASSES = [
  'MemoryUserEventStream',
  'CometdGateway',
  'BayeuxSessionRegistry',
  'MemorySessionStore',
  'Socket',
  'ServerResponse',
  'IncomingMessage',
];

function main(): void {
  const [file, sessionsArg, classesArg] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: capacity-heap-child <snapshot file> <sessions> [classes]');
  const classes = classesArg === undefined ? DEFAULT_RETAINED_CLASSES : classesArg.split(',');
  const start = performance.now();
  const snapshot = readHeapSnapshot(file);
  const read = performance.now();
  const summary = summariseHeap(snapshot, Number(sessionsArg ?? 0), classes);
  const message: HeapSummaryMessage = {
    type: 'summary',
    summary,
    readMs: Math.round(read - start),
    summariseMs: Math.round(performance.now() - read),
  };
  if (process.send !== undefined) process.send(message, () => process.exit(0));
  else process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);
}

try {
  main();
} catch (error) {
  failChild(error);
}
