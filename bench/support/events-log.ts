/** Progress of `bench/events.bench.ts`: stderr, as stdout carries the JSON result only. */
export function log(line: string): void {
  process.stderr.write(`[bench:events] ${line}\n`);
}
