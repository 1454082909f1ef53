/**
 * Summarises a GWS heap snapshot for `bench/capacity.bench.ts` (capacity-heap-summary.ts), in its own process so that
 * parsing a GB of snapshot weighs on neither the bench nor GWS: `<snapshot file> <sessions>`. Forked with IPC, it
 * answers `summary` (or `failed`); run by hand (`npx tsx bench/support/capacity-heap-child.ts <file> <sessions>`), it
 * prints the summary as JSON.
 */
import { failChild } from './bench-child';
import { readHeapSnapshot } from './capacity-heap-snapshot';
import { summariseHeap, type HeapSummaryMessage } from './capacity-heap-summary';

function main(): void {
  const [file, sessions] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: capacity-heap-child <snapshot file> <sessions>');
  const start = performance.now();
  const snapshot = readHeapSnapshot(file);
  const read = performance.now();
  const message: HeapSummaryMessage = {
    type: 'summary',
    summary: summariseHeap(snapshot, Number(sessions ?? 0)),
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
