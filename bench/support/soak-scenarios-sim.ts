/**
 * Scenarios 7 and 8 of `bench/soak.ts`, on the T-Server simulator inside the server under test: connections that
 * start a ~1 MiB frame and never register (docs/simulator.md, Limits), and a call injected right after a switchover
 * that GWS must still show.
 */
import { connect as netConnect } from 'node:net';
import { DEFAULT_MAX_FRAME_BYTES, FRAME_HEADER_BYTES, FrameKind, PROTOCOL_TAGS } from '@gws/tlib';
import { control, seatAgent, sleep, type Scenario, type SoakContext } from './soak-context';

/** Bytes of the frame actually sent after its header. */
const FIRST_BYTES = 4096;
/** How long the connections are watched for the simulator to close them. */
const WATCH_MS = 3_000;

/** A T-Lib frame header (wire profile open-gws/1: tag u16, kind u8, payload length u32) announcing ~1 MiB. */
function oversizedFrameStart(): Buffer {
  const start = Buffer.alloc(FRAME_HEADER_BYTES + FIRST_BYTES);
  start.writeUInt16BE(PROTOCOL_TAGS['tlib']!, 0);
  start.writeUInt8(FrameKind.Message, 2);
  start.writeUInt32BE(DEFAULT_MAX_FRAME_BYTES - FRAME_HEADER_BYTES, 3);
  return start;
}

interface Listener {
  connected: boolean;
  /** Ms from connecting until the simulator closed the connection; undefined while open. */
  closedAfterMs: number | undefined;
  destroy(): void;
}

function openListener(context: SoakContext, start: Buffer): Listener {
  const opened = performance.now();
  const socket = netConnect({ port: context.ports.tserverPort, host: '127.0.0.1', localAddress: context.address() });
  const listener: Listener = { connected: false, closedAfterMs: undefined, destroy: () => socket.destroy() };
  const closed = (): void => {
    listener.closedAfterMs ??= Math.round(performance.now() - opened);
  };
  socket.on('connect', () => {
    listener.connected = true;
    socket.write(start);
  });
  socket.on('end', closed);
  socket.on('error', closed);
  socket.on('close', closed);
  return listener;
}

export const simListeners: Scenario = {
  name: 'sim-listeners',
  budgetMs: 10_000,
  async run(context) {
    const rssBeforeMb = context.server.rssMb() ?? 0;
    const start = oversizedFrameStart();
    const listeners: Listener[] = [];
    for (let i = 0; i < context.options.simConnections && !context.expired(); i++) {
      listeners.push(openListener(context, start));
    }
    let rssPeakMb = rssBeforeMb;
    const watchUntil = performance.now() + Math.min(WATCH_MS, context.remainingMs());
    while (performance.now() < watchUntil && listeners.some((l) => l.closedAfterMs === undefined)) {
      await sleep(100);
      rssPeakMb = Math.max(rssPeakMb, context.server.rssMb() ?? 0);
    }
    const closedBySimulator = listeners.filter((l) => l.closedAfterMs !== undefined);
    const report = {
      connections: listeners.length,
      connected: listeners.filter((l) => l.connected).length,
      closedBySimulator: closedBySimulator.length,
      stillOpenAfterWatch: listeners.length - closedBySimulator.length,
      watchedMs: WATCH_MS,
      maxCloseAfterMs: Math.max(0, ...closedBySimulator.map((l) => l.closedAfterMs!)),
      frameAnnouncedBytes: DEFAULT_MAX_FRAME_BYTES,
      bytesSentPerConnection: start.length,
      rssBeforeMb,
      rssPeakMb,
      rssGrowthMb: rssPeakMb - rssBeforeMb,
    };
    listeners.forEach((l) => l.destroy());
    await sleep(200);
    return {
      ...report,
      rssAfterMb: context.server.rssMb(),
      ok: report.stillOpenAfterWatch === 0 && report.rssGrowthMb < 64,
    };
  },
};

interface ListedCall {
  readonly id?: string;
  readonly connId?: string;
}

export const switchoverCall: Scenario = {
  name: 'switchover-call',
  budgetMs: 10_000,
  async run(context) {
    const { agent, device } = await seatAgent(context, 'agent9');
    const switched = await control(context, 'POST', '/switchover');
    const injected = await control(context, 'POST', '/calls', { ani: '+15550004321', destination: device.phoneNumber });
    const since = performance.now();
    const connId = injected.body['connId'];
    const callUuid = injected.body['callUuid'];
    let listedAfterMs: number | undefined;
    let lastListed: ListedCall[] = [];
    while (listedAfterMs === undefined && !context.expired() && typeof connId === 'string') {
      const calls = await agent.get('/api/v2/me/calls?fields=*');
      lastListed = (calls.body as { calls?: ListedCall[] }).calls ?? [];
      if (lastListed.some((call) => call.connId === connId || call.id === callUuid)) {
        listedAfterMs = Math.round(performance.now() - since);
      } else await sleep(200);
    }
    const hangup = typeof connId === 'string' ? (await control(context, 'POST', `/calls/${connId}/hangup`)).status : 0;
    return {
      switchoverStatus: switched.status,
      switchoverAnswer: switched.body,
      injectStatus: injected.status,
      listed: listedAfterMs !== undefined,
      listedAfterMs,
      ...(listedAfterMs === undefined ? { lastListed } : {}),
      hangupStatus: hangup,
      ok: switched.status === 200 && injected.status === 201 && listedAfterMs !== undefined,
    };
  },
};
