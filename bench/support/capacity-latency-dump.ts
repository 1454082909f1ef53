/**
 * `--latency-dump FILE`: every event of a drive as one CSV line, to see when in the window the slow ones were (a GC,
 * a periodic task over every session): `origin_ms` (from the start of the measured window, negative in the warm-up),
 * `latency_ms` (empty when lost), `to_cometd_ms` (GWS only: event → CometdGateway.deliver, empty when unknown), `key`,
 * `target` (the index of the agent or client the event was for).
 */
import { writeFileSync } from 'node:fs';
import type { Arrivals } from './events-browser';
import type { DriveReport } from './events-protocol';

const at3 = (value: number): string => value.toFixed(3);

export function writeLatencyDump(file: string, report: DriveReport, arrivals: Arrivals): void {
  const lines = ['origin_ms,latency_ms,to_cometd_ms,key,target'];
  for (let i = 0; i < report.keys.length; i++) {
    const key = report.keys[i]!;
    const origin = report.origins[i]!;
    const arrived = arrivals.at.get(key);
    const handed = report.handedToCometdAt?.[i] ?? -1;
    lines.push(
      [
        at3(origin - report.windowFrom),
        arrived === undefined ? '' : at3(arrived - origin),
        handed < 0 ? '' : at3(handed - origin),
        key,
        String(report.targetIndexes[i]),
      ].join(','),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
