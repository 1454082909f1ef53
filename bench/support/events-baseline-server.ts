/**
 * The baseline side of `bench/events.bench.ts`, run as a child process (forked with IPC): a bare
 * cometd-nodejs-server on 0.0.0.0:<free port> (path /api/v2/notifications), created as GWS creates its own
 * (createNotificationsServer: DEFAULT_NOTIFICATIONS_OPTIONS and the acknowledgement extension), with
 * nothing else: no REST, no authentication, no T-Lib, no state. Every session that handshakes is a target.
 *
 * Messages reach it two ways, one after the other in a run:
 * - **publisher over the feed** (the baseline the targets are judged against): the publisher child
 *   (`events-baseline-publisher.ts`) sends each message as a line on a loopback TCP connection to the feed port
 *   (`ready.feedPort`); this child parses the line and calls `session.deliver` on `/v2/me/calls`. The stamp is taken
 *   in the publisher, so this process's pauses count, as GWS's do behind the simulator child.
 * - **in process** (`drive`, reported as `baselineInProcess`): this child runs the schedule itself
 *   (`events-drive.ts`) and stamps each message right before `session.deliver`. A pause of this process (a scavenge)
 *   delays the stamp as much as the delivery, so such pauses are not seen in its latency (coordinated omission).
 * Either way a "call" to a random idle session is a copy of the sampled GWS Ringing CallStateChangeMessage, and
 * `holdMs` later a copy of the sampled Released one to the same session; each copy carries its own `call.id`.
 * Sessions are numbered in the order they handshook. Nothing goes to stdout.
 */
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { ServerSession } from 'cometd-nodejs-server';
import { createNotificationsServer } from '../../apps/gws/src/notifications/cometd-server';
import { DEFAULT_NOTIFICATIONS_OPTIONS } from '../../apps/gws/src/notifications/notifications-options';
import { exitOnStop, failChild } from './bench-child';
import { processUsage, readyReport } from './events-usage';
import { wallClockMs } from './events-clock';
import { drive } from './events-drive';
import { BASELINE_CHANNEL, FeedReader, SampleCopies } from './events-baseline-feed';
import { isEventsCommand, type BaselineSamples, type DriveSpec, type EventsServerMessage } from './events-protocol';

function send(message: EventsServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = DEFAULT_NOTIFICATIONS_OPTIONS;
  const cometd = createNotificationsServer(options);
  const sessions = new Set<ServerSession>();
  cometd.addListener('sessionAdded', (session: ServerSession) => sessions.add(session));
  cometd.addListener('sessionRemoved', (session: ServerSession) => sessions.delete(session));
  const http = createServer((request, response) => {
    if (request.url?.startsWith(options.path) === true) cometd.handle(request, response);
    else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '0.0.0.0', resolve));
  const { port } = http.address() as AddressInfo;

  const stop = exitOnStop(() => {
    cometd.close();
    feed.close();
    http.closeAllConnections();
    return new Promise<void>((resolve) => http.close(() => resolve()));
  }, 3000);

  // The publisher's messages, delivered as they arrive to the sessions as numbered when the publisher connected.
  const feed = createTcpServer((socket) => {
    socket.setNoDelay(true);
    socket.setEncoding('utf8');
    const targets = [...sessions];
    const reader = new FeedReader((target, message) => targets[target]?.deliver(null, BASELINE_CHANNEL, message));
    socket.on('data', (chunk: string) => reader.push(chunk));
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const feedPort = (feed.address() as AddressInfo).port;

  const driveMessages = async (spec: DriveSpec, samples: BaselineSamples): Promise<void> => {
    const copies = new SampleCopies(samples, 'b');
    const targets = [...sessions];
    const report = await drive<{ session: ServerSession; id: string }>(spec, targets.length, {
      start: (index) => {
        const session = targets[index]!;
        const id = copies.nextCallId();
        const message = copies.ringing(id);
        const origin = wallClockMs();
        session.deliver(null, BASELINE_CHANNEL, message);
        return { call: { session, id }, id, origin };
      },
      end: ({ session, id }) => {
        const message = copies.released(id);
        const origin = wallClockMs();
        session.deliver(null, BASELINE_CHANNEL, message);
        return origin;
      },
    });
    send({ type: 'driven', ...report });
  };

  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      stop();
    } else if (command.type === 'drive') {
      if (command.samples === undefined) {
        failChild(new Error('baseline drive without samples'));
        return;
      }
      driveMessages(command.spec, command.samples).catch(failChild);
    } else if (command.type === 'usage') {
      send(processUsage(sessions.size, command.settle === true));
    }
  });
  send(readyReport(port, started, { feedPort }));
}

main().catch(failChild);
