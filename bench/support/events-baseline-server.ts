/**
 * The baseline side of `bench/events.bench.ts`, run as a child process (forked with IPC): a bare
 * cometd-nodejs-server on 0.0.0.0:<free port> (path /api/v2/notifications), created with the options GWS's
 * notifications module uses by default (DEFAULT_NOTIFICATIONS_OPTIONS) and the same acknowledgement extension, with
 * nothing else: no REST, no authentication, no T-Lib, no state. Every session that handshakes is a target.
 *
 * On `drive` it runs the same schedule as the GWS child (`events-drive.ts`): a "call" to a random idle session is a
 * copy of the sampled GWS Ringing CallStateChangeMessage delivered with `session.deliver` on `/v2/me/calls`, and
 * `holdMs` later a copy of the sampled Released one to the same session; each copy carries its own `call.id`, and
 * its origin stamp is taken right before `deliver`. Answers `driven` with those stamps. Nothing goes to stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCometDServer, type ServerSession } from 'cometd-nodejs-server';
import { AcknowledgedMessagesExtension } from 'cometd-nodejs-server/ack-extension';
import { DEFAULT_NOTIFICATIONS_OPTIONS } from '../../apps/gws/src/notifications/notifications-options';
import { wallClockMs, wallClockSkewMs } from './events-clock';
import { drive } from './events-drive';
import { isEventsCommand, type BaselineSamples, type DriveSpec, type EventsServerMessage } from './events-protocol';

const MB = 1024 * 1024;

function send(message: EventsServerMessage): void {
  process.send?.(message);
}

/** A copy of `sample` whose `call.id` (and `call.callUuid`) is `id`: same shape and, ids of equal length, same size. */
function copyOf(sample: Record<string, unknown>, id: string): Record<string, unknown> {
  const call = sample['call'] as Record<string, unknown>;
  return { ...sample, call: { ...call, id, callUuid: id } };
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = DEFAULT_NOTIFICATIONS_OPTIONS;
  const cometd = createCometDServer({
    timeout: options.timeout,
    interval: options.interval,
    maxInterval: options.maxInterval,
    maxSessionsPerBrowser: options.maxSessionsPerBrowser,
    multiSessionInterval: options.multiSessionInterval,
    browserCookieSecure: options.browserCookieSecure,
    browserCookieSameSite: options.browserCookieSameSite,
  });
  cometd.addExtension(new AcknowledgedMessagesExtension());
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

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    cometd.close();
    http.closeAllConnections();
    http.close(() => process.exit(0));
  };

  let nextId = 0;
  const driveMessages = async (spec: DriveSpec, samples: BaselineSamples): Promise<void> => {
    // Ids as long as a GWS CallUUID (26 characters here), so that the copies have the size of the samples.
    const sampleId = (samples.ringing['call'] as { id?: unknown }).id;
    const idLength = typeof sampleId === 'string' && sampleId.length > 0 ? sampleId.length : 26;
    const targets = [...sessions];
    const report = await drive<{ session: ServerSession; id: string }>(spec, targets.length, {
      start: (index) => {
        const session = targets[index]!;
        const id = `b${String(nextId++).padStart(idLength - 1, '0')}`;
        const message = copyOf(samples.ringing, id);
        const origin = wallClockMs();
        session.deliver(null, '/v2/me/calls', message);
        return { call: { session, id }, id, origin };
      },
      end: ({ session, id }) => {
        const message = copyOf(samples.released, id);
        const origin = wallClockMs();
        session.deliver(null, '/v2/me/calls', message);
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
        send({ type: 'failed', message: 'baseline drive without samples' });
        return;
      }
      driveMessages(command.spec, command.samples).catch((error: unknown) =>
        send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
    } else {
      const cpu = process.cpuUsage();
      const { idle, active } = performance.eventLoopUtilization();
      send({
        type: 'usage',
        rssMb: Math.round(process.memoryUsage.rss() / MB),
        peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / MB),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        eventLoop: { idleMs: idle, activeMs: active },
        sessions: sessions.size,
      });
    }
  });
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  send({
    type: 'ready',
    port,
    startupMs: Math.round(performance.now() - started),
    rssMb: Math.round(process.memoryUsage.rss() / MB),
    clockSkewMs: wallClockSkewMs(),
  });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
