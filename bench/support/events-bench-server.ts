/**
 * The GWS side of `bench/events.bench.ts`, run as a child process (forked with IPC). A GWS node listening on
 * 0.0.0.0:<free port> (GWS compiled with swc, LOG_LEVEL=silent), connected as test/support/gws-test-platform.ts
 * connects it (GWS_EMBEDDED=false) to the T-Server and Configuration Server simulators of the simulator child
 * (`events-sim-server.ts`), whose ports are the arguments: <T-Server primary> <T-Server backup> <Configuration
 * Server>. Nothing but GWS runs here, so this process's CPU, memory and event-loop figures are GWS's.
 *
 * It wraps `CometdGateway.deliver` (read only) to note when each CallStateChangeMessage is handed to
 * cometd-nodejs-server, and listens first on the T-Server client's `event` to note when each call event reached GWS
 * (decoded and de-duplicated, before GWS's own work); on `handed` it answers both times for the keys asked and
 * forgets them. On `heap` (sent by
 * `bench/capacity.bench.ts` only) it answers its heap figures (capacity-gws-heap.ts). Nothing is written to stdout.
 */
import { exitOnStop, failChild } from './bench-child';
import { loadBenchGws, type BenchGws, type BenchGwsModules } from './bench-gws';
import { processUsage, readyReport } from './events-usage';
import { wallClockMs } from './events-clock';
import { isEventsCommand, type EventsServerMessage } from './events-protocol';
import { gwsHeapReport } from './capacity-gws-heap';

/**
 * When each CallStateChangeMessage reached `CometdGateway.deliver` (the hand-over from GWS to cometd-nodejs-server),
 * keyed as the browsers key them. The wrapper only reads the message and adds a Map write per delivery.
 */
const handedToCometd = new Map<string, number>();
/** When the T-Server client passed each call event on, keyed as above (EventRinging: Ringing; any other: Released). */
const receivedFromTServer = new Map<string, number>();

function noteHandOvers({ notifications }: BenchGwsModules): void {
  const gatewayPrototype = notifications.CometdGateway.prototype;
  const deliver = gatewayPrototype.deliver;
  gatewayPrototype.deliver = function (this: typeof gatewayPrototype, session, channel, data) {
    const message = data as { messageType?: unknown; call?: { id?: unknown; state?: unknown } };
    if (message.messageType === 'CallStateChangeMessage' && typeof message.call?.id === 'string') {
      const key = `${message.call.id}:${String(message.call.state)}`;
      if (!handedToCometd.has(key)) handedToCometd.set(key, wallClockMs());
    }
    deliver.call(this, session, channel, data);
  };
}

/** The bench's drive makes Ringing then Abandoned or Released per call, one event each on the agent's DN. */
function noteArrivals(gws: BenchGws): void {
  gws.tserver.prependListener('event', (event) => {
    const uuid = event.attributes.CallUUID;
    if (
      uuid === undefined ||
      (event.name !== 'EventRinging' && event.name !== 'EventAbandoned' && event.name !== 'EventReleased')
    )
      return;
    const key = `${uuid}:${event.name === 'EventRinging' ? 'Ringing' : 'Released'}`;
    if (!receivedFromTServer.has(key)) receivedFromTServer.set(key, wallClockMs());
  });
}

function send(message: EventsServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [primary, backup, confservPort] = process.argv.slice(2).map(Number);
  if (primary === undefined || backup === undefined || confservPort === undefined)
    throw new Error('usage: events-bench-server <T-Server primary port> <T-Server backup port> <ConfServ port>');
  const started = performance.now();
  const bench = await loadBenchGws();
  noteHandOvers(bench);
  const gws = await bench.startBenchGws({ tserverPrimary: primary, tserverBackup: backup, confserv: confservPort });
  noteArrivals(gws);
  const stop = exitOnStop(() => gws.app.close());

  process.on('message', (command: unknown) => {
    if (!isEventsCommand(command)) return;
    if (command.type === 'stop') {
      stop();
    } else if (command.type === 'handed') {
      const at = command.keys.map((key) => handedToCometd.get(key) ?? -1);
      const receivedAt = command.keys.map((key) => receivedFromTServer.get(key) ?? -1);
      handedToCometd.clear();
      receivedFromTServer.clear();
      send({ type: 'handed', at, receivedAt });
    } else if (command.type === 'usage') {
      send(processUsage(gws.publisher.stats().bayeuxSessions, command.settle === true));
    } else if (command.type === 'heap') {
      send(gwsHeapReport(gws.app, command.snapshotFile, command.freeEventLog === true));
    }
  });
  send(readyReport(gws.port, started));
}

main().catch(failChild);
