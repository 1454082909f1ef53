/**
 * The publisher of the topology-matched baseline of `bench/events.bench.ts`, run as a child process (forked with
 * IPC): it connects to the baseline child's feed port (the first argument, on 127.0.0.1) and, on `drive`, runs the
 * same schedule as the simulator child (`events-drive.ts`) over `targetCount` sessions. Each event is a copy of the
 * sampled GWS message, stamped right before it is written to the feed, as the T-Server simulator stamps an event
 * before writing it to GWS. So the baseline server's own pauses (GC, a busy loop) count in its latency, as GWS's do.
 * Answers `driven` with the stamps. Nothing goes to stdout.
 */
import { connect } from 'node:net';
import { exitOnStop, failChild } from './bench-child';
import { processUsage, readyReport } from './events-usage';
import { wallClockMs } from './events-clock';
import { drive } from './events-drive';
import { feedLine, SampleCopies } from './events-baseline-feed';
import { isEventsCommand, type EventsServerMessage } from './events-protocol';

function send(message: EventsServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const feedPort = Number(process.argv[2]);
  if (!Number.isInteger(feedPort) || feedPort <= 0) throw new Error('usage: events-baseline-publisher <feed port>');
  const started = performance.now();
  const feed = connect({ host: '127.0.0.1', port: feedPort, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    feed.once('connect', resolve);
    feed.once('error', reject);
  });
  feed.on('error', failChild);

  const stop = exitOnStop(() => {
    feed.destroy();
  });
  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      stop();
    } else if (command.type === 'drive') {
      const { samples, targetCount } = command;
      if (samples === undefined || targetCount === undefined) {
        failChild(new Error('publisher drive without samples or targetCount'));
        return;
      }
      const copies = new SampleCopies(samples, 'p');
      drive<{ target: number; id: string }>(command.spec, targetCount, {
        start: (target) => {
          const id = copies.nextCallId();
          const line = feedLine(target, copies.ringing(id));
          const origin = wallClockMs();
          feed.write(line);
          return { call: { target, id }, id, origin };
        },
        end: ({ target, id }) => {
          const line = feedLine(target, copies.released(id));
          const origin = wallClockMs();
          feed.write(line);
          return origin;
        },
      }).then((report) => send({ type: 'driven', ...report }), failChild);
    } else if (command.type === 'usage') {
      send(processUsage(0, command.settle === true));
    }
  });
  send(readyReport(feedPort, started));
}

main().catch(failChild);
